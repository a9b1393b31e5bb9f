package io.casinoperf.scenarios.breaker.bench;

import io.casinoperf.scenarios.breaker.BreakerSettings;
import io.casinoperf.scenarios.breaker.CircuitBreaker;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;

/**
 * What recording one request costs the injector: {@link CircuitBreaker#record} from 1 and 2
 * threads at once (the injector's event loops), with a clock that advances one millisecond every
 * 100 requests (100,000 requests/s) so the window slides and the percentile is looked at as in a
 * run. Thresholds are set out of reach so it never opens.
 *
 * <p>Usage: {@code CircuitBreakerBenchmark [requestsPerThread] [rounds]}; prints ns per record.
 */
public final class CircuitBreakerBenchmark {
  private CircuitBreakerBenchmark() {}

  public static void main(String[] args) throws InterruptedException {
    int perThread = args.length > 0 ? Integer.parseInt(args[0]) : 5_000_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    for (int threads : new int[] {1, 2}) {
      for (int round = 0; round < rounds; round++) {
        double ns = run(threads, perThread);
        System.out.printf(Locale.ROOT, "%d thread(s), round %d: %.0f ns per record%n", threads,
            round + 1, ns);
      }
    }
  }

  /** Wall-clock nanoseconds per record, all threads together. */
  private static double run(int threads, int perThread) throws InterruptedException {
    CircuitBreaker breaker = new CircuitBreaker(
        new BreakerSettings(java.time.Duration.ofSeconds(10), 1.0, 3_600_000, 1));
    CountDownLatch start = new CountDownLatch(1);
    Thread[] workers = new Thread[threads];
    long[] sink = new long[threads];
    for (int t = 0; t < threads; t++) {
      int index = t;
      workers[t] = new Thread(() -> {
        SplittableRandom random = new SplittableRandom(index);
        try {
          start.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
        long opened = 0;
        for (int i = 0; i < perThread; i++) {
          long now = 1_700_000_000_000L + i / 100;
          long latency = 5 + random.nextInt(200);
          if (breaker.record(now, random.nextInt(100) == 0, latency).isPresent()) {
            opened++;
          }
        }
        sink[index] = opened;
      });
      workers[t].start();
    }
    long began = System.nanoTime();
    start.countDown();
    for (Thread worker : workers) {
      worker.join();
    }
    long elapsed = System.nanoTime() - began;
    if (java.util.Arrays.stream(sink).sum() != 0) {
      throw new IllegalStateException("the breaker opened; the benchmark measures a closed one");
    }
    return (double) elapsed / ((long) threads * perThread);
  }
}
