package io.casinoperf.gate.log.bench;

import io.casinoperf.gate.log.ReadOutcome;
import io.casinoperf.gate.log.SimulationLogListener;
import io.casinoperf.gate.log.SimulationLogReader;
import io.casinoperf.gate.summary.RunSummaries;
import io.casinoperf.gate.summary.RunSummary;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * How the gate's reading of a {@code simulation.log} divides between decoding and summarising, in
 * one JVM: each round decodes the whole file into a listener that does nothing, then reads it into
 * a {@link RunSummary} as the gate does; the difference is the summary's share. Run it with the
 * JVM options of {@code bin/casinoperf} to see the command's proportions (docs/PERFORMANCE.md).
 *
 * <p>{@code ReadPhases FILE [ROUNDS]}
 */
public final class ReadPhases {
  private ReadPhases() {}

  public static void main(String[] args) {
    Path log = Path.of(args[0]);
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    SimulationLogListener nothing = new SimulationLogListener() {};
    double[] decode = new double[rounds];
    double[] summary = new double[rounds];
    long records = 0;
    long requests = 0;
    for (int round = 0; round < rounds; round++) {
      long t0 = System.nanoTime();
      ReadOutcome outcome = SimulationLogReader.read(log, nothing);
      long t1 = System.nanoTime();
      RunSummary read = RunSummaries.read(List.of(log));
      long t2 = System.nanoTime();
      decode[round] = (t1 - t0) / 1e9;
      summary[round] = (t2 - t1) / 1e9;
      records = outcome.records();
      requests = read.all().count();
    }
    System.out.printf("%s: %,d records, %,d requests; %d rounds, the first included%n", log,
        records, requests, rounds);
    System.out.printf("decode only          median %.3f s  (%.3f .. %.3f s)%n", median(decode),
        min(decode), max(decode));
    System.out.printf("decode + summarise   median %.3f s  (%.3f .. %.3f s)%n", median(summary),
        min(summary), max(summary));
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private static double min(double[] values) {
    return Arrays.stream(values).min().orElse(Double.NaN);
  }

  private static double max(double[] values) {
    return Arrays.stream(values).max().orElse(Double.NaN);
  }
}
