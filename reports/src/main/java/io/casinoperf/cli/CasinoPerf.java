package io.casinoperf.cli;

import io.casinoperf.capacity.series.MetricsFormatException;
import io.casinoperf.capacity.series.UnsuitableDataException;
import io.casinoperf.gate.history.HistoryException;
import io.casinoperf.gate.log.InvalidSimulationLogException;
import io.casinoperf.gate.log.UnmergeableLogsException;
import io.casinoperf.gate.summary.RunSummaries;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code java -jar casinoperf.jar COMMAND}: the gate, the run history, the capacity forecast,
 * HTML reports from stored results and the merge of injector logs. Exit codes everywhere: 0 ok or pass, 1 regression or SLO
 * breach, 2 bad input or usage, 3 inconclusive.
 */
@Command(
    name = "casinoperf",
    mixinStandardHelpOptions = true,
    versionProvider = CasinoPerf.Version.class,
    description = "Load-test results and capacity planning for casino platforms.",
    subcommands = {GateCommand.class, HistoryCommand.class, ForecastCommand.class, ReportCommand.class,
        MergeLogsCommand.class})
public final class CasinoPerf implements Runnable {
  public static final int EXIT_BAD_INPUT = 2;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.setProperty("java.awt.headless", "true");
    System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command line with the given output streams and returns the exit code. */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine line = new CommandLine(new CasinoPerf());
    line.setOut(out);
    line.setErr(err);
    line.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      if (e instanceof InvalidSimulationLogException
          || e instanceof HistoryException
          || e instanceof RunSummaries.MismatchedLogsException
          || e instanceof UnmergeableLogsException
          || e instanceof UserInputException
          || e instanceof MetricsFormatException
          || e instanceof UnsuitableDataException) {
        commandLine.getErr().println("casinoperf: " + e.getMessage());
        return EXIT_BAD_INPUT;
      }
      throw e;
    });
    return line.execute(args);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** A mistake in what the user gave: one line, exit code 2. */
  static final class UserInputException extends RuntimeException {
    UserInputException(String message) {
      super(message);
    }
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = CasinoPerf.class.getPackage().getImplementationVersion();
      return new String[] {"casinoperf " + (version == null ? "(development build)" : version)};
    }
  }
}
