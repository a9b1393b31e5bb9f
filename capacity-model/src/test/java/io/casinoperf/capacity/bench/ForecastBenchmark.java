package io.casinoperf.capacity.bench;

import io.casinoperf.capacity.demand.Backtest;
import io.casinoperf.capacity.forecast.CapacityForecaster;
import io.casinoperf.capacity.forecast.ForecastInputs;
import io.casinoperf.capacity.forecast.ForecastSettings;
import io.casinoperf.capacity.plan.Promotion;
import io.casinoperf.capacity.testing.PlatformMetrics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Speed of the capacity forecast on one year of one-minute data (525,600 points of traffic and
 * three resources), phase by phase, in one warm JVM: (a) read and clean ({@link
 * ForecastInputs#load}), (b) fit and forecast without the backtest, (c) the backtest alone (4
 * origins, default settings), (d) everything the {@code forecast} command does before writing
 * (load, then forecast with the backtest). One warm-up repetition is not counted; then each phase
 * is timed {@code REPETITIONS} times with {@link System#nanoTime} and the median and minimum are
 * printed, with the heap in use.
 *
 * <p>{@code ForecastBenchmark FOLDER [REPETITIONS]}: the input is written into {@code FOLDER} by
 * {@link PlatformMetrics} (365 days, 60 s step, seed 2025) unless {@code metrics.csv} is already
 * there. Run by {@code benchmarks/forecast-speed.sh}.
 */
public final class ForecastBenchmark {
  private static final int DAYS = 365;
  private static final long STEP_SECONDS = 60;
  private static final int MAX_FILL_STEPS = 3;

  private ForecastBenchmark() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      throw new IllegalArgumentException("usage: ForecastBenchmark FOLDER [REPETITIONS]");
    }
    Path folder = Path.of(args[0]);
    int repetitions = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    if (!Files.exists(folder.resolve("metrics.csv"))) {
      long start = System.nanoTime();
      PlatformMetrics.write(folder, DAYS, STEP_SECONDS, Double.NaN, 2025);
      System.out.printf(Locale.ROOT, "wrote %s in %.1f s%n", folder, seconds(System.nanoTime() - start));
    }
    System.out.printf(Locale.ROOT, "input: %s (%,d bytes)%n", folder.resolve("metrics.csv"),
        Files.size(folder.resolve("metrics.csv")));

    ForecastSettings full = ForecastSettings.defaults();
    ForecastSettings noBacktest = new ForecastSettings(full.fit(), 0, full.decisionQuantile(),
        full.throughputTarget(), full.runwayDays(), full.draws(), full.seed());
    String[] phases = {"read + clean", "fit + forecast (no backtest)", "backtest (4 origins)",
        "whole command (load + forecast + backtest)"};
    long[][] nanos = new long[phases.length][repetitions];
    long[] warmUp = new long[phases.length];
    ForecastInputs inputs = null;
    for (int r = -1; r < repetitions; r++) {
      long t0 = System.nanoTime();
      inputs = load(folder);
      long t1 = System.nanoTime();
      CapacityForecaster.forecast(inputs, noBacktest);
      long t2 = System.nanoTime();
      Backtest.run(inputs.traffic(), pastPromotions(inputs), full.fit(), full.backtestOrigins());
      long t3 = System.nanoTime();
      CapacityForecaster.forecast(load(folder), full);
      long t4 = System.nanoTime();
      long[] elapsed = {t1 - t0, t2 - t1, t3 - t2, t4 - t3};
      for (int p = 0; p < phases.length; p++) {
        if (r < 0) {
          warmUp[p] = elapsed[p];
        } else {
          nanos[p][r] = elapsed[p];
        }
      }
    }
    System.out.printf(Locale.ROOT, "points: %,d per series, %d resources; %d repetitions after one warm-up%n",
        inputs.traffic().slots(), inputs.resources().size(), repetitions);
    System.out.printf(Locale.ROOT, "%-44s %10s %10s %10s%n", "phase", "warm-up s", "median s", "min s");
    for (int p = 0; p < phases.length; p++) {
      long[] sorted = nanos[p].clone();
      Arrays.sort(sorted);
      System.out.printf(Locale.ROOT, "%-44s %10.3f %10.3f %10.3f%n", phases[p], seconds(warmUp[p]),
          seconds(median(sorted)), seconds(sorted[0]));
    }
    Runtime runtime = Runtime.getRuntime();
    long used = runtime.totalMemory() - runtime.freeMemory();
    System.gc();
    long live = runtime.totalMemory() - runtime.freeMemory();
    System.out.printf(Locale.ROOT, "heap: %.0f MiB used after the last repetition, %.0f MiB after a full GC"
        + " (inputs still referenced), max %.0f MiB%n", mib(used), mib(live), mib(runtime.maxMemory()));
  }

  private static ForecastInputs load(Path folder) {
    return ForecastInputs.load(List.of(folder.resolve("metrics.csv")), folder.resolve("calendar.yaml"),
        folder.resolve("plan.yaml"), folder.resolve("load-steps.csv"), 0, MAX_FILL_STEPS);
  }

  /** The calendar's past promotions by type, as the forecaster hands them to the fit. */
  private static SortedMap<String, List<long[]>> pastPromotions(ForecastInputs inputs) {
    SortedMap<String, List<long[]>> past = new TreeMap<>();
    for (Promotion p : inputs.calendar().past()) {
      past.computeIfAbsent(p.type(), k -> new ArrayList<>())
          .add(new long[] {p.startEpochSecond(), p.endEpochSecond()});
    }
    return past;
  }

  private static long median(long[] sorted) {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }

  private static double mib(long bytes) {
    return bytes / (1024.0 * 1024.0);
  }
}
