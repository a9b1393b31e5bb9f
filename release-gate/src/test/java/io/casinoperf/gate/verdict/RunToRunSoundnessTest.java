package io.casinoperf.gate.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import io.casinoperf.gate.history.Baselines;
import io.casinoperf.gate.summary.RunSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * The gate on runs that differ from each other as real runs do: every run's response times are
 * scaled by its own log-normal factor (median 1, log-spread 5 %), the environment's variation
 * that no number of samples inside one run measures. Today's rule (the last run as baseline,
 * sampling error only) beside the rule with the history (the last five runs pooled, their spread
 * estimated and accounted for, and the drift test), on the same seeded trials; the figures are in
 * docs/STATISTICS.md. {@code -Dgate.trials=N} changes the number of trials (default 300).
 */
class RunToRunSoundnessTest {
  private static final int TRIALS = Integer.getInteger("gate.trials", 300);
  private static final int PER_RUN = 20_000;
  private static final double BETWEEN_RUNS = 0.05;
  private static final GateSettings SETTINGS = GateSettings.defaults();
  private static final ToDoubleFunction<SplittableRandom> LOG_NORMAL = SyntheticRuns.logNormal(20, 0.5);

  /**
   * What both rules said over the trials: shares of trials they called a regression; and the
   * ceiling: how often the best test there is for one p99 at the same false-alarm rate would.
   */
  record Rates(double today, double withHistory, double ceiling) {}

  /**
   * @param storedFactor the systematic factor of stored run i (oldest first), before its noise
   * @param candidateFactor the candidate's systematic factor
   */
  private static Rates regressionRates(long seed, int storedRuns,
      java.util.function.IntToDoubleFunction storedFactor, double candidateFactor, String name) {
    SplittableRandom random = new SplittableRandom(seed);
    int today = 0;
    int withHistory = 0;
    int ceiling = 0;
    for (int trial = 0; trial < TRIALS; trial++) {
      List<RunSummary> stored = new ArrayList<>();
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < storedRuns; i++) {
        stored.add(run(storedFactor.applyAsDouble(i), random));
        ids.add("run-" + i);
      }
      RunSummary candidate = run(candidateFactor, random);

      // Today's rule: the last run as baseline. With the history: the last five pooled (as the
      // gate does by default), the spread and the drift from every stored run.
      RunVerdict last = Gate.judge(candidate, stored.get(storedRuns - 1), SETTINGS);
      List<RunSummary> pooled = stored.subList(Math.max(0, storedRuns - 5), storedRuns);
      RunNoise noise = Baselines.noise(ids, stored, pooled.size());
      RunVerdict history = Gate.judge(candidate, Baselines.pool(pooled), SETTINGS, Optional.empty(), noise);
      today += last.outcome() == Outcome.REGRESSION ? 1 : 0;
      withHistory += history.outcome() == Outcome.REGRESSION ? 1 : 0;
      ceiling += predictionTestRejects(stored, candidate) ? 1 : 0;
    }
    Rates rates = new Rates(today / (double) TRIALS, withHistory / (double) TRIALS,
        ceiling / (double) TRIALS);
    System.out.printf(Locale.ROOT, "%s, %d stored runs: regression in %.1f %% of %d trials today,"
        + " %.1f %% with the history; ceiling %.1f %%%n", name, storedRuns, 100 * rates.today(),
        TRIALS, 100 * rates.withHistory(), 100 * rates.ceiling());
    return rates;
  }

  /**
   * The ceiling: the one-sided t-test of the candidate's ln p99 against the stored runs' (is it
   * above their prediction interval?), at the gate's 2 %, with no tolerance and nothing else in
   * its family. With normal run-to-run noise of unknown spread this is the most powerful test
   * that does not depend on the unknown mean and spread; no rule that keeps 2 % false alarms on
   * one p99 can do better on average.
   */
  private static boolean predictionTestRejects(List<RunSummary> stored, RunSummary candidate) {
    int k = stored.size();
    double[] logs = stored.stream().mapToDouble(RunToRunSoundnessTest::logP99).toArray();
    double mean = java.util.Arrays.stream(logs).average().orElseThrow();
    double variance = java.util.Arrays.stream(logs).map(x -> (x - mean) * (x - mean)).sum() / (k - 1);
    double t = (logP99(candidate) - mean) / Math.sqrt(variance * (1 + 1.0 / k));
    return t > io.casinoperf.gate.stats.Normal.studentQuantile(1 - SETTINGS.alpha(), k - 1);
  }

  private static double logP99(RunSummary run) {
    return Math.log(io.casinoperf.gate.summary.LatencyHistograms.interpolatedPercentile(
        run.all().all(), GateSettings.DECIDING_PERCENTILE));
  }

  /** One run: log-normal responses (median 20 ms) scaled by factor × its own environment. */
  private static RunSummary run(double factor, SplittableRandom random) {
    double environment = Math.exp(BETWEEN_RUNS * SyntheticRuns.gaussian(random));
    return SyntheticRuns.run(1, PER_RUN, SyntheticRuns.scaled(LOG_NORMAL, factor * environment), random);
  }

  @Test
  void unchangedRunsRaiseAtMostTwoPercentFalseAlarmsOnceTheSpreadIsKnown() {
    Rates five = regressionRates(11, 5, i -> 1.0, 1.0, "A/A, 5 % between runs");
    Rates ten = regressionRates(15, 10, i -> 1.0, 1.0, "A/A, 5 % between runs");

    assertThat(five.withHistory()).isLessThanOrEqualTo(0.02);
    assertThat(ten.withHistory()).isLessThanOrEqualTo(0.02);
    // Today's rule reads the environment's variation as regressions: the reason for the history.
    assertThat(five.today()).isGreaterThan(0.08);
  }

  @Test
  void slowerP99IsCaughtMoreOftenTheMoreRunsAreStored() {
    Rates twentyFive = regressionRates(12, 5, i -> 1.0, 1.20, "+20 %");
    Rates twentyTen = regressionRates(16, 10, i -> 1.0, 1.20, "+20 %");
    Rates fiftyFive = regressionRates(13, 5, i -> 1.0, 1.50, "+50 %");
    Rates fiftyTen = regressionRates(17, 10, i -> 1.0, 1.50, "+50 %");

    // Measured (docs/STATISTICS.md): 36 % and 66 % at +20 %; 97 % and 100 % at +50 %. With five
    // stored runs no test at 2 % false alarms catches +20 % four times in five (the ceiling,
    // 62 %): the spread is learnt from four degrees of freedom. The gate pays the rest for the
    // run's other checks in its Holm family.
    assertThat(twentyFive.ceiling()).isLessThan(0.80);
    assertThat(twentyFive.withHistory()).isGreaterThanOrEqualTo(0.30)
        .isGreaterThanOrEqualTo(twentyFive.ceiling() - 0.30);
    assertThat(twentyTen.withHistory()).isGreaterThanOrEqualTo(twentyTen.ceiling() - 0.30);
    assertThat(twentyTen.withHistory()).isGreaterThan(twentyFive.withHistory());
    assertThat(fiftyFive.withHistory()).isGreaterThanOrEqualTo(0.85);
    assertThat(fiftyTen.withHistory()).isGreaterThanOrEqualTo(0.99);
  }

  @Test
  void aCreepOfFourPercentARunIsCaughtAsDriftOverTenRuns() {
    // Stored runs at 1.04^0 … 1.04^9, the candidate at 1.04^10: each step within tolerance.
    Rates ten = regressionRates(14, 10, i -> Math.pow(1.04, i), Math.pow(1.04, 10), "drift, +4 % a run");
    Rates five = regressionRates(18, 5, i -> Math.pow(1.04, i), Math.pow(1.04, 5), "drift, +4 % a run");

    assertThat(ten.withHistory()).isGreaterThanOrEqualTo(0.95);
    assertThat(five.withHistory()).isGreaterThanOrEqualTo(0.15);
  }
}
