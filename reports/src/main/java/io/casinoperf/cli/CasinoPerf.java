package io.casinoperf.cli;

import io.casinoperf.capacity.series.MetricsFormatException;
import io.casinoperf.capacity.series.PrometheusException;
import io.casinoperf.capacity.series.UnsuitableDataException;
import io.casinoperf.gate.history.HistoryException;
import io.casinoperf.gate.log.InvalidSimulationLogException;
import io.casinoperf.gate.log.UnmergeableLogsException;
import io.casinoperf.gate.summary.RunSummaries;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code java -jar casinoperf.jar COMMAND}: the gate, the run history, the capacity forecast,
 * HTML reports from stored results and the merge of injector logs. Exit codes everywhere: 0 ok or
 * pass, 1 regression, SLO breach or aborted run, 2 bad input or usage (including a file that
 * cannot be read or written), 3 inconclusive, 4 invalid. A usage error is two or three lines
 * ({@link UsageErrors}); bad input is one.
 */
@Command(
    name = "casinoperf",
    mixinStandardHelpOptions = true,
    versionProvider = CasinoPerf.Version.class,
    synopsisSubcommandLabel = "COMMAND",
    description = "Load-test results and capacity planning for casino platforms.")
public final class CasinoPerf implements Callable<Integer> {
  public static final int EXIT_BAD_INPUT = 2;

  /** The commands, in the order the help lists them. */
  private static final List<Class<?>> COMMANDS = List.of(GateCommand.class, HistoryCommand.class,
      ForecastCommand.class, ReportCommand.class, MergeLogsCommand.class);

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.setProperty("java.awt.headless", "true");
    if (args.length > 0 && args[0].equals("gate")) {
      GateCommand.prepareInBackground();
    }
    System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command line with the given output streams and returns the exit code. */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine line = commandLine(args);
    line.setOut(out);
    line.setErr(err);
    UsageErrors usageErrors = new UsageErrors();
    line.setParameterExceptionHandler(usageErrors);
    line.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      if (e instanceof CommandLine.ParameterException usage) {
        // A usage error found by the command itself (a requirement picocli cannot express):
        // reported as picocli's own are.
        return usageErrors.handleParseException(usage, args);
      }
      if (e instanceof InvalidSimulationLogException
          || e instanceof HistoryException
          || e instanceof RunSummaries.MismatchedLogsException
          || e instanceof UnmergeableLogsException
          || e instanceof UserInputException
          || e instanceof MetricsFormatException
          || e instanceof PrometheusException
          || e instanceof UnsuitableDataException) {
        commandLine.getErr().println("casinoperf: " + e.getMessage());
        return EXIT_BAD_INPUT;
      }
      IOException io = e instanceof IOException ? (IOException) e
          : e instanceof UncheckedIOException ? ((UncheckedIOException) e).getCause() : null;
      if (io != null) {
        commandLine.getErr().println("casinoperf: " + describe(io));
        return EXIT_BAD_INPUT;
      }
      throw e;
    });
    return line.execute(args);
  }

  /**
   * The command line for these arguments. picocli reflects over every option of every command it
   * is given, about a third of a second for all of them before anything runs: arguments that
   * start with a command's name get that command alone; any others (help, a typo, nothing) get
   * them all, to list them or suggest one.
   */
  static CommandLine commandLine(String[] args) {
    CommandLine line = new CommandLine(new CasinoPerf());
    String first = args.length > 0 ? args[0] : "";
    List<Class<?>> named =
        COMMANDS.stream().filter(command -> commandName(command).equals(first)).toList();
    for (Class<?> command : named.isEmpty() ? COMMANDS : named) {
      line.addSubcommand(command);
    }
    return line;
  }

  private static String commandName(Class<?> command) {
    return command.getAnnotation(Command.class).name();
  }

  /** One line for a file that could not be read or written, naming the file. */
  static String describe(IOException e) {
    if (e instanceof NoSuchFileException) {
      return ((NoSuchFileException) e).getFile() + ": no such file or folder";
    }
    if (e instanceof AccessDeniedException) {
      return ((AccessDeniedException) e).getFile() + ": permission denied";
    }
    if (e instanceof FileAlreadyExistsException) {
      return ((FileAlreadyExistsException) e).getFile() + ": already exists";
    }
    if (e instanceof FileSystemException) {
      FileSystemException fs = (FileSystemException) e;
      return fs.getFile() + ": " + (fs.getReason() == null ? "cannot be read or written" : fs.getReason());
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  /** No command: the list of commands, as a usage error. */
  @Override
  public Integer call() {
    return UsageErrors.listCommands(spec);
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
