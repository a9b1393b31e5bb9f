package io.casinoperf.simulations.health.bench;

import io.casinoperf.run.HealthRules;
import io.casinoperf.run.InjectorHealth;
import io.casinoperf.simulations.health.InjectorHealthSampler;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * What the injector-health sampler costs: the CPU time of its two threads (the lag probe and the
 * once-a-second sampler) over a stretch of wall time, as a share of one core. Run with
 * benchmarks/injector-health.sh; arguments: seconds (default 60).
 */
public final class SamplerCostBenchmark {
  private SamplerCostBenchmark() {}

  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    InjectorHealthSampler sampler = new InjectorHealthSampler(HealthRules.Thresholds.defaults(), seconds + 10);
    long start = System.nanoTime();
    Thread.sleep(seconds * 1000L);
    long cpu = 0;
    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info != null && info.getThreadName().startsWith("casinoperf-")) {
        cpu += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
      }
    }
    long wall = System.nanoTime() - start;
    InjectorHealth health = sampler.stop();
    System.out.printf(Locale.ROOT, "sampler cost: %.3f %% of one core over %d s (%d samples;"
            + " lag p99 %.2f ms, max %.1f ms while idle)%n",
        100.0 * cpu / wall, seconds, health.seconds().size(), health.summary().lagP99Millis(),
        health.summary().lagMaxMillis());
  }
}
