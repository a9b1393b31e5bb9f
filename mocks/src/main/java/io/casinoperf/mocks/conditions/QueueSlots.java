package io.casinoperf.mocks.conditions;

import java.util.PriorityQueue;

/**
 * The workers of {@code queue} mode: {@code workers} slots on the platform's clock, each free from
 * some moment on. A request takes the slot that frees first, starts when it is free (or at once
 * when it already is), and holds it for its service time: a first-come-first-served queue of
 * identical workers, an M/G/c system under Poisson arrivals. Its answer is delayed until its
 * service ends. The workers are moments, not threads, so the queue behaves the same on a busy
 * 2-core machine as on a quiet one: the platform's own scheduling adds nothing to the waits it
 * models. Thread-safe.
 */
final class QueueSlots {
  private final int workers;
  /** When each worker is next free, in {@link System#nanoTime()} units; the earliest first. */
  private final PriorityQueue<Long> freeAt = new PriorityQueue<>();

  QueueSlots(int workers) {
    if (workers < 1) {
      throw new IllegalArgumentException("workers must be >= 1: " + workers);
    }
    this.workers = workers;
    for (int i = 0; i < workers; i++) {
      freeAt.add(Long.MIN_VALUE);
    }
  }

  int workers() {
    return workers;
  }

  /**
   * Admits a request arriving at {@code nowNanos} that needs {@code serviceNanos} of a worker.
   *
   * @return how long after its arrival its service ends: its wait plus its service, in ns
   */
  synchronized long admit(long nowNanos, long serviceNanos) {
    long free = freeAt.poll();
    long start = Math.max(nowNanos, free);
    long end = start + serviceNanos;
    freeAt.add(end);
    return end - nowNanos;
  }
}
