package io.casinoperf.cli;

import io.casinoperf.capacity.demand.BacktestDesign;
import io.casinoperf.capacity.demand.BacktestRun;
import io.casinoperf.capacity.demand.DemandFitter;
import io.casinoperf.capacity.forecast.BacktestInputs;
import io.casinoperf.capacity.forecast.ForecastBacktest;
import io.casinoperf.capacity.forecast.ForecastInputs;
import io.casinoperf.capacity.plan.CapacityPlan;
import io.casinoperf.capacity.plan.Resource;
import io.casinoperf.capacity.series.Timestamps;
import io.casinoperf.report.BacktestWriters;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code casinoperf forecast backtest}: the forecast's demand model, fitted at each origin on the
 * history before it alone, against what came, step by step, beside the seasonal-naive forecast.
 */
@Command(
    name = "backtest",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Backtests the forecast's demand model on one series.",
      "At each origin the model is chosen and fitted on the training window before it alone and "
          + "forecasts the next horizon on the series' own grid; the seasonal-naive forecast does "
          + "the same (docs/FORECAST.md).",
      "Writes forecasts.csv (P05, P10, P50, P90, P95 beside the actual value, per step) and "
          + "scores.csv (MAE, MAPE, sMAPE, MASE, 80 and 90 %% coverage, pinball loss, per origin and "
          + "overall) and prints the scores.",
      "Exit codes: 0 done, 2 bad input."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  casinoperf forecast backtest examples/capacity/metrics.csv --series rps",
      "  casinoperf forecast backtest metrics.csv --plan plan.yaml \\",
      "      --calendar calendar.yaml --horizon 1d --origins 8 --every 1d",
      "  casinoperf forecast backtest metrics.csv --series rps --train 28d \\",
      "      --origin 2025-02-10"
    })
final class ForecastBacktestCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "0..*", paramLabel = "METRICS",
      description = "metrics history: CSV files (timestamp + value columns) and Prometheus "
          + "query_range JSON files; may be left out with --prometheus")
  List<Path> metrics = new ArrayList<>();

  @Mixin PrometheusOptions prometheus;

  @Option(names = "--plan", paramLabel = "FILE",
      description = "capacity file: without --series, its traffic series is backtested; the unit "
          + "of the series comes from it")
  Path plan;

  @Option(names = "--calendar", paramLabel = "FILE",
      description = "promotion calendar: past promotions are known in advance at every origin, "
          + "incidents are left out")
  Path calendar;

  @Option(names = "--series", paramLabel = "NAME", description = "the series to backtest (default: the plan's traffic)")
  String series;

  @Option(names = "--horizon", defaultValue = "7d", paramLabel = "DURATION",
      description = "how far ahead each origin forecasts (default: ${DEFAULT-VALUE})")
  String horizon;

  @Option(names = "--train", defaultValue = "all", paramLabel = "DURATION|all",
      description = "history before each origin the model may see, in whole days (default: ${DEFAULT-VALUE})")
  String train;

  @Option(names = "--origin", paramLabel = "TIME",
      description = "forecast from this time (ISO-8601 or date, on the series' grid); repeatable")
  List<String> origin = new ArrayList<>();

  @Option(names = "--origins", paramLabel = "N",
      description = "N rolling origins, the last a horizon before the end of the data (default: 4 without --origin)")
  Integer origins;

  @Option(names = "--every", paramLabel = "DURATION",
      description = "spacing of the --origins (default: the horizon)")
  String every;

  @Option(names = "--step", defaultValue = "auto", paramLabel = "DURATION",
      description = "resample to this step (default: the series' own spacing)")
  String step;

  @Option(names = "--max-fill", defaultValue = "3", paramLabel = "STEPS",
      description = "longest gap filled by interpolation (default: ${DEFAULT-VALUE})")
  int maxFill;

  @Option(names = "--changepoint", paramLabel = "TIME",
      description = "a time the trend may change slope (ISO-8601 or date); repeatable")
  List<String> changepoints = new ArrayList<>();

  @Option(names = "--out", defaultValue = "backtest-report", paramLabel = "DIR",
      description = "where forecasts.csv and scores.csv go, both or neither (default: ${DEFAULT-VALUE})")
  Path out;

  @Override
  public Integer call() throws IOException {
    refuseOptionsBeforeTheSubcommand();
    long horizonSeconds = ForecastCommand.seconds("--horizon", horizon);
    if (horizonSeconds > 365 * 86_400L) {
      throw new CasinoPerf.UserInputException("--horizon=" + horizon + ": at most a year (365d)");
    }
    long trainSeconds = train.strip().equalsIgnoreCase("all") ? 0 : ForecastCommand.seconds("--train", train);
    if (!origin.isEmpty() && origins != null) {
      throw new CasinoPerf.UserInputException("--origin and --origins exclude each other: give the origins,"
          + " or how many to roll back from the end of the data");
    }
    if (every != null && origins == null) {
      throw new CasinoPerf.UserInputException("--every spaces the --origins; give --origins N with it");
    }
    if (origins != null && (origins < 1 || origins > 500)) {
      throw new CasinoPerf.UserInputException("--origins=" + origins + ": expected 1 to 500");
    }
    long everySeconds = every == null ? 0 : ForecastCommand.seconds("--every", every);
    long[] originTimes = times("--origin", origin);
    for (int i = 0; i < originTimes.length; i++) {
      for (int j = 0; j < i; j++) {
        if (originTimes[i] == originTimes[j]) {
          throw new CasinoPerf.UserInputException("--origin " + origin.get(i) + ": the same time as --origin "
              + origin.get(j) + "; give each origin once");
        }
      }
    }
    long stepSeconds = step.equals("auto") ? 0 : ForecastCommand.seconds("--step", step);
    if (maxFill < 0) {
      throw new CasinoPerf.UserInputException("--max-fill=" + maxFill + ": expected 0 or more steps");
    }
    DemandFitter.Settings fit = DemandFitter.Settings.defaults(horizonSeconds)
        .withChangepoints(times("--changepoint", changepoints));
    CapacityPlan capacity = plan == null ? null : CapacityPlan.read(plan);
    String name = series != null ? series : capacity != null ? capacity.traffic().series() : null;
    if (name == null) {
      throw new CasinoPerf.UserInputException("give --series NAME, or --plan FILE to backtest its traffic series");
    }

    if (metrics.isEmpty() && prometheus.url == null) {
      throw new ParameterException(spec.commandLine(), "Missing required parameter: 'METRICS'"
          + " (or --prometheus=URL with --query=NAME=PROMQL)");
    }
    List<Path> files = new ArrayList<>(metrics);
    if (prometheus.used()) {
      files.addAll(prometheus.fetchInto(out, stepSeconds, spec.commandLine().getOut(), new ArrayList<>()));
    }
    BacktestInputs inputs = ForecastInputs.loadSeries(files, calendar, name, stepSeconds, maxFill);
    BacktestDesign design = originTimes.length > 0 ? new BacktestDesign(trainSeconds, originTimes)
        : BacktestDesign.rolling(inputs.series(), origins == null ? 4 : origins,
            everySeconds == 0 ? horizonSeconds : everySeconds, horizonSeconds, trainSeconds);
    BacktestRun run = ForecastBacktest.run(inputs, fit, design);

    Map<Path, String> written = new LinkedHashMap<>();
    written.put(out.resolve("forecasts.csv"), BacktestWriters.forecasts(name, run));
    written.put(out.resolve("scores.csv"), BacktestWriters.scores(name, run));
    OutputFiles.writeAll(written);
    PrintWriter console = spec.commandLine().getOut();
    console.print(BacktestWriters.console(name, unit(capacity, name), run));
    for (String warning : io.casinoperf.report.FindingText.sentences(inputs.warnings())) {
      console.println("warning: " + warning);
    }
    console.println("wrote " + out.resolve("forecasts.csv") + " and " + out.resolve("scores.csv"));
    console.flush();
    return 0;
  }

  /**
   * Options given to {@code forecast} before the word {@code backtest} would be dropped without a
   * word (picocli runs only the subcommand): refused instead.
   */
  private void refuseOptionsBeforeTheSubcommand() {
    var parent = spec.parent().commandLine().getParseResult();
    List<String> given = new ArrayList<>();
    parent.matchedOptions().forEach(o -> given.add(o.longestName()));
    parent.matchedPositionals().forEach(p -> given.add(p.paramLabel()));
    if (!given.isEmpty()) {
      throw new CasinoPerf.UserInputException("forecast backtest: " + String.join(", ", given)
          + " came before 'backtest'; every option of the backtest goes after it");
    }
  }

  private static long[] times(String option, List<String> texts) {
    long[] out = new long[texts.size()];
    for (int i = 0; i < out.length; i++) {
      try {
        out[i] = Timestamps.toEpochSeconds(texts.get(i));
      } catch (IllegalArgumentException e) {
        throw new CasinoPerf.UserInputException(option + " " + texts.get(i) + ": " + e.getMessage());
      }
    }
    return out;
  }

  /** The series' unit from the plan, when the plan names the series. */
  private static String unit(CapacityPlan capacity, String name) {
    if (capacity == null) {
      return null;
    }
    if (capacity.traffic().series().equals(name)) {
      return capacity.traffic().unit();
    }
    return capacity.resources().stream().filter(r -> r.series().equals(name)).map(Resource::unit)
        .findFirst().orElse(null);
  }
}
