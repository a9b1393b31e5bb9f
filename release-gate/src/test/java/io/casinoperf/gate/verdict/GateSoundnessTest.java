package io.casinoperf.gate.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * The gate's error rates on seeded synthetic runs, 500 trials per figure, 20,000 responses per
 * side unless said otherwise; the figures are in docs/STATISTICS.md. Each test fails when its
 * rate misses the target. {@code -Dgate.trials=N} changes the number of trials (the long version:
 * {@code ./mvnw -pl release-gate test -Dtest=GateSoundnessTest -Dgate.trials=5000}).
 */
class GateSoundnessTest {
  private static final int TRIALS = Integer.getInteger("gate.trials", 500);
  private static final int PER_SIDE = 20_000;
  private static final GateSettings SETTINGS = GateSettings.defaults();
  private static final ToDoubleFunction<SplittableRandom> LOG_NORMAL = SyntheticRuns.logNormal(20, 0.5);
  private static final ToDoubleFunction<SplittableRandom> HEAVY_TAIL = SyntheticRuns.mixture(
      SyntheticRuns.logNormal(20, 0.5), SyntheticRuns.logNormal(90, 0.8), 0.05);

  /** Share of trials whose run verdict is a regression of the p99 (SLOs not counted). */
  private static double regressionRate(
      long seed, int names, int perName,
      ToDoubleFunction<SplittableRandom> baseline, ToDoubleFunction<SplittableRandom> candidate) {
    SplittableRandom random = new SplittableRandom(seed);
    int regressions = 0;
    for (int trial = 0; trial < TRIALS; trial++) {
      var base = SyntheticRuns.run(names, perName, baseline, random);
      var cand = SyntheticRuns.run(names, perName, candidate, random);
      RunVerdict verdict = Gate.judge(cand, base, SETTINGS);
      boolean regressed = verdict.allRequests().latency() instanceof Verdict.Regression
          || verdict.requests().stream().anyMatch(r -> r.latency() instanceof Verdict.Regression);
      regressions += regressed ? 1 : 0;
    }
    double rate = regressions / (double) TRIALS;
    System.out.printf(Locale.ROOT, "seed %d, %d names x %d: regression in %.1f %% of %d trials%n",
        seed, names, perName, 100 * rate, TRIALS);
    return rate;
  }

  @Test
  void logNormalUnchangedRaisesAtMostTwoPercentFalseAlarms() {
    assertThat(regressionRate(1, 1, PER_SIDE, LOG_NORMAL, LOG_NORMAL)).isLessThanOrEqualTo(0.02);
  }

  @Test
  void logNormalTenPercentSlowerP99IsDetectedAtLeastEightyPercentOfTheTime() {
    assertThat(regressionRate(2, 1, PER_SIDE, LOG_NORMAL, SyntheticRuns.scaled(LOG_NORMAL, 1.10)))
        .isGreaterThanOrEqualTo(0.80);
  }

  @Test
  void logNormalTwentyPercentSlowerP99IsDetectedAtLeast99PercentOfTheTime() {
    assertThat(regressionRate(3, 1, PER_SIDE, LOG_NORMAL, SyntheticRuns.scaled(LOG_NORMAL, 1.20)))
        .isGreaterThanOrEqualTo(0.99);
  }

  @Test
  void heavyTailUnchangedRaisesAtMostTwoPercentFalseAlarms() {
    assertThat(regressionRate(4, 1, PER_SIDE, HEAVY_TAIL, HEAVY_TAIL)).isLessThanOrEqualTo(0.02);
  }

  @Test
  void heavyTailDetectionRatesAreReported() {
    double ten = regressionRate(5, 1, PER_SIDE, HEAVY_TAIL, SyntheticRuns.scaled(HEAVY_TAIL, 1.10));
    double twenty = regressionRate(6, 1, PER_SIDE, HEAVY_TAIL, SyntheticRuns.scaled(HEAVY_TAIL, 1.20));

    assertThat(twenty).isGreaterThan(ten);
  }

  @Test
  void tenUnchangedRequestNamesRaiseAtMostTwoPercentFalseAlarmsForTheRun() {
    assertThat(regressionRate(7, 10, PER_SIDE, LOG_NORMAL, LOG_NORMAL)).isLessThanOrEqualTo(0.02);
  }

  @Test
  void responsesThatDependOnEachOtherRaiseAtMostTwoPercentFalseAlarms() {
    SplittableRandom random = new SplittableRandom(10);
    int regressions = 0;
    double deff = 0;
    for (int trial = 0; trial < TRIALS; trial++) {
      var base = SyntheticRuns.dependentRun(PER_SIDE, LOG_NORMAL, 0.3, random);
      var cand = SyntheticRuns.dependentRun(PER_SIDE, LOG_NORMAL, 0.3, random);
      RunVerdict verdict = Gate.judge(cand, base, SETTINGS);
      regressions += verdict.overall() instanceof Verdict.Regression ? 1 : 0;
      deff += verdict.allRequests().p99().orElseThrow().candidate().designEffect();
    }
    System.out.printf(Locale.ROOT, "dependent responses: regression in %.1f %% of %d trials,"
        + " mean design effect at p99 %.2f%n", 100.0 * regressions / TRIALS, TRIALS, deff / TRIALS);
    assertThat(deff / TRIALS).as("dependence is measured").isGreaterThan(1.5);
    assertThat(regressions / (double) TRIALS).isLessThanOrEqualTo(0.02);
  }

  @Test
  void tailOnlyRegressionIsDetected() {
    // 2 % of responses 200 ms slower; the median does not move.
    ToDoubleFunction<SplittableRandom> tail = random ->
        LOG_NORMAL.applyAsDouble(random) + (random.nextDouble() < 0.02 ? 200 : 0);
    assertThat(regressionRate(8, 1, PER_SIDE, LOG_NORMAL, tail)).isGreaterThanOrEqualTo(0.99);
  }

  @Test
  void uniformTenPercentImprovementIsNeverARegression() {
    assertThat(regressionRate(9, 1, PER_SIDE, LOG_NORMAL, SyntheticRuns.scaled(LOG_NORMAL, 0.90)))
        .isZero();
  }
}
