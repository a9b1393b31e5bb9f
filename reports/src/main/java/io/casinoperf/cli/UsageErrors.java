package io.casinoperf.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * What a mistake in the arguments prints, on stderr with exit code 2: picocli's one-line error,
 * its "did you mean" when it has one, and which help to read. Not the whole usage: forty lines of
 * options bury the one line that says what went wrong.
 */
final class UsageErrors implements CommandLine.IParameterExceptionHandler {

  /**
   * Reports a usage error, whether picocli found it while parsing or a command threw it.
   *
   * @return {@link CasinoPerf#EXIT_BAD_INPUT}
   */
  @Override
  public int handleParseException(ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    PrintWriter err = command.getErr();
    err.println(message(e));
    UnmatchedArgumentException.printSuggestions(e, err);
    err.println(seeHelp(command.getCommandSpec(), ""));
    err.flush();
    return CasinoPerf.EXIT_BAD_INPUT;
  }

  /**
   * picocli's message, except for a word where a command of commands expects a command: picocli
   * calls it an unmatched argument "from index 0", which says less than "unknown command".
   */
  private static String message(ParameterException e) {
    if (e instanceof UnmatchedArgumentException unmatched && !unmatched.isUnknownOption()
        && !unmatched.getUnmatched().isEmpty()
        && !e.getCommandLine().getSubcommands().isEmpty()
        && e.getCommandLine().getCommandSpec().positionalParameters().isEmpty()) {
      return "Unknown command: '" + unmatched.getUnmatched().get(0) + "'";
    }
    return e.getMessage();
  }

  /** {@code see 'casinoperf forecast backtest --help'}, with words between the command and --help. */
  private static String seeHelp(CommandSpec command, String more) {
    return "see '" + command.qualifiedName() + more + " --help'";
  }

  /**
   * A command of commands given none: the synopsis, each command's name with its one-line
   * description, and which help to read, on stderr.
   *
   * @return {@link CasinoPerf#EXIT_BAD_INPUT}: no command is a usage error
   */
  static int listCommands(CommandSpec command) {
    CommandLine line = command.commandLine();
    CommandLine.Help help = line.getHelp();
    PrintWriter err = line.getErr();
    err.print(help.synopsisHeading());
    err.print(help.synopsis(help.synopsisHeadingLength()));
    err.print(help.commandListHeading());
    err.print(help.commandList());
    err.println(seeHelp(command, " COMMAND"));
    err.flush();
    return CasinoPerf.EXIT_BAD_INPUT;
  }
}
