package io.casinoperf.gate.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import io.casinoperf.gate.summary.RunSummaries;
import io.casinoperf.gate.summary.RunSummary;
import io.casinoperf.gate.testing.LogFileWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Money is never a statistic: one mismatch fails the run whatever the counts. */
class MoneyMismatchTest {
  private static final long START = Instant.parse("2026-12-06T10:00:00Z").toEpochMilli();
  private static final String MISMATCH = Gate.MONEY_MISMATCH_PREFIX + "found player player-000002:"
      + " balance 118800 cents, expected 121300 cents (-2500)";

  @TempDir Path dir;

  /** 360 wallet reconciliations, 20 ms each, the first {@code failures} failing with {@code message}. */
  private RunSummary run(String name, int failures, String message) {
    return run(name, 360, failures, message);
  }

  private RunSummary run(String name, int requests, int failures, String message) {
    LogFileWriter log = new LogFileWriter().run("3.15.1", "casino.WalletTrafficSimulation", START, List.of("p"));
    for (int i = 0; i < requests; i++) {
      boolean ok = i >= failures;
      log.request(List.of(), "Reconcile wallet", i * 50, i * 50 + 20, ok, ok ? "" : message);
    }
    return RunSummaries.read(List.of(log.writeTo(dir.resolve(name))));
  }

  @Test
  void oneMismatchAmongFewRequestsIsARegressionNamedFirst() {
    RunSummary candidate = run("candidate.log", 1, MISMATCH);
    RunSummary baseline = run("baseline.log", 0, "");

    RunVerdict verdict = Gate.judge(candidate, baseline, GateSettings.defaults());

    // 360 responses are far below the 1,000 a p99 needs, and 1 error in 360 is within the SLO:
    // without the money rule this run is inconclusive.
    assertThat(verdict.outcome()).isEqualTo(Outcome.REGRESSION);
    assertThat(verdict.exitCode(false)).isEqualTo(1);
    assertThat(verdict.overall().rule()).isEqualTo(Rule.MONEY_MISMATCH);
    assertThat(verdict.overall().reason())
        .isEqualTo("1 money mismatch in Reconcile wallet, e.g. " + MISMATCH);
  }

  /**
   * With samples enough for every statistic (20,000 reconciliations) one mismatch is 0.005 % of
   * errors, well inside the SLO and no significant change: a statistic would pass it, money fails.
   */
  @Test
  void oneMismatchAmongManyRequestsIsStillARegression() {
    RunSummary candidate = run("candidate.log", 20_000, 1, MISMATCH);
    RunSummary baseline = run("baseline.log", 20_000, 0, "");

    RunVerdict verdict = Gate.judge(candidate, baseline, GateSettings.defaults());

    assertThat(verdict.outcome()).isEqualTo(Outcome.REGRESSION);
    assertThat(verdict.exitCode(false)).isEqualTo(1);
    assertThat(verdict.overall().rule()).isEqualTo(Rule.MONEY_MISMATCH);
  }

  /**
   * Reconcile requests that failed for another reason count as errors like any other: one in 360
   * is an error rate of 1/360, and enough of them breach the error SLO.
   */
  @Test
  void failedReconcileRequestsCountAsErrors() {
    RunSummary one = run("one.log", 20_000, 1, "status.find.is(200), found 503");
    RunSummary many = run("many.log", 20_000, 400, "status.find.is(200), found 503");
    RunSummary baseline = run("baseline.log", 20_000, 0, "");

    RunVerdict few = Gate.judge(one, baseline, GateSettings.defaults());
    RunVerdict lots = Gate.judge(many, baseline, GateSettings.defaults());

    assertThat(few.outcome()).isEqualTo(Outcome.PASS);
    assertThat(lots.outcome()).isEqualTo(Outcome.SLO_BREACH);
    assertThat(lots.overall().rule()).isEqualTo(Rule.SLO_ERRORS_BREACHED);
    assertThat(lots.overall().reason()).contains("errors 2.00 %");
  }

  @Test
  void moneyOutranksAnInvalidRunAndAnAbortedOne() {
    RunSummary candidate = run("candidate.log", 2, MISMATCH);

    RunVerdict verdict = Gate.judge(candidate, candidate, GateSettings.defaults(),
        Optional.of("scheduling lag p99 80 ms (at most 50 ms)"));

    assertThat(verdict.outcome()).isEqualTo(Outcome.REGRESSION);
    assertThat(verdict.overall().reason()).startsWith("2 money mismatches in Reconcile wallet");
  }

  @Test
  void aReconcileRequestThatFailedIsAnErrorNotAMoneyMismatch() {
    RunSummary candidate = run("candidate.log", 1, "status.find.is(200), found 503");
    RunSummary baseline = run("baseline.log", 0, "");

    RunVerdict verdict = Gate.judge(candidate, baseline, GateSettings.defaults());

    assertThat(verdict.overall().rule()).isNotEqualTo(Rule.MONEY_MISMATCH);
    assertThat(verdict.outcome()).isEqualTo(Outcome.INCONCLUSIVE);
  }
}
