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
    LogFileWriter log = new LogFileWriter().run("3.15.1", "casino.WalletTrafficSimulation", START, List.of("p"));
    for (int i = 0; i < 360; i++) {
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
