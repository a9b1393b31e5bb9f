package io.casinoperf.capacity.demand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** A demand model that is the mean of several, worked by hand. */
class CombinationTest {
  private static final long ORIGIN = Synthetic.START;
  private static final long STEP = 3600;
  private static final long YEAR = (long) Terms.YEAR;

  private static Terms terms(SortedMap<String, List<long[]>> promotions) {
    return new Terms(ORIGIN, STEP, 28 * Terms.DAY, new long[0], promotions);
  }

  private static DemandModel.Part part(boolean log, int[] columns, double... beta) {
    return new DemandModel.Part(new Spec(log, columns.length > 1 && columns[1] == 1, 0, 0, 0, 0, 0, 0),
        columns, beta, new DemandModel.Carry(0, 0, ORIGIN, STEP, new double[0]));
  }

  /** Errors of exactly 0, so every quantile is the centre. */
  private static ForecastErrors noErrors() {
    return new ForecastErrors(new double[10], new int[10], ORIGIN + 28 * Terms.DAY, STEP);
  }

  private static DemandModel combine(Terms terms, DemandModel.Part... parts) {
    int types = terms.promotionTypes.size();
    return new DemandModel(terms, List.of(parts), 0, 1, noErrors(),
        new double[parts[0].columns().length], ORIGIN, ORIGIN + 28 * Terms.DAY, 672,
        new double[types], new long[types], 100);
  }

  @Test
  void logModelsAreAveragedOnTheLogScale() {
    Terms terms = terms(new TreeMap<>());
    // 100 flat, and 400 doubling every year: a year on, 100 and 800, whose log-mean is √80,000.
    DemandModel model = combine(terms, part(true, new int[] {0}, Math.log(100)),
        part(true, new int[] {0, 1}, Math.log(400), Math.log(2)));
    assertThat(model.combined()).isEqualTo(2);
    assertThat(model.median(ORIGIN, PromotionScenario.organic())).isCloseTo(200, within(1e-9));
    assertThat(model.median(ORIGIN + YEAR, PromotionScenario.organic()))
        .isCloseTo(Math.sqrt(100 * 800), within(1e-6));
    assertThat(model.fitted(ORIGIN + YEAR)).isCloseTo(Math.sqrt(100 * 800), within(1e-6));
    assertThat(model.describe()).startsWith("the mean of 2 models (log-linear level")
        .contains("; log-linear trend");
  }

  @Test
  void linearModelsAreAveragedAsTheyAre() {
    DemandModel model = combine(terms(new TreeMap<>()), part(false, new int[] {0}, 100),
        part(false, new int[] {0}, 400));
    assertThat(model.median(ORIGIN, PromotionScenario.organic())).isCloseTo(250, within(1e-9));
  }

  @Test
  void aCombinationKeepsToOneScale() {
    Terms terms = terms(new TreeMap<>());
    assertThatThrownBy(() -> combine(terms, part(true, new int[] {0}, 1), part(false, new int[] {0}, 1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one scale");
  }

  @Test
  void theLearnedEffectIsTheMeanOfThePartsCoefficients() {
    SortedMap<String, List<long[]>> promotions = new TreeMap<>();
    promotions.put("bonus", List.of(new long[] {ORIGIN + Terms.DAY, ORIGIN + 2 * Terms.DAY}));
    Terms terms = terms(promotions);
    int promotion = terms.firstPromotion;
    // One part learned ×2, the other ×8: the combination's multiplier is their log-mean, ×4.
    DemandModel model = combine(terms, part(true, new int[] {0, promotion}, Math.log(100), Math.log(2)),
        part(true, new int[] {0, promotion}, Math.log(100), Math.log(8)));
    assertThat(model.effect("bonus").multiplier()).isCloseTo(4, within(1e-9));
    long later = ORIGIN + 30 * Terms.DAY;
    assertThat(model.median(later, PromotionScenario.learned("bonus"))).isCloseTo(400, within(1e-6));
  }

  /** A decomposition fitted on a constant, forecasting it from the end of the fitted range on. */
  private static DemandModel.Decomposed flatDecomposition(double value) {
    double[] y = new double[14 * 24];
    java.util.Arrays.fill(y, value);
    return new DemandModel.Decomposed(Decomposition.fit(y, new int[] {24, 168}), ORIGIN + 28 * Terms.DAY, STEP);
  }

  @Test
  void theDecompositionIsOneMoreMemberOfTheMean() {
    Terms terms = terms(new TreeMap<>());
    DemandModel model = new DemandModel(terms, List.of(part(false, new int[] {0}, 100),
        part(false, new int[] {0}, 200)), flatDecomposition(600), 0, 1, noErrors(), new double[1],
        ORIGIN, ORIGIN + 28 * Terms.DAY, 672, new double[0], new long[0], 100);
    long next = ORIGIN + 28 * Terms.DAY;
    assertThat(model.combined()).isEqualTo(3);
    assertThat(model.median(next, PromotionScenario.organic())).isCloseTo((100 + 200 + 600) / 3.0, within(1e-9));
    assertThat(model.median(next + 5 * Terms.DAY, PromotionScenario.organic())).isCloseTo(300, within(1e-9));
    // The fit of the past, and any quantile before the decomposition's first forecast, are the
    // regression's: the decomposition forecasts only.
    assertThat(model.fitted(ORIGIN)).isCloseTo(150, within(1e-9));
    assertThat(model.median(next - STEP, PromotionScenario.organic())).isCloseTo(150, within(1e-9));
    assertThat(model.describe()).startsWith("the mean of 3 models (").contains("decomposed (STL)");
  }

  @Test
  void theDecompositionTakesTheRegressionsLearnedEffect() {
    SortedMap<String, List<long[]>> promotions = new TreeMap<>();
    promotions.put("bonus", List.of(new long[] {ORIGIN + Terms.DAY, ORIGIN + 2 * Terms.DAY}));
    Terms terms = terms(promotions);
    int promotion = terms.firstPromotion;
    // The regression learned ×2 on the log scale; the decomposition knows no calendar and is
    // moved by the same ×2, so the mean of 100 and 400 (the log-mean, 200) doubles too.
    DemandModel model = new DemandModel(terms, List.of(part(true, new int[] {0, promotion}, Math.log(100),
        Math.log(2))), flatDecomposition(Math.log(400)), 0, 1, noErrors(), new double[2], ORIGIN,
        ORIGIN + 28 * Terms.DAY, 672, new double[1], new long[1], 100);
    long later = ORIGIN + 30 * Terms.DAY;
    assertThat(model.median(later, PromotionScenario.organic())).isCloseTo(200, within(1e-6));
    assertThat(model.median(later, PromotionScenario.learned("bonus"))).isCloseTo(400, within(1e-6));
  }
}
