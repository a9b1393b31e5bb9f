package io.casinoperf.gate.summary;

import java.util.Arrays;

/**
 * Requests and KOs per wall-clock second (by each request's start), virtual users starting and
 * ending, and the moments a circuit breaker stopped the run, over the whole run. Seconds
 * are epoch seconds, so timelines of injectors that started at different moments add up aligned.
 * Mutable while logs are read; not thread-safe.
 */
public final class Timeline {
  private long firstSecond = Long.MIN_VALUE;
  private long[] requests = new long[0];
  private long[] kos = new long[0];
  private long[] usersStarted = new long[0];
  private long[] usersEnded = new long[0];
  private final java.util.List<Long> stops = new java.util.ArrayList<>();

  void record(long epochMillis, boolean ok) {
    int slot = slot(Math.floorDiv(epochMillis, 1000));
    requests[slot]++;
    if (!ok) {
      kos[slot]++;
    }
  }

  /** A virtual user starting ({@code start}) or ending at this moment. */
  void user(long epochMillis, boolean start) {
    int slot = slot(Math.floorDiv(epochMillis, 1000));
    if (start) {
      usersStarted[slot]++;
    } else {
      usersEnded[slot]++;
    }
  }

  /** The moment a circuit breaker stopped the run. */
  void stop(long epochMillis) {
    stops.add(epochMillis);
  }

  void add(Timeline other) {
    for (int i = 0; i < other.requests.length; i++) {
      if (other.requests[i] == 0 && other.usersStarted[i] == 0 && other.usersEnded[i] == 0) {
        continue;
      }
      int slot = slot(other.firstSecond + i);
      requests[slot] += other.requests[i];
      kos[slot] += other.kos[i];
      usersStarted[slot] += other.usersStarted[i];
      usersEnded[slot] += other.usersEnded[i];
    }
    stops.addAll(other.stops);
  }

  /**
   * Virtual users active at the end of each second: started minus ended so far (Gatling logs both;
   * a user still running when a log was cut off stays counted).
   */
  public long[] activeUsersPerSecond() {
    long[] active = new long[requests.length];
    long running = 0;
    for (int i = 0; i < active.length; i++) {
      running += usersStarted[i] - usersEnded[i];
      active[i] = Math.max(0, running);
    }
    return active;
  }

  /** When a circuit breaker stopped the run, epoch ms, earliest first; empty when none did. */
  public java.util.List<Long> stopsEpochMillis() {
    return stops.stream().sorted().toList();
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
      usersStarted = new long[1];
      usersEnded = new long[1];
      return 0;
    }
    if (second < firstSecond) {
      int shift = (int) (firstSecond - second);
      requests = shiftRight(requests, shift);
      kos = shiftRight(kos, shift);
      usersStarted = shiftRight(usersStarted, shift);
      usersEnded = shiftRight(usersEnded, shift);
      firstSecond = second;
    }
    int slot = (int) (second - firstSecond);
    if (slot >= requests.length) {
      int size = Math.max(slot + 1, requests.length * 2);
      requests = Arrays.copyOf(requests, size);
      kos = Arrays.copyOf(kos, size);
      usersStarted = Arrays.copyOf(usersStarted, size);
      usersEnded = Arrays.copyOf(usersEnded, size);
    }
    return slot;
  }

  /** Drops the spare slots that growth left after the last recorded second. */
  void trim() {
    int last = requests.length - 1;
    while (last >= 0 && requests[last] == 0 && usersStarted[last] == 0 && usersEnded[last] == 0) {
      last--;
    }
    requests = Arrays.copyOf(requests, last + 1);
    kos = Arrays.copyOf(kos, last + 1);
    usersStarted = Arrays.copyOf(usersStarted, last + 1);
    usersEnded = Arrays.copyOf(usersEnded, last + 1);
  }

  private static long[] shiftRight(long[] values, int shift) {
    long[] shifted = new long[values.length + shift];
    System.arraycopy(values, 0, shifted, shift, values.length);
    return shifted;
  }
}
