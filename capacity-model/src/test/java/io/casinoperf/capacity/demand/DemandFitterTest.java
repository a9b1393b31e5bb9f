package io.casinoperf.capacity.demand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.casinoperf.capacity.series.RegularSeries;
import io.casinoperf.capacity.series.UnsuitableDataException;
import java.util.List;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class DemandFitterTest {
  private static final long STEP = 600;
  private static final int DAYS = 56;
  private static final DemandFitter.Settings WEEK_AHEAD = DemandFitter.Settings.defaults(7 * Terms.DAY);

  private static SortedMap<String, List<long[]>> freeSpins(List<long[]> windows) {
    SortedMap<String, List<long[]>> promotions = new TreeMap<>();
    promotions.put("free-spins", windows);
    return promotions;
  }

  @Test
  void recoversAKnownMultiplicativeModel() {
    List<long[]> windows = Synthetic.promotions(DAYS);
    RegularSeries traffic = Synthetic.series(DAYS, STEP, windows, 7);

    DemandModel model = DemandFitter.fit(traffic, freeSpins(windows), WEEK_AHEAD);

    assertThat(model.spec().log()).as(model.spec().describe()).isTrue();
    assertThat(model.spec().daily()).isGreaterThanOrEqualTo(1);
    PromotionEffect effect = model.effect("free-spins");
    assertThat(effect.multiplier()).isCloseTo(Synthetic.PROMOTION, within(0.05 * Synthetic.PROMOTION));
    assertThat(effect.low90()).isLessThan(Synthetic.PROMOTION);
    assertThat(effect.high90()).isGreaterThan(Synthetic.PROMOTION);
    assertThat(effect.points()).isEqualTo(windows.size() * 4 * 3600 / STEP);
    // The median a week past the data, organic and during a promotion of the learned type.
    long future = Synthetic.START + (DAYS + 5) * Terms.DAY + 19 * 3600;
    double truth = Math.exp(Synthetic.logMean(future, false));
    assertThat(model.median(future, PromotionScenario.organic())).isCloseTo(truth, within(0.04 * truth));
    assertThat(model.median(future, PromotionScenario.learned("free-spins")))
        .isCloseTo(truth * Synthetic.PROMOTION, within(0.06 * truth * Synthetic.PROMOTION));
    assertThat(model.median(future, PromotionScenario.multiplied("free-spins", 3)))
        .isCloseTo(3 * model.median(future, PromotionScenario.organic()), within(1e-9 * truth));
  }

  @Test
  void ninetyPercentIntervalsHoldAboutNinetyPercentOfFreshData() {
    List<long[]> windows = Synthetic.promotions(DAYS);
    DemandModel model = DemandFitter.fit(Synthetic.series(DAYS, STEP, windows, 11), freeSpins(windows),
        WEEK_AHEAD);
    Random random = new Random(12);
    int inside = 0;
    int n = 0;
    for (long t = Synthetic.START + DAYS * Terms.DAY; t < Synthetic.START + (DAYS + 7) * Terms.DAY; t += STEP) {
      double actual = Math.exp(Synthetic.logMean(t, false) + Synthetic.NOISE * random.nextGaussian());
      PromotionScenario organic = PromotionScenario.organic();
      inside += actual >= model.quantile(t, 0.05, organic) && actual <= model.quantile(t, 0.95, organic) ? 1 : 0;
      n++;
    }
    assertThat((double) inside / n).isBetween(0.82, 0.97);
  }

  @Test
  void intervalsWidenWithTheUncertaintyOfALearnedEffect() {
    List<long[]> windows = Synthetic.promotions(DAYS);
    DemandModel model = DemandFitter.fit(Synthetic.series(DAYS, STEP, windows, 5), freeSpins(windows),
        WEEK_AHEAD);
    long t = Synthetic.START + (DAYS + 3) * Terms.DAY;
    double organicWidth = model.quantile(t, 0.95, PromotionScenario.organic())
        / model.quantile(t, 0.05, PromotionScenario.organic());
    double learnedWidth = model.quantile(t, 0.95, PromotionScenario.learned("free-spins"))
        / model.quantile(t, 0.05, PromotionScenario.learned("free-spins"));

    assertThat(learnedWidth).isGreaterThan(organicWidth);
  }

  @Test
  void anAdditiveSeriesIsFittedOnItsOwnScale() {
    Random random = new Random(3);
    int n = (int) (DAYS * Terms.DAY / STEP);
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      long t = Synthetic.START + i * STEP;
      // Near zero at night: an additive wave, which a multiplicative model cannot follow.
      values[i] = 220 + 200 * Math.cos(2 * Math.PI * Math.floorMod(t, Terms.DAY) / Terms.DAY)
          + 5 * random.nextGaussian();
    }
    DemandModel model = DemandFitter.fit(RegularSeries.of("players", Synthetic.START, STEP, values),
        new TreeMap<>(), WEEK_AHEAD);

    assertThat(model.spec().log()).as(model.spec().describe()).isFalse();
    long noon = Synthetic.START + (DAYS + 2) * Terms.DAY + 12 * 3600;
    assertThat(model.median(noon, PromotionScenario.organic())).isCloseTo(20, within(5.0));
  }

  @Test
  void aChangepointLetsTheTrendBendWhereTrafficDid() {
    // Flat for five weeks, then growing 3 % a day: the changepoint at day 35 lets the trend follow.
    Random random = new Random(21);
    long change = Synthetic.START + 35 * Terms.DAY;
    int n = (int) (DAYS * Terms.DAY / STEP);
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      long t = Synthetic.START + i * STEP;
      double days = Math.max(0, (t - change) / (double) Terms.DAY);
      values[i] = 1000 * Math.exp(0.03 * days + 0.3 * Math.cos(2 * Math.PI * (t % Terms.DAY) / Terms.DAY)
          + 0.03 * random.nextGaussian());
    }
    RegularSeries traffic = RegularSeries.of("rps", Synthetic.START, STEP, values);
    DemandFitter.Settings settings = new DemandFitter.Settings(7 * Terms.DAY, new long[] {change},
        new int[] {0}, 1e10);
    long future = Synthetic.START + (DAYS + 7) * Terms.DAY;
    double truth = 1000 * Math.exp(0.03 * (DAYS + 7 - 35) + 0.3);

    DemandModel bent = DemandFitter.fit(traffic, new TreeMap<>(), settings);
    DemandModel straight = DemandFitter.fit(traffic, new TreeMap<>(), settings.withChangepoints(new long[0]));

    assertThat(bent.median(future, PromotionScenario.organic())).isCloseTo(truth, within(0.05 * truth));
    assertThat(Math.abs(straight.median(future, PromotionScenario.organic()) - truth))
        .isGreaterThan(2 * Math.abs(bent.median(future, PromotionScenario.organic()) - truth));
  }

  @Test
  void gapsAreSkippedNotFilled() {
    List<long[]> windows = Synthetic.promotions(DAYS);
    double[] values = Synthetic.series(DAYS, STEP, windows, 9).values();
    for (int i = 2000; i < 2000 + 3 * 144; i++) {
      values[i] = Double.NaN; // three days lost
    }
    DemandModel model = DemandFitter.fit(RegularSeries.of("rps", Synthetic.START, STEP, values),
        freeSpins(windows), WEEK_AHEAD);

    assertThat(model.points()).isLessThan(values.length - 3 * 144 + 1);
    assertThat(model.effect("free-spins").multiplier()).isCloseTo(Synthetic.PROMOTION, within(0.15));
  }

  /**
   * Four days of 15-minute data whose last two an incident took out: the validation blocks move
   * back to the days with data instead of falling inside the incident and leaving no candidate.
   */
  @Test
  void anIncidentOverTheLastDaysMovesTheValidationBlocksBack() {
    double[] values = Synthetic.series(4, 900, List.of(), 5).values();
    for (int i = 2 * 96; i < values.length; i++) {
      values[i] = Double.NaN;
    }
    RegularSeries series = RegularSeries.of("rps", Synthetic.START, 900, values);

    DemandModel model = DemandFitter.fit(series, new TreeMap<>(), WEEK_AHEAD);

    assertThat(model.fittedToEpochSecond()).isEqualTo(Synthetic.START + 2 * Terms.DAY - 1);
    assertThat(model.validationPoints()).isPositive();
    long t = Synthetic.START + 4 * Terms.DAY + 3 * 3600;
    assertThat(model.median(t, PromotionScenario.organic()))
        .isCloseTo(Math.exp(Synthetic.logMean(t, false)), within(0.2 * Math.exp(Synthetic.logMean(t, false))));
  }

  /**
   * Four weeks of 15-minute traffic whose last day fell to 40 % (a blizzard, an outage): the day
   * after is forecast at the ordinary level, not anchored to the anomaly.
   */
  @Test
  void aOneDayAnomalyAtTheEndDoesNotBecomeTheLevel() {
    double[] values = Synthetic.series(28, 900, List.of(), 21).values();
    for (int i = 27 * 96; i < values.length; i++) {
      values[i] *= 0.4;
    }
    DemandModel model = DemandFitter.fit(RegularSeries.of("rps", Synthetic.START, 900, values),
        new TreeMap<>(), DemandFitter.Settings.defaults(Terms.DAY));

    for (int hour = 0; hour < 24; hour += 6) {
      long t = Synthetic.START + 28 * Terms.DAY + hour * 3_600L;
      double ordinary = Math.exp(Synthetic.logMean(t, false));
      assertThat(model.median(t, PromotionScenario.organic())).as("hour %d, %s", hour, model.spec().describe())
          .isCloseTo(ordinary, within(0.15 * ordinary));
    }
  }

  /** The same fall held for the last three days is a new level, and the forecast follows it. */
  @Test
  void aShiftThatHoldsThreeDaysIsANewLevel() {
    double[] values = Synthetic.series(28, 900, List.of(), 21).values();
    for (int i = 25 * 96; i < values.length; i++) {
      values[i] *= 0.5;
    }
    DemandModel model = DemandFitter.fit(RegularSeries.of("rps", Synthetic.START, 900, values),
        new TreeMap<>(), DemandFitter.Settings.defaults(Terms.DAY));

    long t = Synthetic.START + 28 * Terms.DAY + 12 * 3_600L;
    double shifted = 0.5 * Math.exp(Synthetic.logMean(t, false));
    assertThat(model.median(t, PromotionScenario.organic())).isCloseTo(shifted, within(0.2 * shifted));
  }

  @Test
  void aPromotionTypeWithoutHistoryNeedsAMultiplier() {
    List<long[]> windows = Synthetic.promotions(DAYS);
    DemandModel model = DemandFitter.fit(Synthetic.series(DAYS, STEP, windows, 1), freeSpins(windows),
        WEEK_AHEAD);
    long t = Synthetic.START + (DAYS + 1) * Terms.DAY;

    assertThatThrownBy(() -> model.median(t, PromotionScenario.learned("tournament")))
        .hasMessageContaining("no past promotion of type 'tournament'")
        .hasMessageContaining("multiplier");
    assertThat(model.median(t, PromotionScenario.multiplied("tournament", 2)))
        .isEqualTo(2 * model.median(t, PromotionScenario.organic()));
  }

  @Test
  void constantEmptyAndTinySeriesAreRefusedInOneLine() {
    double[] constant = new double[2000];
    java.util.Arrays.fill(constant, 42);
    double[] tiny = {1, 2, 3, 4, 5};
    double[] missing = {Double.NaN, Double.NaN};

    assertThatThrownBy(() -> DemandFitter.fit(RegularSeries.of("rps", 0, 60, constant), new TreeMap<>(), WEEK_AHEAD))
        .isInstanceOf(UnsuitableDataException.class).hasMessage("rps is constant (42.0 at every point): there is no pattern to fit");
    assertThatThrownBy(() -> DemandFitter.fit(RegularSeries.of("rps", 0, 60, tiny), new TreeMap<>(), WEEK_AHEAD))
        .isInstanceOf(UnsuitableDataException.class)
        .hasMessage("rps has 5 points on 1 day with data (incidents and gaps left out): too few to"
            + " fit and validate even the smallest model (1 term); it needs at least 2 days of"
            + " history with data, 1 more");
    assertThatThrownBy(() -> DemandFitter.fit(RegularSeries.of("rps", 0, 60, missing), new TreeMap<>(), WEEK_AHEAD))
        .isInstanceOf(UnsuitableDataException.class).hasMessage("rps has no data points");
  }

  @Test
  void promotionsThatAlwaysCoincideAreResolvedByRidgeNotACrash() {
    List<long[]> windows = Synthetic.promotions(DAYS);
    SortedMap<String, List<long[]>> twins = freeSpins(windows);
    twins.put("tournament", windows);

    DemandModel model = DemandFitter.fit(Synthetic.series(DAYS, STEP, windows, 4), twins, WEEK_AHEAD);

    assertThat(model.ridge()).isPositive();
    // Each twin gets a share; together they carry the whole effect.
    double combined = model.effect("free-spins").multiplier() * model.effect("tournament").multiplier();
    assertThat(combined).isCloseTo(Synthetic.PROMOTION, within(0.1 * Synthetic.PROMOTION));
  }
}
