package io.casinoperf.gate.summary;

import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.IntCountsHistogram;

/**
 * A request's responses cut into consecutive time blocks (one second at first), each with its
 * count, KO count and a coarse latency histogram: what the gate needs to measure how far
 * responses close in time depend on each other (GC pauses, queueing, warm-up). Blocks are aligned
 * on epoch time, so injectors add up block by block. Never more than {@value #MAX_BLOCKS} blocks:
 * past that, neighbours merge and blocks get twice as long, so memory does not grow with the run.
 * While a log is read, the latest block's response times under {@value #DENSE_MILLIS} ms are
 * counted in an array and go into its histogram when the next block starts or the blocks are
 * read: one increment per response instead of a histogram record. Mutable while logs are read;
 * not thread-safe.
 */
public final class Blocks {
  static final int MAX_BLOCKS = 600;
  /** Enough precision to count responses above a percentile to within 1 %. */
  private static final int BLOCK_DIGITS = 2;
  /** Response times below this many ms are counted in an array for the latest block. */
  static final int DENSE_MILLIS = 4_096;

  /** One block: responses started in [index × width, (index + 1) × width) ms since the epoch. */
  public static final class Block {
    private final IntCountsHistogram latencies;
    private long count;
    private long koCount;

    Block() {
      this.latencies = new IntCountsHistogram(BLOCK_DIGITS);
    }

    private Block(IntCountsHistogram latencies, long koCount) {
      this.latencies = latencies;
      this.latencies.setAutoResize(true);
      this.count = latencies.getTotalCount();
      this.koCount = koCount;
    }

    /** A block as stored: its coarse histogram and its KO count. */
    public static Block restore(IntCountsHistogram latencies, long koCount) {
      if (koCount < 0 || koCount > latencies.getTotalCount()) {
        throw new IllegalArgumentException("block KO count " + koCount + " exceeds its "
            + latencies.getTotalCount() + " responses");
      }
      return new Block(latencies, koCount);
    }

    /** The block's coarse latency histogram (2 significant digits); read-only. */
    public IntCountsHistogram latencies() {
      return latencies;
    }

    void record(long millis, boolean ok) {
      latencies.recordValue(millis);
      count(ok);
    }

    /** Counts a response whose time goes into the histogram later. */
    void count(boolean ok) {
      count++;
      if (!ok) {
        koCount++;
      }
    }

    void add(Block other) {
      latencies.add(other.latencies);
      count += other.count;
      koCount += other.koCount;
    }

    public long count() {
      return count;
    }

    public long koCount() {
      return koCount;
    }

    /** Responses slower than {@code thresholdMillis}, to the histogram's 1 % precision. */
    public long countAbove(long thresholdMillis) {
      if (count == 0) {
        return 0;
      }
      return count - latencies.getCountBetweenValues(0, thresholdMillis);
    }
  }

  private long widthMillis = 1_000;
  private TreeMap<Long, Block> blocks = new TreeMap<>();

  public Blocks() {}

  /**
   * Blocks as stored: block {@code i} covers [i × width, (i + 1) × width) ms since the epoch.
   *
   * @throws IllegalArgumentException for a width that is not a positive number of milliseconds
   */
  public static Blocks restore(long widthMillis, Map<Long, Block> byIndex) {
    if (widthMillis < 1) {
      throw new IllegalArgumentException("block width must be >= 1 ms, was " + widthMillis);
    }
    Blocks restored = new Blocks();
    restored.widthMillis = widthMillis;
    restored.blocks = new TreeMap<>(byIndex);
    return restored;
  }

  /** The non-empty blocks by index (start = index × width), in time order; read-only. */
  public java.util.SortedMap<Long, Block> byIndex() {
    flush();
    return java.util.Collections.unmodifiableSortedMap(blocks);
  }
  // Records arrive roughly in time order: most land in the block of the previous one, found by
  // two comparisons instead of a division.
  private long lastStartMillis = Long.MAX_VALUE;
  private long lastEndMillis = Long.MIN_VALUE;
  private Block lastBlock;
  /** The latest block's responses not yet in its histogram, by ms, and which ms have any. */
  private int[] pending;
  private int[] touched;
  private int touchedCount;

  void record(long startEpochMillis, long latencyMillis, boolean ok) {
    if (startEpochMillis < lastStartMillis || startEpochMillis >= lastEndMillis) {
      flush();
      long index = Math.floorDiv(startEpochMillis, widthMillis);
      lastBlock = blocks.computeIfAbsent(index, i -> new Block());
      lastStartMillis = index * widthMillis;
      lastEndMillis = lastStartMillis + widthMillis;
      if (blocks.size() > MAX_BLOCKS) {
        widen();
        record(startEpochMillis, latencyMillis, ok);
        return;
      }
    }
    if (latencyMillis < DENSE_MILLIS) {
      if (pending == null) {
        pending = new int[DENSE_MILLIS];
        touched = new int[64];
      }
      int millis = (int) latencyMillis;
      if (pending[millis]++ == 0) {
        if (touchedCount == touched.length) {
          touched = java.util.Arrays.copyOf(touched, 2 * touchedCount);
        }
        touched[touchedCount++] = millis;
      }
      lastBlock.count(ok);
    } else {
      lastBlock.record(latencyMillis, ok);
    }
  }

  /** Puts the latest block's counted responses into its histogram. */
  private void flush() {
    for (int i = 0; i < touchedCount; i++) {
      int millis = touched[i];
      lastBlock.latencies.recordValueWithCount(millis, pending[millis]);
      pending[millis] = 0;
    }
    touchedCount = 0;
  }

  void add(Blocks other) {
    flush();
    other.flush();
    while (other.widthMillis > widthMillis) {
      widen();
    }
    for (Map.Entry<Long, Block> entry : other.blocks.entrySet()) {
      long start = entry.getKey() * other.widthMillis;
      blocks.computeIfAbsent(Math.floorDiv(start, widthMillis), i -> new Block()).add(entry.getValue());
    }
    while (blocks.size() > MAX_BLOCKS) {
      widen();
    }
  }

  public long widthMillis() {
    return widthMillis;
  }

  /** The non-empty blocks in time order. */
  public Iterable<Block> blocks() {
    flush();
    return blocks.values();
  }

  public int size() {
    return blocks.size();
  }

  private void widen() {
    flush();
    TreeMap<Long, Block> wider = new TreeMap<>();
    for (Map.Entry<Long, Block> entry : blocks.entrySet()) {
      wider.computeIfAbsent(Math.floorDiv(entry.getKey(), 2L), i -> new Block()).add(entry.getValue());
    }
    blocks = wider;
    widthMillis *= 2;
    lastStartMillis = Long.MAX_VALUE;
    lastEndMillis = Long.MIN_VALUE;
    lastBlock = null;
  }
}
