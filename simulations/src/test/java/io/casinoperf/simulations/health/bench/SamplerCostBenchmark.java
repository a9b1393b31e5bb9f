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
    // As in a run, this JVM holds a simulation.log open: the sampler finds its folder and stops
    // looking for it.
    java.nio.file.Path folder = java.nio.file.Files.createTempDirectory("sampler-cost");
    java.io.OutputStream log = java.nio.file.Files.newOutputStream(folder.resolve("simulation.log"));
    InjectorHealthSampler sampler = new InjectorHealthSampler(HealthRules.Thresholds.defaults(), seconds + 10);
    long start = System.nanoTime();
    Thread.sleep(seconds * 1000L);
    long cpu = 0;
    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info != null && info.getThreadName().startsWith("casinoperf-")) {
        long thread = Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
        System.out.printf(Locale.ROOT, "  %s: %.3f %% of one core%n", info.getThreadName(),
            100.0 * thread / (System.nanoTime() - start));
        cpu += thread;
      }
    }
    long wall = System.nanoTime() - start;
    InjectorHealth health = sampler.stop();
    log.close();
    java.nio.file.Files.delete(folder.resolve("simulation.log"));
    java.nio.file.Files.delete(folder);
    System.out.printf(Locale.ROOT, "sampler cost: %.3f %% of one core over %d s (lag p99 %.2f ms,"
            + " max %.1f ms while idle; log folder found: %s)%n",
        100.0 * cpu / wall, seconds, health.summary().lagP99Millis(),
        health.summary().lagMaxMillis(), sampler.logFolder().isPresent());
  }
}
