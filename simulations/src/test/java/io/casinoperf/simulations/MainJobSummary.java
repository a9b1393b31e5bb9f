package io.casinoperf.simulations;

import io.casinoperf.gate.record.RecordedRun;
import io.casinoperf.gate.summary.PhaseClock;
import io.casinoperf.gate.summary.RunSummaries;
import io.casinoperf.gate.summary.RunSummary;
import io.casinoperf.gate.verdict.Gate;
import io.casinoperf.gate.verdict.GateSettings;
import io.casinoperf.gate.verdict.Outcome;
import io.casinoperf.gate.verdict.RunNoise;
import io.casinoperf.gate.verdict.RunVerdict;
import io.casinoperf.gate.verdict.ServiceLevel;
import io.casinoperf.run.RunRecord;
import io.casinoperf.simulations.run.RunContext;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The main job's closing lines. Each simulation a build runs ({@code ./mvnw gatling:test} runs the
 * three workloads one after the other, each in a JVM of its own) adds its outcome to a ledger
 * beside its results when its JVM ends — after Gatling has printed its assertions — and prints the
 * ledger of the build so far: after the last simulation, one summary of all of them, just above
 * Maven's own result lines. The outcome is the release gate's on the run's SLOs alone (no
 * history): passed, SLO failed, stopped by the circuit breaker, injector saturated, a money
 * mismatch, or a log cut off; with each run's report and the command that judges it against its
 * baseline. A run its breaker stopped fails the build like a failed assertion.
 */
final class MainJobSummary {
  /** The ledger's name: one per build (the JVM that forked the simulations). */
  static final String LEDGER_PREFIX = ".casinoperf-main-job-";

  private MainJobSummary() {}

  /**
   * At the end of this JVM, adds the run's outcome to its build's ledger and prints the ledger;
   * only for a run a build plugin forked (a test or an IDE prints nothing).
   */
  static void atExit(RunContext<?> run) {
    if (!run.underGatlingMain() || run.runFolder().isEmpty()) {
      return;
    }
    Path folder = run.runFolder().get();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      String outcome = print(folder, System.out);
      // Gatling ends a run its breaker stopped with 0 when the partial run met its assertions:
      // the build must fail on it, and go on with the next simulation as after a failed
      // assertion, so this JVM ends with Gatling's assertion-failure code instead.
      if (outcome.equals(STOPPED)) {
        Runtime.getRuntime().halt(ASSERTION_FAILED);
      }
    }, "casinoperf-main-job-summary"));
  }

  /** What a run its circuit breaker stopped is called here. */
  static final String STOPPED = "stopped by the breaker";
  /** The exit code of Gatling's launcher when an assertion failed. */
  static final int ASSERTION_FAILED = 2;

  /**
   * Judges the run in {@code folder}, adds it to the build's ledger and prints the ledger.
   *
   * @return the run's outcome, as the ledger names it
   */
  static String print(Path folder, PrintStream out) {
    String line;
    try {
      line = entry(folder);
    } catch (RuntimeException e) {
      line = folder.getFileName() + "\tnot judged\t" + oneLine(e) + "\t" + folder.toAbsolutePath();
    }
    Path ledger = folder.toAbsolutePath().getParent().resolve(LEDGER_PREFIX + buildKey() + ".tsv");
    List<String> lines = new ArrayList<>();
    try {
      Files.writeString(ledger, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
      lines.addAll(Files.readAllLines(ledger, StandardCharsets.UTF_8));
    } catch (IOException e) {
      lines.add(line);
    }
    out.print(render(lines));
    out.flush();
    return line.split("\t", -1)[1];
  }

  /** One ledger line: simulation, outcome, why, run folder; tab-separated. */
  static String entry(Path folder) {
    Path log = folder.resolve("simulation.log");
    RecordedRun recorded = RecordedRun.beside(List.of(log));
    Optional<RunRecord> record = recorded.first();
    RunSummary summary = RunSummaries.read(List.of(log),
        PhaseClock.of(record.map(RunRecord::phases).orElse(List.of())));
    RunVerdict verdict = Gate.judge(summary, Optional.empty(), settings(record),
        recorded.injectorSaturation(), RunNoise.unknown(0, 1));
    String simulation = summary.simulationClass();
    return simulation.substring(simulation.lastIndexOf('.') + 1) + "\t" + name(verdict)
        + "\t" + clean(verdict.overall().reason()) + "\t" + folder.toAbsolutePath();
  }

  /** The outcome in the main job's words. */
  static String name(RunVerdict verdict) {
    Outcome outcome = verdict.outcome();
    if (verdict.overall().rule() == io.casinoperf.gate.verdict.Rule.MONEY_MISMATCH) {
      return "money mismatch";
    }
    return switch (outcome) {
      case PASS, IMPROVEMENT -> "passed";
      case SLO_BREACH -> "SLO failed";
      case ABORTED -> STOPPED;
      case INVALID -> "injector saturated";
      case INCONCLUSIVE -> "log cut off";
      default -> outcome.label();
    };
  }

  private static GateSettings settings(Optional<RunRecord> record) {
    GateSettings defaults = GateSettings.defaults();
    return record.map(r -> defaults.withServiceLevels(r.serviceLevels())).orElse(defaults);
  }

  /** The ledger as the console shows it: a table, then the commands to go on with. */
  static String render(List<String> lines) {
    Path root = projectRoot();
    StringBuilder text = new StringBuilder();
    String rule = "=".repeat(100);
    text.append('\n').append(rule).append('\n');
    text.append(String.format(Locale.ROOT, "casinoperf main job: %d simulation%s run by this build"
        + " so far%n", lines.size(), lines.size() == 1 ? "" : "s"));
    int failed = 0;
    String lastFolder = null;
    for (String line : lines) {
      String[] cells = line.split("\t", -1);
      if (cells.length < 4) {
        continue;
      }
      String report = relative(root, Path.of(cells[3]).resolve("index.html"));
      text.append(String.format(Locale.ROOT, "  %-30s %-24s %s%n", cells[0], cells[1], report));
      if (!cells[1].equals("passed")) {
        failed++;
        text.append("  ").append(" ".repeat(31)).append(cells[2]).append('\n');
      }
      lastFolder = relative(root, Path.of(cells[3]));
    }
    text.append(failed == 0 ? "every simulation met its SLOs"
        : failed + " of " + lines.size() + " did not pass; the build fails after the last one");
    text.append('\n');
    if (lastFolder != null) {
      text.append("next, judge a run against its baseline (docs/STATISTICS.md):\n  java -jar"
          + " reports/target/casinoperf.jar gate ").append(lastFolder)
          .append(" --label <version>\n");
    }
    text.append(rule).append('\n');
    return text.toString();
  }

  /** The build that forked this JVM: its process id and start. */
  static String buildKey() {
    return ProcessHandle.current().parent()
        .map(parent -> parent.pid() + "-" + parent.info().startInstant()
            .map(instant -> Long.toString(instant.toEpochMilli())).orElse("0"))
        .orElse("0");
  }

  /** Paths from where the user typed the build command: the repository root. */
  private static Path projectRoot() {
    Path here = Path.of("").toAbsolutePath();
    return here.getFileName() != null && here.getFileName().toString().equals("simulations")
        && Files.isRegularFile(here.getParent().resolve("mvnw")) ? here.getParent() : here;
  }

  private static String relative(Path root, Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    return absolute.startsWith(root) ? root.relativize(absolute).toString() : absolute.toString();
  }

  private static String clean(String text) {
    return text.replace('\t', ' ').replace('\n', ' ');
  }

  private static String oneLine(Throwable e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return clean(message.lines().findFirst().orElse(message));
  }
}
