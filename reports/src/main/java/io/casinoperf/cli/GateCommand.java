package io.casinoperf.cli;

import io.casinoperf.gate.history.Baselines;
import io.casinoperf.gate.history.Comparability;
import io.casinoperf.gate.history.RunHistory;
import io.casinoperf.gate.history.RunRecord;
import io.casinoperf.gate.summary.RunSummaries;
import io.casinoperf.gate.summary.RunSummary;
import io.casinoperf.gate.summary.Timeline;
import io.casinoperf.gate.verdict.Gate;
import io.casinoperf.gate.verdict.GateSettings;
import io.casinoperf.gate.verdict.RunVerdict;
import io.casinoperf.gate.verdict.ServiceLevel;
import io.casinoperf.report.GateReport;
import io.casinoperf.report.GateHtml;
import io.casinoperf.report.GateReportWriters;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code casinoperf gate}: judges a run against its baseline and stores it in the history. */
@Command(
    name = "gate",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Judges a Gatling run against a baseline from the run history: p99 (p50, p95 reported), "
          + "error rate and absolute SLOs, per request and for all requests (docs/STATISTICS.md).",
      "Writes verdict.json, junit.xml, summary.md and gate.html, prints a table, stores the run.",
      "Exit codes: 0 pass, 1 regression, SLO breach or a run its circuit breaker stopped, "
          + "2 bad input, 3 inconclusive."
    })
final class GateCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "LOG",
      description = "simulation.log files of the run (one per injector), Gatling run folders, or "
          + "a results folder whose newest run is taken (e.g. simulations/target/gatling)")
  List<Path> inputs;

  @Option(names = "--history", defaultValue = "casinoperf-history", paramLabel = "DIR",
      description = "run history folder (default: ${DEFAULT-VALUE})")
  Path history;

  @Option(names = "--label", defaultValue = "", paramLabel = "TEXT",
      description = "version or commit the run tested, e.g. v1.4.2+9f1c2ab")
  String label;

  @Option(names = "--target", defaultValue = "embedded", paramLabel = "URL",
      description = "the platform the run loaded (default: ${DEFAULT-VALUE})")
  String target;

  @Option(names = "--param", paramLabel = "NAME=VALUE",
      description = "a run parameter that shapes the load (scale, duration, shards…); repeatable. "
          + "Baselines are runs of the same simulation, target and parameters.")
  Map<String, String> parameters = new LinkedHashMap<>();

  @Option(names = "--baseline", paramLabel = "RUN_ID",
      description = "compare with this stored run instead of the last passing one")
  String baselineId;

  @Option(names = "--pool", defaultValue = "1", paramLabel = "N",
      description = "pool the last N passing runs of the same workload (default: ${DEFAULT-VALUE})")
  int pool;

  @Option(names = "--confidence", defaultValue = "0.98",
      description = "one-sided confidence for the whole run (default: ${DEFAULT-VALUE})")
  double confidence;

  @Option(names = "--tolerance", defaultValue = "0.05",
      description = "relative p99 change never called a regression (default: ${DEFAULT-VALUE})")
  double tolerance;

  @Option(names = "--min-effect-ms", defaultValue = "5",
      description = "absolute p99 change never called a regression (default: ${DEFAULT-VALUE})")
  long minEffectMillis;

  @Option(names = "--min-samples", defaultValue = "1000",
      description = "fewest responses per side to judge a p99 (default: ${DEFAULT-VALUE})")
  long minSamples;

  @Option(names = "--min-error-increase", defaultValue = "0.001",
      description = "error-rate increase never called a regression (default: ${DEFAULT-VALUE})")
  double minErrorIncrease;

  @Option(names = "--slo-p99-ms", defaultValue = "200",
      description = "SLO: highest p99 in ms (default: ${DEFAULT-VALUE})")
  long sloP99Millis;

  @Option(names = "--slo-error-percent", defaultValue = "1",
      description = "SLO: highest error rate in percent (default: ${DEFAULT-VALUE})")
  double sloErrorPercent;

  @Option(names = "--slo", paramLabel = "REQUEST=P99MS/ERRORPERCENT",
      description = "SLO of one request, by its path, e.g. --slo \"Spin=150/0.5\"; repeatable")
  Map<String, String> sloByRequest = new LinkedHashMap<>();

  @Option(names = "--inconclusive", defaultValue = "exit3", paramLabel = "exit3|pass|fail",
      description = "what an inconclusive verdict exits with: 3, 0 or 1 (default: ${DEFAULT-VALUE})")
  String inconclusive;

  @Option(names = "--out", defaultValue = "gate-report", paramLabel = "DIR",
      description = "where verdict.json, junit.xml, summary.md and gate.html go (default: ${DEFAULT-VALUE})")
  Path out;

  @Option(names = "--no-save", description = "do not store the run in the history")
  boolean noSave;

  @Option(names = "--injector-cores", paramLabel = "N",
      description = "cores of the injector that ran it (default: this machine's)")
  Integer injectorCores;

  @Option(names = "--java-version", paramLabel = "VERSION",
      description = "Java version of the injector (default: this JVM's)")
  String javaVersion;

  @Override
  public Integer call() throws IOException {
    GateSettings settings = settings();
    if (!List.of("exit3", "pass", "fail").contains(inconclusive)) {
      throw new CasinoPerf.UserInputException(
          "--inconclusive=" + inconclusive + ": expected exit3, pass or fail");
    }
    if (pool < 1) {
      throw new CasinoPerf.UserInputException("--pool=" + pool + ": expected at least 1");
    }
    PrintWriter err = spec.commandLine().getErr();
    List<Path> logs = LogInputs.resolve(inputs);
    // Nothing is printed before every log has been read: a refused log is the only line.
    RunSummary candidate = RunSummaries.read(logs);
    logs.forEach(log -> err.println("read " + log));
    candidate.warnings().forEach(warning -> err.println("warning: " + warning));

    Comparability comparability = new Comparability(candidate.simulationClass(), target,
        new TreeMap<>(parameters), candidate.gatlingVersion(),
        javaVersion != null ? javaVersion : System.getProperty("java.version"),
        injectorCores != null ? injectorCores : Runtime.getRuntime().availableProcessors());
    RunHistory runs = new RunHistory(history);
    RunHistory.Listing listing = runs.list();
    listing.problems().forEach(problem -> err.println("warning: " + problem));
    Optional<Baselines.Baseline> baseline = baselineId != null
        ? Optional.of(Baselines.byId(runs, baselineId, comparability))
        : Baselines.pooled(runs, listing.runs(), comparability, pool);

    RunSummary reference = baseline.map(Baselines.Baseline::summary).orElseGet(() -> empty(candidate));
    RunVerdict verdict = Gate.judge(candidate, reference, settings);
    boolean inconclusiveFails = inconclusive.equals("fail");

    String id = "";
    String gatlingCandidate = gatlingReport(logs);
    if (!noSave) {
      RunRecord saved = runs.save(candidate, label, comparability,
          candidate.partial() && verdict.overall().severity() < 4
              ? Optional.of("inconclusive") : Optional.of(verdict.overall().label()),
          Optional.ofNullable(gatlingCandidate), Clock.systemUTC());
      id = saved.id();
      err.println("stored as " + saved.id() + " in " + history);
    }
    // The baseline's Gatling report, when it was recorded and is still on disk (one run, not a pool).
    String gatlingBaseline = baseline.filter(b -> b.runs().size() == 1)
        .flatMap(b -> b.runs().get(0).gatlingReport())
        .filter(path -> java.nio.file.Files.isRegularFile(Path.of(path)))
        .orElse(null);
    GateReport report = GateReport.of(verdict, candidate, id, label, baseline, inconclusiveFails,
        new GateReport.GatlingReports(gatlingCandidate, gatlingBaseline));
    if (candidate.partial()) {
      err.println(verdict.overall().severity() < 4
          ? "warning: a log was cut off: the run counts as inconclusive, never as a pass"
          : "warning: a log was cut off");
    }
    OutputFiles.write(out.resolve("verdict.json"), GateReportWriters.json(report));
    OutputFiles.write(out.resolve("junit.xml"), GateReportWriters.junitXml(report, inconclusiveFails));
    OutputFiles.write(out.resolve("summary.md"), GateReportWriters.markdown(report));
    OutputFiles.write(out.resolve("gate.html"),
        GateHtml.render(report, OutputFiles.link(out, gatlingCandidate), OutputFiles.link(out, gatlingBaseline)));
    spec.commandLine().getOut().print(GateReportWriters.consoleTable(report));
    spec.commandLine().getOut().flush();

    int code = report.exitCode();
    if (candidate.partial() && code == 0) {
      code = 3;
    }
    if (code == 3 && inconclusive.equals("pass")) {
      return 0;
    }
    return code;
  }

  private GateSettings settings() {
    Map<String, ServiceLevel> perRequest = new LinkedHashMap<>();
    sloByRequest.forEach((path, text) -> perRequest.put(path, parseSlo(path, text)));
    try {
      return new GateSettings(confidence, tolerance, minEffectMillis, minSamples, minErrorIncrease,
          new ServiceLevel(sloP99Millis, sloErrorPercent / 100), perRequest);
    } catch (IllegalArgumentException e) {
      throw new CasinoPerf.UserInputException(e.getMessage());
    }
  }

  private static ServiceLevel parseSlo(String path, String text) {
    String[] parts = text.split("/");
    try {
      if (parts.length == 2) {
        return new ServiceLevel(Long.parseLong(parts[0].replace("ms", "").trim()),
            Double.parseDouble(parts[1].replace("%", "").trim()) / 100);
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw new CasinoPerf.UserInputException("--slo " + path + "=" + text
        + ": expected P99MS/ERRORPERCENT, e.g. Spin=150/0.5");
  }

  /** A baseline with no requests: every request is new, and only the SLOs judge it. */
  private static RunSummary empty(RunSummary candidate) {
    return new RunSummary(candidate.injectors(), candidate.start(), candidate.start(),
        new io.casinoperf.gate.summary.RequestStats(), new TreeMap<>(), new TreeMap<>(), 0, 0,
        Map.of(), new Timeline(), false, new ArrayList<>());
  }

  /** Gatling's index.html beside the run's log (one injector), when Gatling wrote one. */
  private static String gatlingReport(List<Path> logs) {
    if (logs.size() != 1) {
      return null;
    }
    Path index = logs.get(0).toAbsolutePath().getParent().resolve("index.html");
    return java.nio.file.Files.isRegularFile(index) ? index.toString() : null;
  }


}
