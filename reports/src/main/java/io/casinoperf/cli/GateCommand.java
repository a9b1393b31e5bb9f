package io.casinoperf.cli;

import io.casinoperf.gate.history.Baselines;
import io.casinoperf.gate.history.Comparability;
import io.casinoperf.gate.history.RunHistory;
import io.casinoperf.gate.history.RunIdentity;
import io.casinoperf.gate.history.RunRecord;
import io.casinoperf.gate.summary.PhaseClock;
import io.casinoperf.gate.summary.RunSummaries;
import io.casinoperf.gate.summary.RunSummary;
import io.casinoperf.gate.summary.Timeline;
import io.casinoperf.gate.verdict.Gate;
import io.casinoperf.gate.verdict.GateSettings;
import io.casinoperf.gate.record.RecordedRun;
import io.casinoperf.gate.stats.RunToRunNoise;
import io.casinoperf.gate.verdict.Outcome;
import io.casinoperf.gate.verdict.RunNoise;
import io.casinoperf.gate.verdict.RunVerdict;
import io.casinoperf.run.InjectorHealth;
import io.casinoperf.run.RunRecordException;
import io.casinoperf.run.RunRecords;
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
      "Judges a Gatling run against a baseline from the run history.",
      "It compares p99 (p50, p95 reported), error rate and absolute SLOs, per request and for all "
          + "requests (docs/STATISTICS.md).",
      "Writes verdict.json, junit.xml, summary.md and gate.html, prints a table, stores the run.",
      "Simulation, target, load parameters and SLOs come from the run record (run.json) "
          + "beside each log; without one, from --target, --param and the --slo options.",
      "Exit codes: 0 pass, 1 regression, SLO breach or a run its circuit breaker stopped, "
          + "2 bad input, 3 inconclusive, 4 invalid (the injector, not the platform, limited the run);"
          + " 1 also when --require-baseline finds no baseline."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  casinoperf gate simulations/target/gatling --label v1.4.2+9f1c2ab",
      "  casinoperf gate shard-1/simulation.log shard-2/simulation.log",
      "  casinoperf gate results/simulation.log --target https://perf.casino.example",
      "  casinoperf gate run/simulation.log --slo \"Spin=150/0.5\" --slo-p99-ms 250",
      "  casinoperf gate simulations/target/gatling --pool 3 --no-save",
      "  casinoperf gate simulations/target/gatling --inconclusive pass \\",
      "      --history /ci/casinoperf-history"
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

  @Option(names = "--target", paramLabel = "URL",
      description = "the platform the run loaded, for a run without a record (default: embedded)")
  String target;

  @Option(names = "--param", paramLabel = "NAME=VALUE",
      description = "a run parameter that shapes the load, beside those of the run record "
          + "(all of them for a run without one: scale, duration, shards…); repeatable. "
          + "Baselines are runs of the same simulation, target and parameters.")
  Map<String, String> parameters = new LinkedHashMap<>();

  @Option(names = "--baseline", paramLabel = "RUN_ID",
      description = "compare with this stored run instead of the last passing one")
  String baselineId;

  @Option(names = "--pool", paramLabel = "N",
      description = "pool the last N passing runs of the same workload (default: up to "
          + GateCommand.AUTO_POOL + " once the history holds 3, whose run-to-run spread is then "
          + "known; else 1)")
  Integer pool;

  private static final java.util.concurrent.atomic.AtomicBoolean PREPARING =
      new java.util.concurrent.atomic.AtomicBoolean();

  /** The most runs pooled into a baseline by default. */
  static final int AUTO_POOL = 5;

  @Option(names = "--confidence", defaultValue = "0.98", paramLabel = "FRACTION",
      description = "one-sided confidence for the whole run, above 0.5 and below 1 "
          + "(default: ${DEFAULT-VALUE})")
  double confidence;

  @Option(names = "--tolerance", defaultValue = "0.05", paramLabel = "FRACTION",
      description = "relative p99 change never called a regression, 0.05 for 5 %% "
          + "(default: ${DEFAULT-VALUE})")
  double tolerance;

  @Option(names = "--min-effect-ms", defaultValue = "5", paramLabel = "MS",
      description = "absolute p99 change never called a regression (default: ${DEFAULT-VALUE})")
  long minEffectMillis;

  @Option(names = "--min-samples", defaultValue = "1000", paramLabel = "N",
      description = "fewest responses per side to judge a p99 (default: ${DEFAULT-VALUE})")
  long minSamples;

  @Option(names = "--min-error-increase", defaultValue = "0.001", paramLabel = "FRACTION",
      description = "error-rate increase never called a regression, 0.001 for 0.1 percentage "
          + "points (default: ${DEFAULT-VALUE})")
  double minErrorIncrease;

  @Option(names = "--slo-p99-ms", paramLabel = "MS",
      description = "SLO: highest p99 in ms (default: the run record's p99Millis, else 200)")
  Long sloP99Millis;

  @Option(names = "--slo-error-percent", paramLabel = "PERCENT",
      description = "SLO: highest error rate in percent (default: the run record's "
          + "maxErrorPercent, else 1)")
  Double sloErrorPercent;

  @Option(names = "--slo", paramLabel = "REQUEST=P99MS/ERRORPERCENT",
      description = "SLO of one request, by its path, e.g. --slo \"Spin=150/0.5\"; repeatable")
  Map<String, String> sloByRequest = new LinkedHashMap<>();

  @Option(names = "--untimed", paramLabel = "REQUEST",
      description = "a request judged on its errors only, by its path: a correctness check run a"
          + " fixed number of times, whose p99 no run length makes comparable (the run record"
          + " names the simulations' own); repeatable")
  List<String> untimed = new ArrayList<>();

  @Option(names = "--inconclusive", defaultValue = "exit3", paramLabel = "exit3|pass|fail",
      description = "what an inconclusive verdict exits with: 3, 0 or 1 (default: ${DEFAULT-VALUE})")
  String inconclusive;

  @Option(names = "--out", defaultValue = "gate-report", paramLabel = "DIR",
      description = "where verdict.json, junit.xml, summary.md and gate.html go (default: ${DEFAULT-VALUE})")
  Path out;

  @Option(names = "--require-baseline", arity = "0..1", paramLabel = "true|false",
      description = "fail (exit 1, verdict 'no baseline') when the history holds no comparable"
          + " passing run, instead of judging on the SLOs only; for pipelines whose history must"
          + " exist (a restored cache, a shared folder)")
  boolean requireBaseline;

  @Option(names = "--no-save", description = "do not store the run in the history")
  boolean noSave;

  @Option(names = "--injector-cores", paramLabel = "N",
      description = "cores of the injector that ran it (default: this machine's)")
  Integer injectorCores;

  @Option(names = "--timings",
      description = "print on stderr how long each step took, from the JVM's start")
  boolean timings;

  @Option(names = "--java-version", paramLabel = "VERSION",
      description = "Java version of the injector (default: this JVM's)")
  String javaVersion;

  @Override
  public Integer call() throws IOException {
    checkOptions();
    // Started from main already; here for a gate run in-process.
    prepareInBackground();
    Outcome.InconclusivePolicy policy =
        Outcome.InconclusivePolicy.valueOf(inconclusive.toUpperCase(java.util.Locale.ROOT));
    PrintWriter err = spec.commandLine().getErr();
    StepTimes times = StepTimes.of(timings, err);
    times.done("JVM start, command line");
    List<Path> logs = LogInputs.resolve(inputs);
    // Nothing is printed before every log has been read: a refused log is the only line.
    RecordedRun recorded = readRecords(logs);
    times.done("run records read");
    Optional<io.casinoperf.run.RunRecord> record = recorded.first();
    RunSummary candidate = RunSummaries.read(logs,
        PhaseClock.of(record.map(io.casinoperf.run.RunRecord::phases).orElse(List.of())));
    times.done("logs read and summarised");
    if (record.isPresent() && !record.get().simulation().equals(candidate.simulationClass())) {
      throw new CasinoPerf.UserInputException(logs.get(0) + ": the log is a run of "
          + candidate.simulationClass() + ", its run.json of " + record.get().simulation());
    }
    GateSettings settings = requireBaseline ? settings(record).withRequiredBaseline() : settings(record);
    Comparability comparability = comparability(candidate, recorded);
    logs.forEach(log -> err.println("read " + log));
    candidate.warnings().forEach(warning -> err.println("warning: " + warning));
    History past = history(candidate, comparability, err);
    times.done("history and baseline read");

    RunVerdict verdict = Gate.judge(candidate, past.baseline().map(Baselines.Baseline::summary),
        settings, recorded.injectorSaturation(), past.noise());
    // The reports name the run's id; the run is stored only once every report is written, so a
    // report that cannot be written (a full disk) leaves the history as it was.
    String id = noSave ? ""
        : past.already().map(RunRecord::id).orElseGet(() -> past.runs().freeId(candidate, comparability));
    String gatlingCandidate = gatlingReport(logs);
    // The baseline's Gatling report, when it was recorded and is still on disk (one run, not a pool).
    String gatlingBaseline = past.baseline().filter(b -> b.runs().size() == 1)
        .flatMap(b -> b.runs().get(0).gatlingReport())
        .filter(path -> java.nio.file.Files.isRegularFile(Path.of(path)))
        .orElse(null);
    GateReport report = GateReport.of(verdict, candidate, id, label, past.baseline(), policy,
        new GateReport.GatlingReports(gatlingCandidate, gatlingBaseline),
        conditions(recorded, past.noise()).withWhatRan(
            whatRan(candidate, comparability, recorded, logs), unhealthySeconds(recorded)),
        past.absence());
    times.done("judged");
    if (candidate.partial()) {
      err.println("warning: a log was cut off: the run counts as inconclusive, never as a pass");
    }
    Path gateHtml = writeReports(report, policy, times);
    if (!noSave && past.already().isPresent()) {
      RunRecord stored = past.already().get();
      err.println("already stored as " + stored.id() + " in " + history + " (the same logs,"
          + " judged " + stored.verdict().orElse("not judged") + " then): not stored again");
    } else if (!noSave) {
      past.runs().save(id, past.identity(), candidate, label, comparability,
          new RunHistory.Judgement(verdict.outcome().label(), verdict.decidedBy(),
              Optional.of(gateHtml.toAbsolutePath().toString())),
          Optional.ofNullable(gatlingCandidate), storedRecords(recorded), Clock.systemUTC());
      err.println("stored as " + id + " in " + history);
    }
    PrintWriter console = spec.commandLine().getOut();
    console.print(GateReportWriters.consoleTable(report));
    // The last line: what a pipeline's log shows just above the build's own failure lines.
    console.println(report.verdict().toUpperCase(java.util.Locale.ROOT) + " (exit "
        + report.exitCode() + ") — reports in " + out + ": gate.html, summary.md, junit.xml,"
        + " verdict.json" + (id.isEmpty() ? "" : "; run " + id));
    console.flush();
    times.done("stored, console table");
    return report.exitCode();
  }

  /** What the run is comparable by: from its record, the options, or this machine. */
  private Comparability comparability(RunSummary candidate, RecordedRun recorded) {
    Optional<io.casinoperf.run.RunRecord> record = recorded.first();
    return new Comparability(candidate.simulationClass(),
        target(record), comparableParameters(recorded), candidate.gatlingVersion(),
        javaVersion != null ? javaVersion
            : record.map(r -> r.versions().java()).orElse(System.getProperty("java.version")),
        injectorCores != null ? injectorCores
            : record.map(r -> r.host().cores()).orElse(Runtime.getRuntime().availableProcessors()));
  }

  /**
   * What the history holds for this run.
   *
   * @param already the same logs, stored by an earlier call
   * @param baseline the run or pool it is compared with, if any
   * @param absence why there is none, when there is none
   */
  private record History(RunHistory runs, RunIdentity identity, Optional<RunRecord> already,
      Optional<Baselines.Baseline> baseline, RunNoise noise, Optional<Baselines.Absence> absence) {}

  /** Reads the history and picks the baseline; every problem found is a warning on {@code err}. */
  private History history(RunSummary candidate, Comparability comparability, PrintWriter err) {
    RunHistory runs = new RunHistory(history);
    boolean historyExisted = java.nio.file.Files.isDirectory(history);
    RunHistory.Listing listing = runs.list();
    listing.problems().forEach(problem -> err.println("warning: " + problem));
    // The same logs gated again: the run is not its own baseline, and is not stored twice.
    RunIdentity identity = RunIdentity.of(candidate);
    Optional<RunRecord> already = RunHistory.find(listing.runs(), identity);
    List<RunRecord> others = listing.runs().stream().filter(r -> !identity.matches(r)).toList();
    java.util.Set<String> skipped = new java.util.LinkedHashSet<>();
    int comparable = Baselines.comparablePassing(others, comparability).size();
    int pooled = pool != null ? pool
        : comparable >= RunToRunNoise.MIN_RUNS ? Math.min(comparable, AUTO_POOL) : 1;
    Optional<Baselines.Baseline> baseline = baselineId != null
        ? Optional.of(forcedBaseline(runs, identity, comparability))
        : Baselines.pooled(runs, others, comparability, pooled, skipped::add);
    RunNoise noise = Baselines.noise(runs, others, comparability,
        baseline.map(b -> b.runs().size()).orElse(1), skipped::add);
    skipped.forEach(problem -> err.println("warning: " + problem));
    Optional<Baselines.Absence> absence = baseline.isPresent() ? Optional.empty()
        : Optional.of(Baselines.absence(runs, historyExisted, others,
            listing.problems().size() + skipped.size(), comparability));
    return new History(runs, identity, already, baseline, noise, absence);
  }

  /**
   * Writes verdict.json, junit.xml and summary.md, and gate.html, the slowest, drawn on the other
   * core meanwhile.
   *
   * @return gate.html's path
   */
  private Path writeReports(GateReport report, Outcome.InconclusivePolicy policy, StepTimes times)
      throws IOException {
    java.util.concurrent.CompletableFuture<String> page = java.util.concurrent.CompletableFuture
        .supplyAsync(() -> GateHtml.render(report,
            OutputFiles.link(out, report.gatlingReports().candidate()),
            OutputFiles.link(out, report.gatlingReports().baseline())), GateCommand::onNewThread);
    OutputFiles.write(out.resolve("verdict.json"), GateReportWriters.json(report));
    times.done("verdict.json");
    OutputFiles.write(out.resolve("junit.xml"),
        GateReportWriters.junitXml(report, policy == Outcome.InconclusivePolicy.FAIL));
    OutputFiles.write(out.resolve("summary.md"), GateReportWriters.markdown(report));
    times.done("junit.xml, summary.md");
    Path gateHtml = out.resolve("gate.html");
    OutputFiles.write(gateHtml, joined(page));
    times.done("gate.html");
    return gateHtml;
  }

  /**
   * Starts, from {@code main} before the command line is even built, a thread that loads what the
   * gate needs soonest and slowest to load: Jackson (the run record is read first, verdict.json
   * written later), then the page's chart library ({@link GateHtml#prepare}). It runs on the
   * second core while the first builds the command line and reads the log. Once per JVM.
   */
  static void prepareInBackground() {
    if (!PREPARING.compareAndSet(false, true)) {
      return;
    }
    Thread thread = new Thread(() -> {
      ClassLoader loader = GateCommand.class.getClassLoader();
      for (Class<?> type : List.of(io.casinoperf.run.RunRecords.class, GateReportWriters.class)) {
        try {
          Class.forName(type.getName(), true, loader);
        } catch (ClassNotFoundException | LinkageError e) {
          // Only a head start: the command loads it again and reports what goes wrong.
        }
      }
      GateHtml.prepare();
    }, "gate-prepare");
    thread.setDaemon(true);
    thread.start();
  }

  private static void onNewThread(Runnable task) {
    Thread thread = new Thread(task, "gate-html");
    thread.setDaemon(true);
    thread.start();
  }

  /** The page drawn on another thread, or what went wrong drawing it, as if drawn here. */
  private static String joined(java.util.concurrent.CompletableFuture<String> page) {
    try {
      return page.join();
    } catch (java.util.concurrent.CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw e;
    }
  }

  /**
   * The forecast a rehearsal replayed, and its p99 at the peak against the one the forecast's
   * queueing model predicted: of the peak phase where the run has one, else of all requests.
   */
  static String rehearsal(io.casinoperf.run.RunRecord.Rehearsal r, RunSummary candidate) {
    Optional<io.casinoperf.gate.summary.PhaseSummary> peak = candidate.phases().stream()
        .filter(p -> p.name().equals("peak")).findFirst();
    long measured = peak.map(io.casinoperf.gate.summary.PhaseSummary::all).orElse(candidate.all())
        .percentileMillis(99);
    String where = peak.isPresent() ? "at the peak" : "over the run";
    String head = String.format(java.util.Locale.ROOT, "%s (forecast %s) at %s in %s", r.promotion(),
        r.forecastId(), r.quantile().toUpperCase(java.util.Locale.ROOT), r.duration());
    return head + r.predictedP99Millis().map(predicted -> String.format(java.util.Locale.ROOT,
            ": p99 %s %d ms, predicted %.0f ms by the forecast's queueing model (%+.0f %%)", where,
            measured, predicted, 100 * (measured - predicted) / predicted))
        .orElse(String.format(java.util.Locale.ROOT, ": p99 %s %d ms (the forecast made no queueing"
            + " prediction)", where, measured));
  }

  /** What ran, for the reports: from the run record where there is one. */
  private static List<GateReport.Fact> whatRan(RunSummary candidate, Comparability comparability,
      RecordedRun recorded, List<Path> logs) {
    List<GateReport.Fact> facts = new ArrayList<>();
    facts.add(new GateReport.Fact("simulation", comparability.simulation()));
    facts.add(new GateReport.Fact("target", comparability.target()));
    facts.add(new GateReport.Fact("parameters", comparability.parameters().isEmpty() ? "none"
        : new TreeMap<>(comparability.parameters()).entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue())
            .collect(java.util.stream.Collectors.joining(", "))));
    facts.add(new GateReport.Fact("duration", String.format(java.util.Locale.ROOT,
        "%.1f s, %s to %s", candidate.duration().toMillis() / 1000.0, candidate.start(),
        candidate.end())));
    facts.add(new GateReport.Fact("injectors", logs.size() + (logs.size() == 1 ? " log" : " logs")
        + (recorded.shards().size() > 1 ? " (shards " + String.join(", ", recorded.shards()) + ")"
            : "")));
    Optional<io.casinoperf.run.RunRecord> record = recorded.first();
    facts.add(new GateReport.Fact("versions", "Gatling " + comparability.gatlingVersion()
        + ", Java " + comparability.javaVersion()
        + record.map(r -> ", casinoperf " + r.versions().project()
            + r.versions().commit().map(c -> " (" + c + ")").orElse("")).orElse("")));
    facts.add(new GateReport.Fact("host", record.map(r -> String.format(java.util.Locale.ROOT,
        "%d cores, %.1f GiB, heap %.1f GiB, %s", r.host().cores(),
        r.host().memoryBytes() / (double) (1L << 30), r.host().maxHeapBytes() / (double) (1L << 30),
        r.host().os())).orElse(comparability.injectorCores() + " cores (no run record)")));
    record.flatMap(r -> r.parameters().rehearsal())
        .ifPresent(r -> facts.add(new GateReport.Fact("rehearsal", rehearsal(r, candidate))));
    facts.add(new GateReport.Fact("injector health", record.isEmpty()
        ? "not recorded (no run.json beside the logs)"
        : recorded.injectorSaturation().map(reason -> "saturated: " + reason).orElseGet(() -> {
          InjectorHealth.Summary h = record.get().health().summary();
          return String.format(java.util.Locale.ROOT, "healthy: scheduling lag p99 %.1f ms,"
              + " longest GC pause %.0f ms, CPU %.0f %% of the machine", h.lagP99Millis(),
              h.longestGcPauseMillis(), h.processCpuPercent());
        })));
    return facts;
  }

  /**
   * The seconds of the run in which the first injector's sampler saw it limited: a late lag
   * probe, a long GC pause, or a machine others contended for (the rules' per-second bounds).
   */
  private static List<Long> unhealthySeconds(RecordedRun recorded) {
    if (recorded.first().isEmpty()) {
      return List.of();
    }
    InjectorHealth health = recorded.first().get().health();
    io.casinoperf.run.HealthRules.Thresholds bounds = health.thresholds();
    return health.seconds().stream()
        .filter(s -> s.lagP99Millis() > bounds.lagP99Millis()
            || s.longestGcPauseMillis() > bounds.longestGcPauseMillis()
            || io.casinoperf.run.HealthRules.contended(s, bounds))
        .map(InjectorHealth.Second::second)
        .toList();
  }

  /** The run --baseline names, which may not be the candidate itself. */
  private Baselines.Baseline forcedBaseline(RunHistory runs, RunIdentity identity,
      Comparability comparability) {
    Baselines.Baseline forced = Baselines.byId(runs, baselineId, comparability);
    if (identity.matches(forced.runs().get(0))) {
      throw new CasinoPerf.UserInputException("--baseline " + baselineId + " is this very run (the"
          + " same logs): a run cannot be its own baseline");
    }
    return forced;
  }

  /**
   * Every option value against its range before a log is read, named as typed. A number in the
   * other unit (98 for the confidence 0.98, 5 for the tolerance 0.05) is told the value it
   * probably meant.
   */
  private void checkOptions() {
    if (!List.of("exit3", "pass", "fail").contains(inconclusive)) {
      throw refuse("--inconclusive", "expected exit3, pass or fail");
    }
    if (!(confidence > 0.5 && confidence < 1)) {
      throw refuse("--confidence", confidence > 50 && confidence < 100
          ? "expected a fraction such as " + OptionValues.asFraction(confidence)
          : "expected a fraction above 0.5 and below 1, such as 0.98");
    }
    if (!(tolerance >= 0 && tolerance < 1)) {
      throw refuse("--tolerance", tolerance >= 1 && tolerance < 100
          ? "expected a fraction such as " + OptionValues.asFraction(tolerance) + " for "
              + OptionValues.typed(spec, "--tolerance") + " %"
          : "expected a fraction from 0 to below 1, such as 0.05 for 5 %");
    }
    if (minEffectMillis < 0) {
      throw refuse("--min-effect-ms", "expected 0 or more ms");
    }
    if (minSamples < 1) {
      throw refuse("--min-samples", "expected at least 1 response on each side");
    }
    if (!(minErrorIncrease >= 0 && minErrorIncrease <= 1)) {
      throw refuse("--min-error-increase", minErrorIncrease > 1 && minErrorIncrease <= 100
          ? "expected a fraction such as " + OptionValues.asFraction(minErrorIncrease) + " for "
              + OptionValues.typed(spec, "--min-error-increase") + " percentage points"
          : "expected a fraction from 0 to 1, such as 0.001 for 0.1 percentage points");
    }
    if (sloP99Millis != null && sloP99Millis < 1) {
      throw refuse("--slo-p99-ms", "expected at least 1 ms");
    }
    if (sloErrorPercent != null && !(sloErrorPercent >= 0 && sloErrorPercent <= 100)) {
      throw refuse("--slo-error-percent", "expected a percentage, 0–100");
    }
    sloByRequest.forEach(GateCommand::parseSlo);
    if (pool != null && pool < 1) {
      throw refuse("--pool", "expected at least 1 run");
    }
    if (pool != null && baselineId != null) {
      throw new CasinoPerf.UserInputException("--pool and --baseline contradict each other: --baseline"
          + " compares with one given run, --pool with the last N passing runs; give one of them");
    }
    // A history that is a file, or a link to nowhere, would read as an empty history: a pass
    // against no baseline, without a word.
    if (java.nio.file.Files.exists(history, java.nio.file.LinkOption.NOFOLLOW_LINKS)
        && !java.nio.file.Files.isDirectory(history)) {
      throw new CasinoPerf.UserInputException("--history " + history + ": "
          + (java.nio.file.Files.isSymbolicLink(history) && !java.nio.file.Files.exists(history)
              ? "a link to nothing" : "not a folder") + "; give the history folder");
    }
    if (injectorCores != null && injectorCores < 1) {
      throw refuse("--injector-cores", "expected at least 1 core");
    }
  }

  private CasinoPerf.UserInputException refuse(String option, String expected) {
    return OptionValues.refuse(spec, option, expected);
  }

  private static RecordedRun readRecords(List<Path> logs) {
    try {
      return RecordedRun.beside(logs);
    } catch (RunRecordException e) {
      throw new CasinoPerf.UserInputException(e.getMessage());
    }
  }

  /** The run record's target; a --target that contradicts it is refused. */
  private String target(Optional<io.casinoperf.run.RunRecord> record) {
    if (record.isEmpty()) {
      return target == null ? "embedded" : target;
    }
    String recorded = record.get().target().identity();
    if (target != null && !target.equals(recorded) && !normalise(target).equals(recorded)) {
      throw new CasinoPerf.UserInputException("--target " + target + ": the run record says the run"
          + " loaded " + recorded + "; leave --target out for a recorded run");
    }
    return recorded;
  }

  private static String normalise(String url) {
    try {
      java.net.URI uri = new java.net.URI(url);
      return uri.getHost() == null || uri.getScheme() == null ? url
          : io.casinoperf.run.RunRecord.Target.of(uri, false).identity();
    } catch (java.net.URISyntaxException e) {
      return url;
    }
  }

  /** The record's workload parameters and the --param extras; a --param may not contradict them. */
  private TreeMap<String, String> comparableParameters(RecordedRun recorded) {
    TreeMap<String, String> all = new TreeMap<>(recorded.workloadParameters());
    parameters.forEach((name, value) -> {
      String fromRecord = all.get(name);
      if (fromRecord != null && !sameValue(fromRecord, value)) {
        throw new CasinoPerf.UserInputException("--param " + name + "=" + value + ": the run record"
            + " says " + name + "=" + fromRecord + "; give --param only for keys the record lacks");
      }
      all.put(name, value);
    });
    return all;
  }

  /** The same number (1 and 1.0) or the same duration (60s and 1m), or the same text. */
  static boolean sameValue(String a, String b) {
    if (a.equals(b)) {
      return true;
    }
    try {
      return Double.parseDouble(a) == Double.parseDouble(b);
    } catch (NumberFormatException e) {
      // not numbers
    }
    try {
      return io.casinoperf.run.Durations.parse(a).equals(io.casinoperf.run.Durations.parse(b));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static Optional<String> storedRecords(RecordedRun recorded) {
    if (!recorded.recorded()) {
      return Optional.empty();
    }
    if (recorded.records().size() == 1) {
      return Optional.of(RunRecords.toJson(recorded.records().get(0)));
    }
    return Optional.of(recorded.records().stream().map(RunRecords::toJson)
        .collect(java.util.stream.Collectors.joining(",", "[", "]")));
  }

  private static GateReport.Conditions conditions(RecordedRun recorded, RunNoise noise) {
    String spread = noise.of(io.casinoperf.gate.verdict.Gate.ALL_REQUESTS)
        .map(n -> String.format(java.util.Locale.ROOT, "run-to-run noise: the p99 varies ±%.1f %%"
            + " between unchanged runs (from %d comparable runs; the baseline pools %d); the"
            + " verdict accounts for it", 100 * Math.expm1(n.logP99Sd()), n.runs(), noise.baselineRuns()))
        .orElse(String.format(java.util.Locale.ROOT, "run-to-run noise not known yet: %d of %d"
            + " comparable passing runs stored; the verdict accounts for sampling inside the runs only",
            noise.comparableRuns(), RunToRunNoise.MIN_RUNS));
    if (!recorded.recorded()) {
      return GateReport.Conditions.commandLineOnly().withNoise(spread);
    }
    String health = recorded.injectorSaturation()
        .map(reason -> "injector: saturated — " + reason)
        .orElseGet(() -> {
          InjectorHealth.Summary s = recorded.first().get().health().summary();
          return String.format(java.util.Locale.ROOT, "injector: healthy (lag p99 %.1f ms, longest"
              + " GC pause %.0f ms, CPU %.0f %% of the machine)", s.lagP99Millis(),
              s.longestGcPauseMillis(), s.processCpuPercent());
        });
    return new GateReport.Conditions(true, recorded.shards(), health, "run record", spread);
  }

  /** The record's SLOs, then the command line's over them. */
  private GateSettings settings(Optional<io.casinoperf.run.RunRecord> record) {
    try {
      GateSettings statistics = new GateSettings(confidence, tolerance, minEffectMillis,
          minSamples, minErrorIncrease, ServiceLevel.HANDBOOK, Map.of());
      GateSettings recorded = record.map(r -> statistics.withServiceLevels(r.serviceLevels()))
          .orElse(statistics);
      Map<String, ServiceLevel> perRequest = new LinkedHashMap<>(recorded.serviceLevelByRequest());
      sloByRequest.forEach((path, text) -> perRequest.put(path, parseSlo(path, text)));
      ServiceLevel whole = new ServiceLevel(
          sloP99Millis != null ? sloP99Millis : recorded.serviceLevel().p99Millis(),
          sloErrorPercent != null ? sloErrorPercent / 100 : recorded.serviceLevel().maxErrorRate());
      java.util.Set<String> untimedRequests = new java.util.TreeSet<>(recorded.untimed());
      untimedRequests.addAll(untimed);
      return new GateSettings(confidence, tolerance, minEffectMillis, minSamples, minErrorIncrease,
          whole, perRequest).withUntimed(untimedRequests);
    } catch (IllegalArgumentException e) {
      throw new CasinoPerf.UserInputException(e.getMessage());
    }
  }

  /**
   * {@code 150/0.5}: a p99 of at most 150 ms and at most 0.5 % errors; a p99 under 1 ms or an
   * error percentage outside 0–100 is refused ({@link ServiceLevel}).
   */
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
        + ": expected P99MS/ERRORPERCENT, at least 1 ms and 0–100 %, e.g. Spin=150/0.5");
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
