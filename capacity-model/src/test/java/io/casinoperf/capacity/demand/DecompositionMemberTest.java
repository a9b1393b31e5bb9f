package io.casinoperf.capacity.demand;

import static org.assertj.core.api.Assertions.assertThat;

import io.casinoperf.capacity.series.RegularSeries;
import java.util.List;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The decomposition joins the mean where it forecast the validation blocks nearly as well as the
 * best regression, and only there.
 */
class DecompositionMemberTest {
  private static final long STEP = 1800;
  private static final int PER_DAY = 48;

  /**
   * A level that wanders from day to day and a day with a sharp evening hour (+60 %) that smooth
   * daily terms cannot draw: the decomposition follows the level and copies the hour, and joins.
   */
  @Test
  void aWanderingLevelWithASharpHourTakesTheDecompositionIn() {
    Random random = new Random(21);
    int days = 42;
    double[] values = new double[days * PER_DAY];
    double level = Math.log(10_000);
    for (int i = 0; i < values.length; i++) {
      level += 0.01 * random.nextGaussian();
      int slot = i % PER_DAY;
      double shape = 0.3 * Math.sin(2 * Math.PI * (slot - 12) / PER_DAY) + (slot == 40 || slot == 41 ? 0.47 : 0);
      values[i] = Math.exp(level + shape + 0.01 * random.nextGaussian());
    }
    DemandModel model = DemandFitter.fit(RegularSeries.of("rps", Synthetic.START, STEP, values),
        new TreeMap<>(), DemandFitter.Settings.defaults(Terms.DAY));
    assertThat(model.describe()).contains("decomposed (STL)");
    assertThat(model.combined()).isGreaterThanOrEqualTo(2);
  }

  /**
   * Past promotions the calendar names multiply traffic by 2.5 for four hours: the regression
   * learns them and forecasts the validation blocks' promotions; the decomposition, which knows no
   * calendar, misses them, and stays out.
   */
  @Test
  void promotionsTheCalendarNamesKeepTheDecompositionOut() {
    int days = 56;
    List<long[]> windows = Synthetic.promotions(days);
    RegularSeries traffic = Synthetic.series(days, 600, windows, 7);
    SortedMap<String, List<long[]>> promotions = new TreeMap<>();
    promotions.put("free-spins", windows);
    DemandModel model = DemandFitter.fit(traffic, promotions, DemandFitter.Settings.defaults(7 * Terms.DAY));
    assertThat(model.describe()).doesNotContain("decomposed");
  }
}
