package io.casinoperf.cli;

import io.casinoperf.gate.history.RunHistory;
import io.casinoperf.gate.history.RunRecord;
import io.casinoperf.gate.history.StoredRun;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code casinoperf history list|show|mark}: the stored runs the gate takes baselines from. */
@Command(
    name = "history",
    mixinStandardHelpOptions = true,
    synopsisSubcommandLabel = "COMMAND",
    description = "Lists, shows and marks the runs in a run history folder.",
    subcommands = {HistoryCommand.List.class, HistoryCommand.Show.class, HistoryCommand.Mark.class},
    footerHeading = "%nExamples:%n",
    footer = {
      "  casinoperf history list --history /ci/casinoperf-history",
      "  casinoperf history show 20261127T104243Z-flashspinpeaksimulation-b02a9e",
      "  casinoperf history mark 20261127T104243Z-flashspinpeaksimulation-b02a9e \\",
      "      --verdict pass"
    })
final class HistoryCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  /** No command: the list of history commands, as a usage error. */
  @Override
  public Integer call() {
    return UsageErrors.listCommands(spec);
  }

  /**
   * The run history in this folder, which must exist: a missing folder would otherwise read as an
   * empty history, and a mistyped --history as "no runs".
   *
   * @throws CasinoPerf.UserInputException naming the folder when there is none
   */
  static RunHistory existing(Path folder) {
    if (!Files.isDirectory(folder)) {
      throw new CasinoPerf.UserInputException("--history " + folder + ": no such folder");
    }
    return new RunHistory(folder);
  }

  abstract static class Base {
    @Option(names = "--history", defaultValue = "casinoperf-history", paramLabel = "DIR",
        description = "run history folder (default: ${DEFAULT-VALUE})")
    Path history;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    PrintWriter out() {
      return spec.commandLine().getOut();
    }

    RunHistory runs() {
      return existing(history);
    }
  }

  /** Where a RUN_ID comes from, for the commands that take one. */
  private static final String RUN_ID = "a stored run's id, the first column of 'casinoperf history "
      + "list' (also printed by the gate: 'stored as RUN_ID')";

  @Command(name = "list", mixinStandardHelpOptions = true, description = "One line per stored run, oldest first.")
  static final class List extends Base implements Runnable {
    @Override
    public void run() {
      RunHistory.Listing listing = runs().list();
      for (RunRecord run : listing.runs()) {
        out().printf(Locale.ROOT, "%-56s %-13s %-20s %s%s%n", run.id(), run.verdict().orElse("-"),
            run.label(), run.comparability().parameters(), run.partial() ? " partial" : "");
      }
      listing.problems().forEach(p -> spec.commandLine().getErr().println("warning: " + p));
      if (listing.runs().isEmpty()) {
        out().println("no runs in " + history);
      }
    }
  }

  @Command(name = "show", mixinStandardHelpOptions = true, description = "A stored run's metadata and requests.")
  static final class Show extends Base implements Runnable {
    @Parameters(paramLabel = "RUN_ID", description = RUN_ID)
    String id;

    @Override
    public void run() {
      StoredRun run = runs().load(id);
      RunRecord record = run.record();
      out().println(record.id() + "  " + record.verdict().orElse("not judged")
          + (record.label().isEmpty() ? "" : "  " + record.label()));
      out().println("simulation " + record.comparability().simulation() + " against "
          + record.comparability().target() + " " + record.comparability().parameters());
      out().println("run " + record.runStart() + " .. " + record.runEnd() + ", Gatling "
          + record.comparability().gatlingVersion() + ", Java " + record.comparability().javaVersion()
          + ", " + record.comparability().injectorCores() + " injector cores");
      out().printf(Locale.ROOT, "%-40s %9s %8s %7s %7s %7s%n", "request", "requests", "errors", "p50", "p95", "p99");
      print("All requests", run.summary().all());
      run.summary().requests().forEach((key, stats) -> print(key.path(), stats));
    }

    private void print(String path, io.casinoperf.gate.summary.RequestStats stats) {
      out().printf(Locale.ROOT, "%-40s %9d %7.2f%% %4d ms %4d ms %4d ms%n", path, stats.count(),
          100 * stats.errorRate(), stats.percentileMillis(50), stats.percentileMillis(95),
          stats.percentileMillis(99));
    }
  }

  @Command(name = "mark", mixinStandardHelpOptions = true,
      description = "Records a verdict on a stored run, e.g. to accept it as a baseline.",
      footerHeading = "%nExamples:%n",
      footer = {
        "  casinoperf history mark 20261127T104243Z-flashspinpeaksimulation-b02a9e \\",
        "      --verdict \"slo breach\""
      })
  static final class Mark extends Base implements Runnable {
    @Parameters(paramLabel = "RUN_ID", description = RUN_ID)
    String id;

    @Option(names = "--verdict", required = true, paramLabel = "VERDICT",
        description = "pass, improvement, inconclusive, regression, \"slo breach\", aborted or "
            + "invalid; only a run marked pass or improvement serves as a baseline")
    String verdict;

    @Override
    public void run() {
      if (io.casinoperf.gate.verdict.Outcome.ofLabel(verdict).isEmpty()) {
        throw new CasinoPerf.UserInputException("--verdict=" + verdict
            + ": expected pass, improvement, inconclusive, regression, slo breach, aborted or invalid");
      }
      RunRecord marked = runs().markVerdict(id, verdict);
      out().println(marked.id() + " marked " + verdict);
    }
  }
}
