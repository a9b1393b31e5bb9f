package io.casinoperf.cli;

import io.casinoperf.run.Durations;
import io.casinoperf.capacity.demand.DemandFitter;
import io.casinoperf.capacity.forecast.CapacityForecast;
import io.casinoperf.capacity.forecast.CapacityForecaster;
import io.casinoperf.capacity.forecast.Finding;
import io.casinoperf.capacity.forecast.ForecastInputs;
import io.casinoperf.capacity.forecast.ForecastSettings;
import io.casinoperf.capacity.queueing.NodeSizing;
import io.casinoperf.capacity.rehearsal.RehearsalFiles;
import io.casinoperf.capacity.rehearsal.RehearsalProfile;
import io.casinoperf.capacity.series.Timestamps;
import io.casinoperf.report.CapacityHtml;
import io.casinoperf.report.ForecastWriters;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code casinoperf forecast}: capacity for a planned promotion from historical metrics. */
@Command(
    name = "forecast",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    subcommands = ForecastBacktestCommand.class,
    customSynopsis = {
      "casinoperf forecast [OPTIONS] --plan=FILE METRICS...",
      "casinoperf forecast [OPTIONS] --plan=FILE --prometheus=URL --query=NAME=PROMQL... [METRICS...]",
      "       casinoperf forecast backtest [OPTIONS] METRICS... (forecast backtest --help)"
    },
    description = {
      "Capacity for a planned promotion, from metrics history.",
      "Forecasts traffic and each resource for the calendar's planned promotion, with P50/P90/P99, "
          + "nodes needed with redundancy, headroom and runway (docs/FORECAST.md, inputs in "
          + "docs/CAPACITY-INPUTS.md).",
      "Writes forecast.json and capacity.html and prints a summary.",
      "Exit codes: 0 done (1 with --strict when a resource does not fit or the peak is"
          + " implausible), 2 bad input."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  casinoperf forecast examples/capacity/metrics.csv \\",
      "      --plan examples/capacity/plan.yaml \\",
      "      --calendar examples/capacity/calendar.yaml",
      "  casinoperf forecast metrics.csv rps.json --plan plan.yaml --strict",
      "  casinoperf forecast metrics.csv --plan plan.yaml --load-steps steps.csv",
      "  casinoperf forecast --plan plan.yaml --prometheus http://prom:9090 \\",
      "      --query 'rps=sum(rate(http_requests_total[5m]))' --range 90d",
      "  casinoperf forecast metrics.csv --plan plan.yaml --decide-at 99 \\",
      "      --throughput-target 70"
    })
final class ForecastCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  // METRICS and --plan are required, but checked in call(): picocli would otherwise demand them
  // of `forecast backtest` too, which has its own.
  @Parameters(arity = "0..*", paramLabel = "METRICS",
      description = "metrics history: CSV files (timestamp + value columns) and Prometheus "
          + "query_range JSON files")
  List<Path> metrics;

  @Mixin PrometheusOptions prometheus;

  @Option(names = "--plan", paramLabel = "FILE",
      description = "capacity file (YAML or JSON): traffic series, resources, limits, redundancy")
  Path plan;

  @Option(names = "--calendar", paramLabel = "FILE",
      description = "promotion calendar (YAML or JSON): past promotions, incidents, the planned one; "
          + "without it (or without a planned promotion) the organic peak of the next horizon")
  Path calendar;

  @Option(names = "--load-steps", paramLabel = "FILE",
      description = "load-test steps CSV (concurrency, throughput_per_s, …) for the USL fit")
  Path loadSteps;

  @Option(names = "--step", defaultValue = "auto", paramLabel = "DURATION",
      description = "common step of all series, e.g. 60s, 5m, 1h (default: the traffic's own)")
  String step;

  @Option(names = "--max-fill", defaultValue = "3", paramLabel = "STEPS",
      description = "longest gap filled by interpolation; longer ones are reported (default: ${DEFAULT-VALUE})")
  int maxFill;

  @Option(names = "--horizon", defaultValue = "7d", paramLabel = "DURATION",
      description = "forecast horizon: the validation block and each backtest window (default: ${DEFAULT-VALUE})")
  String horizon;

  @Option(names = "--origins", defaultValue = "4", paramLabel = "N",
      description = "rolling origins of the backtest; 0 skips it (default: ${DEFAULT-VALUE})")
  int origins;

  @Option(names = "--changepoint", paramLabel = "TIME",
      description = "a time the traffic trend may change slope (ISO-8601 or date); repeatable")
  List<String> changepoints = new ArrayList<>();

  @Option(names = "--decide-at", defaultValue = "90", paramLabel = "PERCENTILE",
      description = "percentile the fits/needs-more decision uses, 51..99 (default: ${DEFAULT-VALUE})")
  double decideAt;

  @Option(names = "--throughput-target", defaultValue = "80", paramLabel = "PERCENT",
      description = "share of the USL maximum throughput one node is planned at (default: ${DEFAULT-VALUE})")
  double throughputTarget;

  /** A p99 SLO: milliseconds or seconds, decimals allowed. */
  private static final java.util.regex.Pattern SLO =
      java.util.regex.Pattern.compile("(\\d{1,9}(?:\\.\\d{1,6})?)\\s*(ms|s)");

  @Option(names = "--p99-slo", defaultValue = "200ms", paramLabel = "DURATION|none",
      description = "the p99 response time the traffic's node count must also hold at the peak, by"
          + " queueing on the load-test steps; none sizes on throughput alone (default: ${DEFAULT-VALUE})")
  String p99Slo;

  @Option(names = "--routing", defaultValue = "split", paramLabel = "split|pooled",
      description = "how the balancer spreads requests: split (each node its own queue, cautious) or"
          + " pooled (one queue for all nodes, least-connections at best) (default: ${DEFAULT-VALUE})")
  String routing;

  @Option(names = "--rehearsal", paramLabel = "DIR",
      description = "where rehearsal.json, the load profile that replays the forecast on staging, goes"
          + " (default: beside forecast.json)")
  Path rehearsal;

  @Option(names = "--staging-nodes", paramLabel = "N",
      description = "application nodes on staging: the rehearsal loads them with N ÷ the production"
          + " nodes of the forecast's traffic (default: traffic.stagingNodes of the capacity file, else 1)")
  Integer stagingNodes;

  @Option(names = "--staging-ratio", paramLabel = "R",
      description = "staging ÷ production traffic for the rehearsal, instead of the node counts")
  Double stagingRatio;

  @Option(names = "--request-mix", defaultValue = "login=1,lobby=1,spin=5", paramLabel = "NAME=N,…",
      description = "requests of each name in one player session, for the rehearsal's rates per request"
          + " (default: ${DEFAULT-VALUE}, the flash-peak simulation's session)")
  String requestMix;

  @Option(names = "--runway-days", defaultValue = "365", paramLabel = "DAYS",
      description = "how far ahead the runway is searched (default: ${DEFAULT-VALUE})")
  int runwayDays;

  @Option(names = "--seed", defaultValue = "1",
      description = "seed of the uncertainty simulation (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--out", defaultValue = "forecast-report", paramLabel = "DIR",
      description = "where forecast.json and capacity.html go, both or neither (default: ${DEFAULT-VALUE})")
  Path out;

  @Option(names = "--strict", description = "exit 1 when any resource does not fit at the decision"
      + " percentile, or the P50 peak is more than 3× the history's highest with no multiplier to"
      + " explain it")
  boolean strict;

  @Override
  public Integer call() throws IOException {
    requireMetricsAndPlan();
    ForecastSettings settings = settings();
    long stepSeconds = step.equals("auto") ? 0 : seconds("--step", step);
    if (maxFill < 0) {
      throw refuse("--max-fill", "expected 0 or more steps");
    }
    Map<String, Integer> mix = mix();
    if (stagingNodes != null && (stagingNodes < 1 || stagingNodes > 100_000)) {
      throw refuse("--staging-nodes", "expected 1 to 100000");
    }
    if (stagingRatio != null && !(stagingRatio > 0 && stagingRatio <= 1000)) {
      throw refuse("--staging-ratio", "expected a ratio above 0, such as 0.1 for a tenth of production");
    }
    List<Path> files = new ArrayList<>(metrics == null ? List.of() : metrics);
    List<Finding> reading = new ArrayList<>();
    if (prometheus.used()) {
      files.addAll(prometheus.fetchInto(out, stepSeconds, spec.commandLine().getOut(), reading));
    }
    ForecastInputs inputs = ForecastInputs.load(files, calendar, plan, loadSteps, stepSeconds, maxFill);
    CapacityForecast forecast = CapacityForecaster.forecast(inputs, settings).withEarlierFindings(reading);
    if (stagingNodes == null) {
      stagingNodes = Math.max(1, inputs.plan().traffic().stagingNodes());
    }
    Map<Path, String> written = render(forecast);
    String rehearsalNote = rehearsal(forecast, mix, written);
    OutputFiles.writeAll(written);
    PrintWriter console = spec.commandLine().getOut();
    console.print(ForecastWriters.console(forecast));
    console.println("wrote " + out.resolve("forecast.json") + " and " + out.resolve("capacity.html"));
    console.println(rehearsalNote);
    console.flush();
    boolean short_ = forecast.resources().stream()
            .anyMatch(r -> r.nodes().fit() != CapacityForecast.Fit.FITS)
        || (forecast.traffic().nodes() != null
            && forecast.traffic().nodes().fit() == CapacityForecast.Fit.NEEDS_MORE);
    boolean implausible = forecast.traffic().peakCheck().implausible();
    return strict && (short_ || implausible) ? 1 : 0;
  }

  private Map<String, Integer> mix() {
    try {
      return RehearsalProfile.parseMix(requestMix);
    } catch (IllegalArgumentException e) {
      throw refuse("--request-mix", e.getMessage());
    }
  }

  /**
   * Adds rehearsal.json to the files and says what it holds; when no profile can be made, says
   * why instead, or, when --rehearsal asked for one, refuses.
   */
  private String rehearsal(CapacityForecast forecast, Map<String, Integer> mix, Map<Path, String> files) {
    RehearsalProfile profile;
    try {
      profile = RehearsalProfile.of(forecast, stagingNodes, stagingRatio, mix);
    } catch (IllegalArgumentException e) {
      if (rehearsal != null) {
        throw new CasinoPerf.UserInputException("--rehearsal: " + e.getMessage() + "; nothing was written");
      }
      return "no rehearsal profile: " + e.getMessage() + " (--staging-ratio)";
    }
    Path file = (rehearsal == null ? out : rehearsal).resolve("rehearsal.json");
    files.put(file, RehearsalFiles.json(profile));
    String note = String.format(Locale.ROOT, "wrote %s: %s at P90 %s requests/s on %d staging node%s (×%.4g"
            + " of production); replay it with -Drehearsal=%s", file, profile.forecast().promotion(),
        ForecastWriters.num(profile.peak().p90()), stagingNodes, stagingNodes == 1 ? "" : "s",
        profile.scaling().ratio(), file);
    if (profile.ramp() != null) {
      RehearsalProfile.Ramp ramp = profile.ramp();
      note += ramp.promotionsLearned() == 0
          ? String.format(Locale.ROOT, "%n  no past %s promotion in the history: the whole effect from the"
              + " window's start to its end", profile.forecast().type())
          : String.format(Locale.ROOT, "%n  ramp learned from %d past %s promotion%s: up in %s, down in %s",
              ramp.promotionsLearned(), profile.forecast().type(), ramp.promotionsLearned() == 1 ? "" : "s",
              minutes(ramp.riseSeconds(), forecast.traffic().shape().stepSeconds()),
              minutes(ramp.fallSeconds(), forecast.traffic().shape().stepSeconds()));
    }
    if (profile.node() != null && stagingNodes == 1) {
      // One node of the forecast's queueing model, for the embedded platform to stand in for.
      note += String.format(Locale.ROOT, "%n  the embedded platform as one such node: -Dmode=queue"
              + " -Dqueue.workers=%d -Dqueue.serviceMillis=%.3f -Dqueue.serviceScv=%.3f (predicted p99 at"
              + " P90: %s ms)", profile.node().workers(), profile.node().serviceMillis(),
          profile.node().serviceScv(), profile.predictedP99Millis().p90() == null ? "n/a (overloaded)"
              : ForecastWriters.num(profile.predictedP99Millis().p90()));
    }
    return note;
  }

  /** A ramp's length in minutes; under the series' step, no shorter than it can tell. */
  private static String minutes(long seconds, long stepSeconds) {
    return seconds < stepSeconds ? "under " + Math.round(stepSeconds / 60.0) + " min (one step of the series)"
        : Math.round(seconds / 60.0) + " min";
  }

  /** The same words and exit code as picocli's own check of required options and parameters. */
  private void requireMetricsAndPlan() {
    boolean noMetrics = (metrics == null || metrics.isEmpty()) && prometheus.url == null;
    if (noMetrics && plan == null) {
      throw new ParameterException(spec.commandLine(),
          "Missing required options and parameters: '--plan=FILE', 'METRICS'");
    }
    if (plan == null) {
      throw new ParameterException(spec.commandLine(), "Missing required option: '--plan=FILE'");
    }
    if (noMetrics) {
      throw new ParameterException(spec.commandLine(), "Missing required parameter: 'METRICS'"
          + " (or --prometheus=URL with --query=NAME=PROMQL)");
    }
  }

  /**
   * forecast.json and capacity.html, both rendered before either is written, so that a report
   * that cannot be drawn leaves no forecast.json without its page.
   *
   * @throws CasinoPerf.UserInputException when rendering fails: the forecast holds whatever the
   *     input did, and the answer is one line, not a stack trace and half a report
   */
  private Map<Path, String> render(CapacityForecast forecast) {
    Map<Path, String> files = new LinkedHashMap<>();
    try {
      files.put(out.resolve("forecast.json"), ForecastWriters.json(forecast));
      files.put(out.resolve("capacity.html"), CapacityHtml.render(forecast));
    } catch (RuntimeException e) {
      throw new CasinoPerf.UserInputException("the forecast could not be rendered ("
          + String.valueOf(e).lines().findFirst().orElse("") + "); nothing was written to " + out);
    }
    return files;
  }

  private ForecastSettings settings() {
    long horizonSeconds = seconds("--horizon", horizon);
    long[] points = new long[changepoints.size()];
    for (int i = 0; i < points.length; i++) {
      try {
        points[i] = Timestamps.toEpochSeconds(changepoints.get(i));
      } catch (IllegalArgumentException e) {
        throw new CasinoPerf.UserInputException("--changepoint " + changepoints.get(i) + ": " + e.getMessage());
      }
    }
    // A fraction where a percentage is expected (0.9 for the P90) is told the value it stood for.
    if (!(decideAt > 50 && decideAt < 100)) {
      throw refuse("--decide-at", decideAt > 0.5 && decideAt < 1
          ? "expected a percentile such as " + OptionValues.asPercent(decideAt)
          : "expected a percentile above 50 and below 100, such as 90");
    }
    if (!(throughputTarget > 1 && throughputTarget <= 100)) {
      throw refuse("--throughput-target", throughputTarget > 0 && throughputTarget <= 1
          ? "expected a percentage such as " + OptionValues.asPercent(throughputTarget)
          : "expected a percentage above 1 and at most 100, such as 80");
    }
    if (origins < 0 || origins > 52) {
      throw refuse("--origins", "expected 0 to 52");
    }
    if (runwayDays < 1 || runwayDays > 3650) {
      throw refuse("--runway-days", "expected 1 to 3650");
    }
    if (horizonSeconds > 365 * 86_400L) {
      throw new CasinoPerf.UserInputException("--horizon=" + horizon + ": at most a year (365d)");
    }
    return new ForecastSettings(DemandFitter.Settings.defaults(horizonSeconds).withChangepoints(points),
        origins, decideAt / 100, throughputTarget / 100, runwayDays, 20_000, seed, latencySlo());
  }

  /** The p99 SLO and routing of the queueing sizing; null with {@code --p99-slo none}. */
  private ForecastSettings.LatencySlo latencySlo() {
    NodeSizing.Routing how = switch (routing.strip().toLowerCase(java.util.Locale.ROOT)) {
      case "split" -> NodeSizing.Routing.SPLIT;
      case "pooled" -> NodeSizing.Routing.POOLED;
      default -> throw refuse("--routing", "expected split or pooled");
    };
    if (p99Slo.strip().equalsIgnoreCase("none")) {
      return null;
    }
    java.util.regex.Matcher m = SLO.matcher(p99Slo.strip());
    double millis = m.matches() ? Double.parseDouble(m.group(1)) * (m.group(2).equals("s") ? 1000 : 1) : 0;
    if (!(millis > 0) || Double.isInfinite(millis)) {
      throw refuse("--p99-slo", "expected a time above 0 such as 200ms, 87.5ms or 1s, or none");
    }
    return new ForecastSettings.LatencySlo(99, millis, how);
  }

  private CasinoPerf.UserInputException refuse(String option, String expected) {
    return OptionValues.refuse(spec, option, expected);
  }

  /**
   * A positive whole number of seconds in the product's duration grammar ({@link Durations}:
   * 90s, 5m, 1h, 7d, 2w, or plain seconds).
   */
  static long seconds(String option, String text) {
    try {
      java.time.Duration value = Durations.parse(text, java.time.Duration.ofSeconds(1));
      if (value.toMillis() % 1000 == 0) {
        return value.toSeconds();
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw new CasinoPerf.UserInputException(option + "=" + text
        + ": expected a positive duration such as 60s, 5m, 1h or 7d");
  }

}
