package io.casinoperf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.casinoperf.gate.verdict.Outcome;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * One run of every outcome the gate has, through the command: the exit code, verdict.json,
 * junit.xml, summary.md, gate.html, the console, the stored run and trend.html all say the same.
 * A new outcome without a case here fails the test.
 */
class EveryOutcomeTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern JUNIT_TOTALS =
      Pattern.compile("tests=\"(\\d+)\" failures=\"(\\d+)\" errors=\"(\\d+)\" skipped=\"(\\d+)\"");

  @TempDir Path dir;

  /** The run of this outcome, after whatever history it needs. */
  private static GatedRuns.Gated runOf(Outcome outcome, GatedRuns runs) {
    return switch (outcome) {
      case PASS -> {
        runs.gate("v1", 20);
        yield runs.gate("v2", 20);
      }
      case IMPROVEMENT -> {
        runs.gate("v1", 30);
        yield runs.gate("v2", 20);
      }
      case INCONCLUSIVE -> {
        runs.gate("v1", 20);
        yield runs.gateCutOff("v2", 20);
      }
      case NO_BASELINE -> runs.gate("v1", 20, List.of("--require-baseline"));
      case REGRESSION -> {
        runs.gate("v1", 20);
        yield runs.gate("v2", 30);
      }
      case SLO_BREACH -> {
        runs.gate("v1", 20);
        yield runs.gate("v2", 20, List.of("--slo", "Spin=50/1"));
      }
      case ABORTED -> {
        runs.gate("v1", 20);
        yield runs.gateAborted("v2", 20);
      }
      case INVALID -> {
        runs.gate("v1", 20);
        yield runs.gateInvalid("v2", 20);
      }
    };
  }

  /** The trend table's class for a run of this outcome: how the trend groups the outcomes. */
  private static String trendClass(Outcome outcome) {
    return switch (outcome) {
      case PASS, IMPROVEMENT -> "pass";
      case INCONCLUSIVE, NO_BASELINE -> "inconclusive";
      case REGRESSION, SLO_BREACH -> "regression";
      case ABORTED -> "aborted";
      case INVALID -> "invalid";
    };
  }

  @ParameterizedTest
  @EnumSource(Outcome.class)
  void everyOutputSaysTheSameOutcome(Outcome outcome) throws Exception {
    GatedRuns runs = new GatedRuns(dir);
    GatedRuns.Gated run = runOf(outcome, runs);
    String label = outcome.label();
    int exitCode = outcome.exitCode(Outcome.InconclusivePolicy.EXIT3);

    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(exitCode);
    // The console: the verdict line (after a missing-baseline warning when the run passed), and
    // the verdict again as the last line, with its exit code and where the reports are.
    assertThat(run.out().lines().filter(l -> l.startsWith(label.toUpperCase(Locale.ROOT) + ": ")))
        .as(run.out()).hasSize(1);
    List<String> lines = run.out().lines().toList();
    assertThat(lines.get(lines.size() - 1)).isEqualTo(label.toUpperCase(Locale.ROOT) + " (exit "
        + exitCode + ") — reports in " + run.reports() + ": gate.html, summary.md, junit.xml,"
        + " verdict.json; run " + run.id());

    JsonNode verdict = JSON.readTree(run.reports().resolve("verdict.json").toFile());
    assertThat(verdict.get("verdict").asText()).isEqualTo(label);
    assertThat(verdict.get("exitCode").asInt()).isEqualTo(exitCode);

    Matcher totals = JUNIT_TOTALS.matcher(Files.readString(run.reports().resolve("junit.xml")));
    assertThat(totals.find()).isTrue();
    int failures = Integer.parseInt(totals.group(2));
    int errors = Integer.parseInt(totals.group(3));
    // A CI test tab goes red exactly when the gate fails the build, and an invalid run is an
    // error of the test set-up (the injector), not a failure of the platform.
    assertThat(errors > 0).as("junit errors").isEqualTo(outcome == Outcome.INVALID);
    assertThat(failures > 0).as("junit failures").isEqualTo(exitCode == 1);

    assertThat(run.reports().resolve("summary.md")).content()
        .contains("### Release gate: **" + label + "**");
    assertThat(run.reports().resolve("gate.html")).content()
        .contains("<div class=\"verdict " + label.replace(' ', '-') + "\"><b>"
            + label.toUpperCase(Locale.ROOT) + "</b>");

    JsonNode stored = JSON.readTree(runs.history().resolve(run.id() + ".json").toFile());
    assertThat(stored.get("verdict").asText()).isEqualTo(label);
    assertThat(stored.get("partial").asBoolean()).isEqualTo(outcome == Outcome.INCONCLUSIVE);

    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Path trend = dir.resolve("trend");
    int trendCode = CasinoPerf.execute(new String[] {"report", "trend", "--history",
        runs.history().toString(), "--out", trend.toString()}, new PrintWriter(out, true),
        new PrintWriter(err, true));
    assertThat(trendCode).as(err.toString()).isZero();
    String page = Files.readString(trend.resolve("trend.html"));
    Matcher row = Pattern.compile("<tr class=\"([a-z-]+)\"><td class=\"id\">(?:<a [^>]*>)?"
        + Pattern.quote(run.id()) + ".*?<span class=\"badge [a-z-]+\">\\S+ ([a-z /,]+)</span>")
        .matcher(page);
    assertThat(row.find()).as("the run's row in trend.html").isTrue();
    assertThat(row.group(1)).isEqualTo(trendClass(outcome));
    assertThat(row.group(2)).isEqualTo(label + (outcome == Outcome.INCONCLUSIVE ? ", partial" : ""));
  }
}
