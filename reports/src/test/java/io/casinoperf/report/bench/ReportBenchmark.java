package io.casinoperf.report.bench;

import io.casinoperf.capacity.forecast.CapacityForecast;
import io.casinoperf.capacity.forecast.CapacityForecaster;
import io.casinoperf.capacity.forecast.ForecastInputs;
import io.casinoperf.capacity.forecast.ForecastSettings;
import io.casinoperf.capacity.testing.PlatformMetrics;
import io.casinoperf.gate.summary.RunSummaries;
import io.casinoperf.gate.summary.RunSummary;
import io.casinoperf.gate.testing.LogFileWriter;
import io.casinoperf.gate.verdict.Gate;
import io.casinoperf.gate.verdict.GateSettings;
import io.casinoperf.gate.verdict.RunVerdict;
import io.casinoperf.report.CapacityHtml;
import io.casinoperf.report.GateHtml;
import io.casinoperf.report.GateReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * How long the HTML reports take to write, JVM start excluded: capacity.html for a year of
 * one-minute data (the forecast computed beforehand) and gate.html for a 50-request run against
 * its baseline, trend.html for a history of 100 such runs. Each timed after one warm-up; the first (cold) render is reported too.
 * {@code ReportBenchmark FOLDER [REPETITIONS [capacity|gate|all]]}.
 */
public final class ReportBenchmark {
  private ReportBenchmark() {}

  public static void main(String[] args) throws Exception {
    System.setProperty("java.awt.headless", "true");
    Path folder = Path.of(args[0]);
    int repetitions = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    String which = args.length > 2 ? args[2] : "all";
    Path year = folder.resolve("forecast-year");
    if (!Files.exists(year.resolve("metrics.csv"))) {
      PlatformMetrics.write(year, 365, 60, 3.0, 2025);
    }
    System.out.printf(Locale.ROOT, "%-42s %10s %10s %10s %10s%n", "report", "cold s", "median s", "min s", "bytes");
    // Each report's first render in a JVM pays for AWT and fonts; run one report per JVM for that.
    if (which.equals("all") || which.equals("capacity")) {
      CapacityForecast forecast = CapacityForecaster.forecast(ForecastInputs.load(
          List.of(year.resolve("metrics.csv")), year.resolve("calendar.yaml"), year.resolve("plan.yaml"),
          year.resolve("load-steps.csv"), 0, 3), ForecastSettings.defaults());
      time("capacity.html (1 year of 1-min data)", repetitions, () -> CapacityHtml.render(forecast));
    }
    if (which.equals("all") || which.equals("trend")) {
      io.casinoperf.gate.history.RunHistory history = history(folder.resolve("history-100"));
      time("trend.html (100 runs, 50 requests each)", repetitions, () -> {
        try {
          return io.casinoperf.report.TrendHtml.render(io.casinoperf.report.RunTrend.read(history, Optional.empty()));
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
    }
    if (which.equals("all") || which.equals("gate")) {
      GateReport gate = gateReport(folder.resolve("gate-50"));
      time("gate.html (50 requests)", repetitions, () -> GateHtml.render(gate, null, null));
    }
  }

  private static void time(String name, int repetitions, java.util.function.Supplier<String> render) {
    long start = System.nanoTime();
    int bytes = render.get().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    double cold = (System.nanoTime() - start) / 1e9;
    render.get();
    double[] seconds = new double[repetitions];
    for (int i = 0; i < repetitions; i++) {
      long t = System.nanoTime();
      render.get();
      seconds[i] = (System.nanoTime() - t) / 1e9;
    }
    Arrays.sort(seconds);
    System.out.printf(Locale.ROOT, "%-42s %10.3f %10.3f %10.3f %,10d%n", name, cold,
        seconds[repetitions / 2], seconds[0], bytes);
  }

  /** A history of 100 stored runs of the 50-request workload (written once, then reused). */
  private static io.casinoperf.gate.history.RunHistory history(Path folder) throws Exception {
    io.casinoperf.gate.history.RunHistory history = new io.casinoperf.gate.history.RunHistory(folder);
    if (history.list().runs().size() >= 100) {
      return history;
    }
    RunSummary run = RunSummaries.read(List.of(run(folder.resolveSibling("history-run.log"), 3, 20)));
    io.casinoperf.gate.history.Comparability comparability = new io.casinoperf.gate.history.Comparability(
        run.simulationClass(), "embedded", new java.util.TreeMap<>(), "3.15.1", "17", 2);
    for (int i = 0; i < 100; i++) {
      history.save(run, "v1." + i, comparability, Optional.of(i % 10 == 7 ? "regression" : "pass"),
          java.time.Clock.fixed(java.time.Instant.ofEpochSecond(1_795_000_000L + 3600L * i), java.time.ZoneOffset.UTC));
    }
    return history;
  }

  /** Two 10-minute runs of 50 requests (100,000 responses each), the candidate's Spin 0 slower. */
  private static GateReport gateReport(Path folder) throws Exception {
    Files.createDirectories(folder);
    RunSummary baseline = RunSummaries.read(List.of(run(folder.resolve("baseline.log"), 1, 20)));
    RunSummary candidate = RunSummaries.read(List.of(run(folder.resolve("candidate.log"), 2, 30)));
    GateSettings settings = GateSettings.defaults();
    RunVerdict verdict = Gate.judge(candidate, baseline, settings);
    return GateReport.of(verdict, candidate, "candidate", "v2", Optional.empty(), false);
  }

  private static Path run(Path file, int seed, double slowMedian) {
    SplittableRandom random = new SplittableRandom(seed);
    LogFileWriter log = new LogFileWriter().run("3.15.1", "casino.WalletTrafficSimulation",
        1_795_000_000_000L, List.of("p"));
    for (int i = 0; i < 100_000; i++) {
      int request = i % 50;
      int at = i * 6;
      double median = request == 0 ? slowMedian : 20;
      boolean ok = i % 997 != 0;
      log.request(List.of(), "Request " + request, at,
          at + (int) Math.round(median * Math.exp(0.5 * random.nextGaussian())), ok, ok ? "" : "KO");
    }
    return log.writeTo(file);
  }
}
