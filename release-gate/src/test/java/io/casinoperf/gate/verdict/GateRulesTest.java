package io.casinoperf.gate.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import io.casinoperf.gate.summary.LatencyHistograms;
import io.casinoperf.gate.summary.RequestStats;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GateRulesTest {
  private static final GateSettings DEFAULTS = GateSettings.defaults();

  private static io.casinoperf.gate.summary.RunSummary run(int n, double median, long seed) {
    return SyntheticRuns.run(1, n, SyntheticRuns.logNormal(median, 0.5), new SplittableRandom(seed));
  }

  @Test
  void sameDistributionPasses() {
    RunVerdict verdict = Gate.judge(run(20_000, 20, 1), run(20_000, 20, 2), DEFAULTS);

    assertThat(verdict.overall()).isInstanceOf(Verdict.Pass.class);
    assertThat(verdict.exitCode(false)).isZero();
    assertThat(verdict.requestsToDetectTenPercent()).isPresent();
  }

  @Test
  void muchSlowerIsARegressionNamingTheRule() {
    RunVerdict verdict = Gate.judge(run(20_000, 30, 1), run(20_000, 20, 2), DEFAULTS);

    assertThat(verdict.allRequests().latency()).isInstanceOf(Verdict.Regression.class);
    assertThat(verdict.allRequests().latency().rule()).isEqualTo(Rule.SIGNIFICANTLY_SLOWER);
    assertThat(verdict.allRequests().latency().reason()).contains("significantly slower");
    assertThat(verdict.exitCode(false)).isEqualTo(1);
  }

  @Test
  void muchFasterIsAnImprovementAndPassesTheGate() {
    RunVerdict verdict = Gate.judge(run(20_000, 14, 1), run(20_000, 20, 2), DEFAULTS);

    assertThat(verdict.allRequests().latency()).isInstanceOf(Verdict.Improvement.class);
    assertThat(verdict.exitCode(false)).isZero();
  }

  @Test
  void tooFewResponsesAreInconclusiveAndAFlagCanFailThem() {
    RunVerdict verdict = Gate.judge(run(500, 30, 1), run(20_000, 20, 2), DEFAULTS);

    assertThat(verdict.allRequests().latency().rule()).isEqualTo(Rule.TOO_FEW_SAMPLES);
    assertThat(verdict.overall()).isInstanceOf(Verdict.Inconclusive.class);
    assertThat(verdict.exitCode(false)).isEqualTo(3);
    assertThat(verdict.exitCode(true)).isEqualTo(1);
    // 500 responses over 5 s against 1,000 needed: twice as long, or twice the load.
    assertThat(verdict.allRequests().latency().reason()).endsWith("; a candidate run 2.0× as long"
        + " (about 10 s instead of 5 s, e.g. -Dduration=10s) or at 2.0× the scale would decide it");
  }

  @Test
  void aShortBaselineSaysThatMoreBaselineRunsWouldDecide() {
    RunVerdict verdict = Gate.judge(run(20_000, 20, 1), run(600, 20, 2), DEFAULTS);

    assertThat(verdict.allRequests().latency().reason())
        .startsWith("too few responses for p99: 20000 candidate, 600 baseline, 1000 needed")
        .endsWith("; a baseline of more responses would (more runs pooled with --pool, or longer runs)");
  }

  @Test
  void withoutABaselineTheComparisonsDidNotRunAndOnlyTheSlosJudge() {
    var candidate = run(20_000, 20, 1);

    RunVerdict verdict = Gate.judge(candidate, java.util.Optional.empty(), DEFAULTS,
        java.util.Optional.empty(), RunNoise.unknown(0, 1));

    assertThat(verdict.outcome()).isEqualTo(Outcome.PASS);
    // Not a green pass: nothing was compared.
    assertThat(verdict.allRequests().latency()).isInstanceOf(Verdict.NotApplicable.class);
    assertThat(verdict.allRequests().errors()).isInstanceOf(Verdict.NotApplicable.class);
    assertThat(verdict.allRequests().serviceLevel()).isInstanceOf(Verdict.Pass.class);
  }

  @Test
  void aRequiredBaselineThatIsMissingFailsUnlessSomethingWorseDecided() {
    GateSettings required = DEFAULTS.withRequiredBaseline();

    RunVerdict missing = Gate.judge(run(20_000, 20, 1), java.util.Optional.empty(), required,
        java.util.Optional.empty(), RunNoise.unknown(0, 1));
    RunVerdict present = Gate.judge(run(20_000, 20, 1), java.util.Optional.of(run(20_000, 20, 2)),
        required, java.util.Optional.empty(), RunNoise.unknown(0, 1));
    RunVerdict breach = Gate.judge(run(20_000, 200, 1), java.util.Optional.empty(), required,
        java.util.Optional.empty(), RunNoise.unknown(0, 1));

    assertThat(missing.outcome()).isEqualTo(Outcome.NO_BASELINE);
    assertThat(missing.overall().rule()).isEqualTo(Rule.NO_BASELINE);
    assertThat(missing.outcome().exitCode(Outcome.InconclusivePolicy.PASS)).isEqualTo(1);
    assertThat(missing.outcome().passed()).isFalse();
    assertThat(present.outcome()).isEqualTo(Outcome.PASS);
    assertThat(breach.outcome()).isEqualTo(Outcome.SLO_BREACH);
  }

  @Test
  void breachedSloIsARegressionEvenWithoutChange() {
    GateSettings strict = new GateSettings(0.98, 0.05, 5, 1_000, 0.001, new ServiceLevel(50, 0.01),
        java.util.Map.of());

    RunVerdict verdict = Gate.judge(run(20_000, 20, 1), run(20_000, 20, 2), strict);

    assertThat(verdict.allRequests().serviceLevel().rule()).isEqualTo(Rule.SLO_P99_BREACHED);
    assertThat(verdict.exitCode(false)).isEqualTo(1);
  }

  @Test
  void significantlyMoreErrorsIsARegression() {
    var candidate = run(20_000, 20, 1);
    var baseline = run(20_000, 20, 2);
    RequestStats failing = new RequestStats();
    for (int i = 0; i < 20_000; i++) {
      failing.record(1_800_000_000_000L + i * 10L, 20, i % 50 != 0, "status 503");
    }
    var withErrors = new io.casinoperf.gate.summary.RunSummary(candidate.injectors(),
        candidate.start(), candidate.end(), failing,
        new java.util.TreeMap<>(java.util.Map.of(
            io.casinoperf.gate.summary.RequestKey.of("request-0"), failing)),
        candidate.groups(), 0, 0, java.util.Map.of(), candidate.timeline(), false, java.util.List.of());

    RunVerdict verdict = Gate.judge(withErrors, baseline, DEFAULTS);

    assertThat(verdict.allRequests().errors().rule()).isEqualTo(Rule.MORE_ERRORS);
    assertThat(verdict.allRequests().errorRate().orElseThrow().candidateShare()).isEqualTo(0.02);
    assertThat(verdict.allRequests().serviceLevel().rule()).isEqualTo(Rule.SLO_ERRORS_BREACHED);
  }

  @Test
  void anErrorRateJustAboveTheSloCarriesTheDigitsThatShowIt() {
    var candidate = run(20_000, 20, 1);
    RequestStats failing = new RequestStats();
    // 1,001 of 100,000: 1.001 %, above the SLO of 1 %; two decimals would print 1.00 % for both.
    for (int i = 0; i < 100_000; i++) {
      failing.record(1_800_000_000_000L + i * 2L, 20, i >= 1_001, "status 503");
    }
    var justAbove = new io.casinoperf.gate.summary.RunSummary(candidate.injectors(),
        candidate.start(), candidate.end(), failing,
        new java.util.TreeMap<>(java.util.Map.of(
            io.casinoperf.gate.summary.RequestKey.of("request-0"), failing)),
        candidate.groups(), 0, 0, java.util.Map.of(), candidate.timeline(), false, java.util.List.of());

    RunVerdict verdict = Gate.judge(justAbove, justAbove, DEFAULTS);

    assertThat(verdict.allRequests().serviceLevel().reason())
        .isEqualTo("errors 1.001 % are above the SLO of 1.00 %");
    assertThat(verdict.allRequests().errors().reason()).isEqualTo("errors 1.00 % vs 1.00 %");
  }

  @Test
  void percentagesKeepTwoDecimalsAndAddOnlyTheDigitsThatTellTwoSharesApart() {
    assertThat(Percentages.distinct(0.010036, 0.01)).containsExactly("1.0036", "1.00");
    assertThat(Percentages.distinct(0.0123, 0.01)).containsExactly("1.23", "1.00");
    assertThat(Percentages.distinct(0.02, 0.02)).containsExactly("2.00", "2.00");
    assertThat(Percentages.distinct(0.0, 0.001)).containsExactly("0.00", "0.10");
    // Beyond six decimals two shares are shown as equal: no endless digits.
    assertThat(Percentages.distinct(0.01 + 1e-12, 0.01)).containsExactly("1.00", "1.00");
  }

  /** 20,000 spins at this median, and one ledger check (30 ms, failed when {@code ledgerFails}). */
  private static io.casinoperf.gate.summary.RunSummary withLedgerCheck(double median, long seed,
      boolean ledgerFails) {
    var spins = run(20_000, median, seed);
    RequestStats ledger = new RequestStats();
    ledger.record(spins.end().toEpochMilli(), 30, !ledgerFails, ledgerFails ? "$.balanced: false" : "");
    var requests = new java.util.TreeMap<>(spins.requests());
    requests.put(io.casinoperf.gate.summary.RequestKey.of("Reconcile platform ledger"), ledger);
    RequestStats all = new RequestStats();
    requests.values().forEach(all::add);
    return new io.casinoperf.gate.summary.RunSummary(spins.injectors(), spins.start(), spins.end(),
        all, requests, new java.util.TreeMap<>(), 0, 0, java.util.Map.of(),
        new io.casinoperf.gate.summary.Timeline(), false, java.util.List.of());
  }

  @Test
  void aCheckRunOncePerRunIsJudgedOnItsErrorsWhenTheRecordSaysItIsUntimed() {
    var candidate = withLedgerCheck(20, 1, false);
    var baseline = withLedgerCheck(20, 2, false);
    GateSettings untimed = DEFAULTS.withUntimed(java.util.List.of("Reconcile platform ledger"));

    RunVerdict timed = Gate.judge(candidate, baseline, DEFAULTS);
    RunVerdict judged = Gate.judge(candidate, baseline, untimed);
    RunVerdict failed = Gate.judge(withLedgerCheck(20, 1, true), baseline, untimed);

    // One response per run: no run length makes its p99 comparable.
    assertThat(timed.outcome()).isEqualTo(Outcome.INCONCLUSIVE);
    assertThat(judged.outcome()).isEqualTo(Outcome.PASS);
    RequestVerdict ledger = judged.requests().stream()
        .filter(r -> r.path().equals("Reconcile platform ledger")).findFirst().orElseThrow();
    assertThat(ledger.latency()).isInstanceOf(Verdict.NotApplicable.class);
    assertThat(ledger.latency().rule()).isEqualTo(Rule.UNTIMED);
    assertThat(failed.outcome()).isEqualTo(Outcome.SLO_BREACH);
    assertThat(failed.overall().reason()).startsWith("Reconcile platform ledger: errors 100.00 %");
  }

  @Test
  void confidencesShowTheirDistanceFromCertaintyAndNeverReadAHundred() {
    assertThat(Percentages.confidence(0.96)).isEqualTo("96%");
    assertThat(Percentages.confidence(0.99583)).isEqualTo("99.5%");
    assertThat(Percentages.confidence(0.99961)).isEqualTo("99.96%");
    assertThat(Percentages.confidence(0.999999999)).isEqualTo("99.9999%");
  }

  @Test
  void theIntervalInTheReasonIsTheOneTheDecisionUsed() {
    // Two requests and all requests: six tests in the family. A slowdown just significant after
    // the correction must show an interval that just excludes zero, not the uncorrected one.
    int significant = 0;
    int notSignificant = 0;
    for (long seed = 1; seed <= 40; seed++) {
      RunVerdict verdict = Gate.judge(run(20_000, 43, seed), run(20_000, 40, seed + 100), DEFAULTS);
      RequestVerdict all = verdict.allRequests();
      double lower = all.p99().orElseThrow().interval(all.intervalConfidence()).lower();
      if (all.latency().rule() == Rule.SIGNIFICANTLY_SLOWER) {
        assertThat(lower).as("seed %d", seed).isPositive();
        significant++;
      } else if (all.latency().rule() == Rule.SLOWER_NOT_SIGNIFICANT) {
        assertThat(lower).as("seed %d", seed).isLessThanOrEqualTo(0);
        notSignificant++;
      }
      // Held to less than the family's 2 %: a wider interval than the uncorrected 96 %.
      assertThat(all.intervalConfidence()).isGreaterThan(0.96);
      assertThat(all.latency().reason())
          .contains(", " + Percentages.confidence(all.intervalConfidence()) + " interval ");
    }
    assertThat(significant).as("significant").isPositive();
    assertThat(notSignificant).as("not significant").isPositive();
  }

  @Test
  void interpolatedPercentileSpreadsTiesOverTheirMillisecond() {
    RequestStats stats = new RequestStats();
    for (int i = 0; i < 1_000; i++) {
      stats.record(0, 64, true, "");
    }
    assertThat(LatencyHistograms.interpolatedPercentile(stats.all(), 99)).isCloseTo(64.49,
        org.assertj.core.data.Offset.offset(1e-9));
    assertThat(LatencyHistograms.percentile(stats.all(), 99)).isEqualTo(64);
  }
}
