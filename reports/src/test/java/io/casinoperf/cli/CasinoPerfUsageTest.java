package io.casinoperf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line as a newcomer meets it: a mistake in the arguments is the error and where to
 * look, not pages of usage; a value in the wrong unit is named as typed, before anything runs.
 */
class CasinoPerfUsageTest {
  @TempDir Path dir;

  record Result(int exitCode, String out, String err) {
    List<String> errLines() {
      return err.strip().lines().toList();
    }
  }

  private static Result execute(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = CasinoPerf.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Result(code, out.toString(), err.toString());
  }

  private static String example(String name) {
    return Path.of("..", "examples", "capacity", name).toString();
  }

  @Test
  void anUnknownOptionIsTheErrorAndWhereToFindTheOptions() {
    Result result = execute("gate", "--bogus", "run.log");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.out()).isEmpty();
    assertThat(result.errLines()).containsExactly("Unknown option: '--bogus'", "see 'casinoperf gate --help'");
  }

  @Test
  void aMistypedOptionKeepsPicocliSuggestionOnTheShortOutput() {
    Result result = execute("gate", "--confidnce", "0.99", "run.log");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.errLines()).hasSizeLessThanOrEqualTo(3)
        .first().asString().contains("'--confidnce'");
    assertThat(result.err()).contains("--confidence");
    assertThat(result.errLines()).last().isEqualTo("see 'casinoperf gate --help'");
  }

  @Test
  void aMistypedCommandSuggestsTheNearestCommands() {
    Result result = execute("histroy", "list");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.errLines()).hasSizeLessThanOrEqualTo(3).anyMatch(line -> line.contains("history"));
    assertThat(result.errLines()).last().isEqualTo("see 'casinoperf --help'");
  }

  @Test
  void aMissingParameterOfANestedCommandNamesTheCommandsFullPath() {
    Result show = execute("history", "show");
    Result mark = execute("history", "mark", "20261127T104243Z-flashspinpeaksimulation-b02a9e");

    assertThat(show.exitCode()).isEqualTo(2);
    assertThat(show.errLines()).containsExactly("Missing required parameter: 'RUN_ID'",
        "see 'casinoperf history show --help'");
    assertThat(mark.exitCode()).isEqualTo(2);
    assertThat(mark.errLines()).hasSize(2).last().isEqualTo("see 'casinoperf history mark --help'");
    assertThat(mark.errLines().get(0)).startsWith("Missing required option: '--verdict");
  }

  @Test
  void aValueOfTheWrongTypeIsPicocliMessageAndWhereToLook() {
    Result result = execute("forecast", "backtest", example("metrics.csv"), "--origins", "many");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.errLines()).containsExactly(
        "Invalid value for option '--origins': 'many' is not an int",
        "see 'casinoperf forecast backtest --help'");
  }

  @Test
  void aUsageErrorFoundByTheCommandItselfIsAsShort() {
    Result noPlan = execute("forecast", example("metrics.csv"));
    Result nothing = execute("forecast");

    assertThat(noPlan.exitCode()).isEqualTo(2);
    assertThat(noPlan.errLines()).containsExactly("Missing required option: '--plan=FILE'",
        "see 'casinoperf forecast --help'");
    assertThat(nothing.exitCode()).isEqualTo(2);
    assertThat(nothing.errLines()).containsExactly(
        "Missing required options and parameters: '--plan=FILE', 'METRICS'", "see 'casinoperf forecast --help'");
  }

  @Test
  void noCommandListsTheCommandsOnStderrAndExitsTwo() {
    Result result = execute();

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.out()).isEmpty();
    List<String> lines = result.errLines();
    assertThat(lines).startsWith("Usage: casinoperf [-hV] COMMAND", "Commands:")
        .endsWith("see 'casinoperf COMMAND --help'");
    assertThat(lines.subList(2, lines.size() - 1)).extracting(line -> line.strip().split(" ")[0])
        .containsExactly("gate", "history", "forecast", "report", "merge-logs");
  }

  @Test
  void aCommandOfCommandsAloneListsItsCommands() {
    Result history = execute("history");
    Result report = execute("report");

    assertThat(history.exitCode()).isEqualTo(2);
    assertThat(history.out()).isEmpty();
    assertThat(history.err()).contains("  list ").contains("  show ").contains("  mark ");
    assertThat(report.exitCode()).isEqualTo(2);
    assertThat(report.err()).contains("  trend ").contains("  capacity ").contains("  gate ");
  }

  @Test
  void helpIsStillTheFullHelpWithOneLinePerCommand() {
    Result result = execute("--help");

    assertThat(result.exitCode()).isZero();
    assertThat(result.err()).isEmpty();
    List<String> lines = result.out().lines().toList();
    assertThat(lines).contains("Commands:").anyMatch(line -> line.startsWith("Usage: casinoperf"));
    List<String> commands = lines.subList(lines.indexOf("Commands:") + 1, lines.size()).stream()
        .filter(line -> !line.isBlank()).toList();
    assertThat(commands).extracting(line -> line.strip().split(" ")[0])
        .containsExactly("gate", "history", "forecast", "report", "merge-logs");
  }

  @Test
  void historyOnAMissingFolderIsOneLineNamingIt() {
    String missing = dir.resolve("no-history").toString();

    for (String[] args : List.of(new String[] {"history", "list", "--history", missing},
        new String[] {"history", "show", "20261127T104243Z-flashspinpeaksimulation-b02a9e", "--history", missing},
        new String[] {"history", "mark", "20261127T104243Z-flashspinpeaksimulation-b02a9e", "--verdict", "pass",
            "--history", missing})) {
      Result result = execute(args);

      assertThat(result.exitCode()).as(String.join(" ", args)).isEqualTo(2);
      assertThat(result.out()).isEmpty();
      assertThat(result.errLines()).singleElement().asString().contains(missing).contains("no such folder");
    }
    assertThat(dir.resolve("no-history")).doesNotExist();
  }
}
