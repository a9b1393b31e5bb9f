package io.casinoperf.capacity.queueing;

import java.util.Locale;

/**
 * How far {@link MultiServerQueue}'s formulas are from a simulated queue of the same parameters:
 * P(wait), mean wait and p99 response time, for 1, 4 and 16 servers, utilisation 0.5 to 0.95 and
 * service-time SCVs 0 (constant), 0.25, 1 (exponential) and 2, each simulated with 2,000,000
 * customers (seeded). A Markdown table for docs/STATISTICS.md. Run by benchmarks/queue-accuracy.sh.
 */
public final class QueueAccuracy {
  private QueueAccuracy() {}

  public static void main(String[] args) {
    int customers = args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000;
    double meanService = 0.020;
    System.out.println("| servers | utilisation | service SCV | P(wait) model / simulated | mean wait"
        + " model / simulated (ms) | p99 model / simulated (ms) | p99 error |");
    System.out.println("| --- | --- | --- | --- | --- | --- | --- |");
    for (int servers : new int[] {1, 4, 16}) {
      for (double utilisation : new double[] {0.5, 0.7, 0.85, 0.95}) {
        for (double scv : new double[] {0, 0.25, 1, 2}) {
          double rate = utilisation * servers / meanService;
          MultiServerQueue model = new MultiServerQueue(rate, meanService, scv, servers);
          SimulatedQueue simulated =
              new SimulatedQueue(rate, meanService, scv, servers, customers, 2026);
          double modelP99 = model.responsePercentile(99);
          double simulatedP99 = simulated.responsePercentile(99);
          System.out.println(String.format(Locale.ROOT,
              "| %d | %.2f | %s | %.3f / %.3f | %.2f / %.2f | %.1f / %.1f | %+.1f %% |", servers,
              utilisation, scv == 0 ? "0" : String.valueOf(scv), model.waitProbability(),
              simulated.waitShare(), 1000 * model.meanWait(), 1000 * simulated.meanWait(),
              1000 * modelP99, 1000 * simulatedP99, 100 * (modelP99 / simulatedP99 - 1)));
        }
      }
    }
  }
}
