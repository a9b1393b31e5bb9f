package io.casinoperf.gate.summary;

import java.util.HashMap;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Counts and response times of one request name (or of all requests), in milliseconds: every
 * response in {@link #all()}, the OK ones again in {@link #ok()}. Mutable while a log is read;
 * not thread-safe.
 *
 * <p>While a log is read, response times under {@value #DENSE_MILLIS} ms (nearly all of them) are
 * counted in plain arrays indexed by the millisecond, one increment per response, and added to
 * the histograms, value by value with their counts, when the histograms are first asked for: the
 * same histograms as recording each response, at a fraction of the cost per record.
 */
public final class RequestStats {
  /** Response times below this many ms are counted in arrays while a log is read. */
  static final int DENSE_MILLIS = 4_096;

  private final Histogram all;
  private final Histogram ok;
  /** Responses (and KO responses) not yet in the histograms, by ms; null when none. */
  private long[] pendingAll;
  private long[] pendingKo;
  private final Map<String, Long> koMessages;
  private final Blocks blocks;
  private long count;
  private long koCount;

  public RequestStats() {
    this(LatencyHistograms.empty(), LatencyHistograms.empty(), 0, 0, Map.of(), new Blocks());
  }

  private RequestStats(
      Histogram all, Histogram ok, long count, long koCount, Map<String, Long> koMessages,
      Blocks blocks) {
    this.all = all;
    this.ok = ok;
    this.count = count;
    this.koCount = koCount;
    this.koMessages = new HashMap<>(koMessages);
    this.blocks = blocks;
  }

  /**
   * Stats as they were stored (see the history format): the histograms must be in milliseconds
   * with {@link LatencyHistograms#SIGNIFICANT_DIGITS} digits; they are made to grow as needed.
   *
   * @throws IllegalArgumentException when the counts contradict the histograms
   */
  public static RequestStats restore(
      Histogram all, Histogram ok, long koCount, Map<String, Long> koMessages, Blocks blocks) {
    all.setAutoResize(true);
    ok.setAutoResize(true);
    long count = all.getTotalCount();
    if (koCount < 0 || koCount > count || ok.getTotalCount() != count - koCount) {
      throw new IllegalArgumentException("inconsistent counts: " + count + " responses, "
          + ok.getTotalCount() + " OK, " + koCount + " KO");
    }
    return new RequestStats(all, ok, count, koCount, koMessages, blocks);
  }

  /**
   * Adds one response.
   *
   * @param startEpochMillis when the request was sent, for the time blocks
   * @param responseMillis its response time; negative values count as 0
   * @param message the KO message, ignored for OK
   */
  public void record(long startEpochMillis, long responseMillis, boolean isOk, String message) {
    long value = Math.max(0, responseMillis);
    blocks.record(startEpochMillis, value, isOk);
    count++;
    if (value < DENSE_MILLIS) {
      if (pendingAll == null) {
        pendingAll = new long[DENSE_MILLIS];
        pendingKo = new long[DENSE_MILLIS];
      }
      pendingAll[(int) value]++;
      if (!isOk) {
        pendingKo[(int) value]++;
      }
    } else {
      all.recordValue(value);
      if (isOk) {
        ok.recordValue(value);
      }
    }
    if (!isOk) {
      koCount++;
      koMessages.merge(message, 1L, Long::sum);
    }
  }

  /** Adds the counted response times to the histograms and frees the arrays. */
  private void flush() {
    if (pendingAll == null) {
      return;
    }
    for (int millis = 0; millis < DENSE_MILLIS; millis++) {
      long responses = pendingAll[millis];
      if (responses > 0) {
        all.recordValueWithCount(millis, responses);
        long okResponses = responses - pendingKo[millis];
        if (okResponses > 0) {
          ok.recordValueWithCount(millis, okResponses);
        }
      }
    }
    pendingAll = null;
    pendingKo = null;
  }

  /** Adds another set of stats, e.g. of the same request in another run of a pooled baseline. */
  public void add(RequestStats other) {
    flush();
    other.flush();
    all.add(other.all);
    ok.add(other.ok);
    blocks.add(other.blocks);
    count += other.count;
    koCount += other.koCount;
    other.koMessages.forEach((message, n) -> koMessages.merge(message, n, Long::sum));
  }

  public long count() {
    return count;
  }

  public long koCount() {
    return koCount;
  }

  public long okCount() {
    return count - koCount;
  }

  /** KO share in [0, 1]; 0 when there were no requests. */
  public double errorRate() {
    return count == 0 ? 0 : koCount / (double) count;
  }

  /** Response times of every request, OK or KO (the population Gatling's assertions use). */
  public Histogram all() {
    flush();
    return all;
  }

  /** Response times of the OK requests only. */
  public Histogram ok() {
    flush();
    return ok;
  }

  /** The same responses in time blocks, to measure their dependence. */
  public Blocks blocks() {
    return blocks;
  }

  /** KO messages with their counts. */
  public Map<String, Long> koMessages() {
    return Map.copyOf(koMessages);
  }

  /** Nearest-rank percentile of all response times, in ms (see {@link LatencyHistograms}). */
  public long percentileMillis(double percentile) {
    return LatencyHistograms.percentile(all(), percentile);
  }
}
