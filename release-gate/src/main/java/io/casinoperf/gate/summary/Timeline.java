package io.casinoperf.gate.summary;

import java.util.Arrays;

/**
 * Requests and KOs per wall-clock second (by each request's start), over the whole run. Seconds
 * are epoch seconds, so timelines of injectors that started at different moments add up aligned.
 * Mutable while logs are read; not thread-safe.
 */
public final class Timeline {
  private long firstSecond = Long.MIN_VALUE;
  private long[] requests = new long[0];
  private long[] kos = new long[0];

  void record(long epochMillis, boolean ok) {
    int slot = slot(Math.floorDiv(epochMillis, 1000));
    requests[slot]++;
    if (!ok) {
      kos[slot]++;
    }
  }

  void add(Timeline other) {
    for (int i = 0; i < other.requests.length; i++) {
      if (other.requests[i] == 0) {
        continue;
      }
      int slot = slot(other.firstSecond + i);
      requests[slot] += other.requests[i];
      kos[slot] += other.kos[i];
    }
  }

  /** Epoch second of the first slot; meaningless when {@link #seconds()} is 0. */
  public long firstEpochSecond() {
    return firstSecond;
  }

  public int seconds() {
    return requests.length;
  }

  /** Requests started in each second, from {@link #firstEpochSecond()} on. */
  public long[] requestsPerSecond() {
    return requests.clone();
  }

  /** KO requests started in each second. */
  public long[] kosPerSecond() {
    return kos.clone();
  }

  private int slot(long second) {
    if (requests.length == 0) {
      firstSecond = second;
      requests = new long[1];
      kos = new long[1];
      return 0;
    }
    if (second < firstSecond) {
      int shift = (int) (firstSecond - second);
      requests = shiftRight(requests, shift);
      kos = shiftRight(kos, shift);
      firstSecond = second;
    }
    int slot = (int) (second - firstSecond);
    if (slot >= requests.length) {
      int size = Math.max(slot + 1, requests.length * 2);
      requests = Arrays.copyOf(requests, size);
      kos = Arrays.copyOf(kos, size);
    }
    return slot;
  }

  /** Drops the spare slots that growth left after the last recorded second. */
  void trim() {
    int last = requests.length - 1;
    while (last >= 0 && requests[last] == 0) {
      last--;
    }
    requests = Arrays.copyOf(requests, last + 1);
    kos = Arrays.copyOf(kos, last + 1);
  }

  private static long[] shiftRight(long[] values, int shift) {
    long[] shifted = new long[values.length + shift];
    System.arraycopy(values, 0, shifted, shift, values.length);
    return shifted;
  }
}
