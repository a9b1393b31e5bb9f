package io.casinoperf.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

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

  @Test
  void aPercentWhereTheGateExpectsAFractionIsNamedAsTypedBeforeAnythingRuns() {
    Result result = execute("gate", dir.resolve("absent.log").toString(), "--confidence", "98",
        "--history", dir.resolve("history").toString(), "--out", dir.resolve("report").toString());

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.errLines()).containsExactly("casinoperf: --confidence=98: expected a fraction such as 0.98");
    assertThat(dir.resolve("history")).doesNotExist();
    assertThat(dir.resolve("report")).doesNotExist();
  }

  @Test
  void everyGateNumberOutOfItsRangeIsOneLineNamingTheOptionAndTheValue() {
    List<List<String>> cases = List.of(
        List.of("--confidence", "0.5", "--confidence=0.5: expected a fraction above 0.5 and below 1"),
        List.of("--confidence", "1", "--confidence=1: expected a fraction above 0.5 and below 1"),
        List.of("--confidence", "-0.98", "--confidence=-0.98: expected a fraction above 0.5 and below 1"),
        List.of("--slo-error-percent", "150", "--slo-error-percent=150: expected a percentage, 0–100"),
        List.of("--slo-error-percent", "-1", "--slo-error-percent=-1: expected a percentage, 0–100"),
        List.of("--slo-p99-ms", "0", "--slo-p99-ms=0: expected at least 1 ms"),
        List.of("--slo", "Spin=150/150", "--slo Spin=150/150: expected P99MS/ERRORPERCENT"),
        List.of("--tolerance", "5", "--tolerance=5: expected a fraction such as 0.05"),
        List.of("--tolerance", "-0.05", "--tolerance=-0.05: expected a fraction from 0 to below 1"),
        List.of("--min-error-increase", "10", "--min-error-increase=10: expected a fraction such as 0.1"),
        List.of("--min-error-increase", "-0.001", "--min-error-increase=-0.001: expected a fraction from 0 to 1"),
        List.of("--min-effect-ms", "-5", "--min-effect-ms=-5: expected 0 or more ms"),
        List.of("--min-samples", "0", "--min-samples=0: expected at least 1 response"),
        List.of("--pool", "0", "--pool=0: expected at least 1 run"),
        List.of("--injector-cores", "0", "--injector-cores=0: expected at least 1 core"));
    for (List<String> c : cases) {
      Result result = execute("gate", dir.resolve("absent.log").toString(), c.get(0), c.get(1),
          "--history", dir.resolve("history").toString(), "--out", dir.resolve("report").toString());

      assertThat(result.exitCode()).as(c.toString()).isEqualTo(2);
      assertThat(result.errLines()).as(c.toString()).singleElement().asString()
          .startsWith("casinoperf: " + c.get(2));
    }
  }

  @Test
  void aFractionWhereTheForecastExpectsAPercentIsNamedAsTyped() {
    List<List<String>> cases = List.of(
        List.of("--decide-at", "0.9", "--decide-at=0.9: expected a percentile such as 90"),
        List.of("--decide-at", "100", "--decide-at=100: expected a percentile above 50 and below 100"),
        List.of("--throughput-target", "0.8", "--throughput-target=0.8: expected a percentage such as 80"),
        List.of("--throughput-target", "120", "--throughput-target=120: expected a percentage above 1 and at most 100"),
        List.of("--runway-days", "0", "--runway-days=0: expected 1 to 3650"),
        List.of("--origins", "-1", "--origins=-1: expected 0 to 52"),
        List.of("--max-fill", "-1", "--max-fill=-1: expected 0 or more steps"));
    for (List<String> c : cases) {
      Result result = execute("forecast", example("metrics.csv"), "--plan", example("plan.yaml"), c.get(0), c.get(1),
          "--out", dir.resolve("report").toString());

      assertThat(result.exitCode()).as(c.toString()).isEqualTo(2);
      assertThat(result.errLines()).as(c.toString()).singleElement().asString()
          .startsWith("casinoperf: " + c.get(2));
    }
    assertThat(dir.resolve("report")).doesNotExist();
  }

  @Test
  void everyCommandsHelpEndsWithExamplesThatParse() {
    List<List<String>> commands = List.of(List.of("gate"), List.of("history"), List.of("forecast"),
        List.of("forecast", "backtest"), List.of("report"), List.of("merge-logs"));
    for (List<String> command : commands) {
      List<String> args = new ArrayList<>(command);
      args.add("--help");
      Result help = execute(args.toArray(String[]::new));

      assertThat(help.exitCode()).isZero();
      assertThat(help.out()).as(command + " help").contains("Examples:");
      String examples = help.out().substring(Math.max(0, help.out().indexOf("Examples:")));
      // An example too long for one line goes on, shell-like, after a backslash; none is wrapped.
      List<String> lines = examples.replaceAll(" \\\\\n +", " ").lines().skip(1)
          .filter(line -> !line.isBlank()).toList();
      assertThat(lines).as(command + " examples").isNotEmpty()
          .allMatch(line -> line.startsWith("  casinoperf " + command.get(0) + " "));
      for (String line : lines) {
        String[] words = shellWords(line.strip().substring("casinoperf ".length()));
        assertThatCode(() -> CasinoPerf.commandLine(words).parseArgs(words)).as(line).doesNotThrowAnyException();
      }
    }
  }

  @Test
  void historyShowAndMarkSayWhereARunIdComesFromAndWhichVerdictsThereAre() {
    String show = execute("history", "show", "--help").out();
    String mark = execute("history", "mark", "--help").out();

    assertThat(show).contains("RUN_ID").contains("history list");
    assertThat(mark).contains("history list")
        .contains("pass").contains("improvement").contains("inconclusive").contains("regression")
        .contains("slo breach").contains("aborted").contains("invalid");
  }

  /** Words as a POSIX shell splits a line without escapes: spaces outside double quotes. */
  private static String[] shellWords(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean quoted = false;
    for (char c : line.toCharArray()) {
      if (c == '"') {
        quoted = !quoted;
      } else if (c == ' ' && !quoted) {
        if (!word.isEmpty()) {
          words.add(word.toString());
          word.setLength(0);
        }
      } else {
        word.append(c);
      }
    }
    if (!word.isEmpty()) {
      words.add(word.toString());
    }
    return words.toArray(String[]::new);
  }
}
