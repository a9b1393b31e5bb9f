package io.casinoperf.capacity.demand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The scores by hand: every expected figure below is worked out in the comments. */
class AccuracyTest {
  private static final double[] QUANTILES = {4, 6, 9, 12, 15};

  @Test
  void levelsAreTheFiveWrittenQuantilesInOrder() {
    assertThat(Accuracy.levels()).containsExactly(0.05, 0.10, 0.50, 0.90, 0.95);
    assertThat(Accuracy.levelNames()).containsExactly("p05", "p10", "p50", "p90", "p95");
  }

  @Test
  void pinballLossWeighsUnderAndOverForecastsByTheLevel() {
    // Below the actual: τ(y − q); above it: (1 − τ)(q − y).
    assertThat(Accuracy.pinball(10, 4, 0.05)).isCloseTo(0.3, within(1e-12));
    assertThat(Accuracy.pinball(10, 12, 0.9)).isCloseTo(0.2, within(1e-12));
    assertThat(Accuracy.pinball(10, 10, 0.5)).isZero();
  }

  @Test
  void scoresTwoPointsAsWorkedOutByHand() {
    Accuracy.Tally tally = new Accuracy.Tally();
    // y = 10, median 9: |e| = 1, 2·1/19 symmetric, 1/10 relative; P10..P90 = 6..12 and P05..P95 =
    // 4..15 both hold it. Pinball: .05·6 + .10·4 + .5·1 + (1 − .9)·2 + (1 − .95)·5 = 1.65, /5 = 0.33.
    tally.add(10, 9, QUANTILES);
    // y = 20 above every quantile: |e| = 11, 2·11/29, 11/20; covered by neither interval. Pinball:
    // .05·16 + .10·14 + .5·11 + .9·8 + .95·5 = 19.65, /5 = 3.93.
    tally.add(20, 9, QUANTILES);

    Accuracy a = tally.scaledBy(4);

    assertThat(a.points()).isEqualTo(2);
    assertThat(a.mae()).isCloseTo(6, within(1e-12));
    assertThat(a.mape()).isCloseTo(100 * (0.1 + 0.55) / 2, within(1e-12));
    assertThat(a.smape()).isCloseTo(100 * (2.0 / 19 + 22.0 / 29) / 2, within(1e-12));
    assertThat(a.mase()).isCloseTo(1.5, within(1e-12));
    assertThat(a.coverage80()).isEqualTo(0.5);
    assertThat(a.coverage90()).isEqualTo(0.5);
    assertThat(a.pinball()).isCloseTo((0.33 + 3.93) / 2, within(1e-12));
  }

  @Test
  void intervalBoundsCountAsInsideAndTheTwoIntervalsDiffer() {
    Accuracy.Tally tally = new Accuracy.Tally();
    tally.add(12, 9, QUANTILES); // on P90: inside both
    tally.add(5, 9, QUANTILES); // below P10, above P05: inside the 90 % interval only
    tally.add(4, 9, QUANTILES); // on P05

    Accuracy a = tally.scaledBy(1);

    assertThat(a.coverage80()).isCloseTo(1.0 / 3, within(1e-12));
    assertThat(a.coverage90()).isEqualTo(1);
  }

  @Test
  void zeroActualsLeaveMapeButNotSmape() {
    Accuracy.Tally tally = new Accuracy.Tally();
    tally.add(0, 0, new double[] {0, 0, 0, 0, 0}); // both 0: symmetric error 0, no relative error
    tally.add(0, 2, new double[] {0, 1, 2, 3, 4}); // symmetric error 2·2/2 = 2

    Accuracy a = tally.scaledBy(1);

    assertThat(a.mape()).isNaN();
    assertThat(a.smape()).isCloseTo(100, within(1e-12));
    assertThat(a.mae()).isEqualTo(1);
  }

  @Test
  void maseIsUndefinedWithoutAPositiveScaleAndEverythingWithoutPoints() {
    Accuracy.Tally tally = new Accuracy.Tally();
    tally.add(10, 9, QUANTILES);

    assertThat(tally.scaledBy(0).mase()).isNaN();
    assertThat(tally.scaledBy(Double.NaN).mase()).isNaN();
    Accuracy none = new Accuracy.Tally().scaledBy(1);
    assertThat(none.points()).isZero();
    assertThat(new double[] {none.mae(), none.mape(), none.smape(), none.mase(), none.coverage80(),
        none.coverage90(), none.pinball()}).containsOnly(Double.NaN);
  }

  @Test
  void poolingTwoTalliesEqualsAddingEveryPointToOne() {
    SplittableRandom random = new SplittableRandom(7);
    Accuracy.Tally first = new Accuracy.Tally();
    Accuracy.Tally second = new Accuracy.Tally();
    Accuracy.Tally all = new Accuracy.Tally();
    for (int i = 0; i < 200; i++) {
      double y = random.nextDouble(0, 100);
      double median = random.nextDouble(0, 100);
      double[] q = {median - 20, median - 10, median, median + 10, median + 20};
      (i < 70 ? first : second).add(y, median, q);
      all.add(y, median, q);
    }
    first.add(second);

    Accuracy pooled = first.scaledBy(3);
    Accuracy direct = all.scaledBy(3);
    assertThat(pooled.points()).isEqualTo(direct.points());
    double[] p = {pooled.mae(), pooled.mape(), pooled.smape(), pooled.mase(), pooled.coverage80(),
        pooled.coverage90(), pooled.pinball()};
    double[] d = {direct.mae(), direct.mape(), direct.smape(), direct.mase(), direct.coverage80(),
        direct.coverage90(), direct.pinball()};
    for (int i = 0; i < p.length; i++) {
      assertThat(p[i]).isCloseTo(d[i], within(1e-12 * Math.abs(d[i])));
    }
  }
}
