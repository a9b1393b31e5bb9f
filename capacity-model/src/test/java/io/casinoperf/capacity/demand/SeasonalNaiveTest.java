package io.casinoperf.capacity.demand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.casinoperf.capacity.series.RegularSeries;
import org.junit.jupiter.api.Test;

class SeasonalNaiveTest {
  private static RegularSeries hourly(double... values) {
    return RegularSeries.of("rps", Synthetic.START, 3600, values);
  }

  // Season 3; the window is slots 0..8: 1 2 3 | 2 4 3 | 4 3 6. Its one-season differences are
  // 1, 2, 0, 2, −1, 3, sorted −1 0 1 2 2 3; type-7 quantiles (h = 5p): P05 −0.75, P10 −0.5,
  // P50 1.5, P90 2.5, P95 2.75.
  private static final RegularSeries SERIES = hourly(1, 2, 3, 2, 4, 3, 4, 3, 6, 99, 99, 99, 99);

  @Test
  void quantilesAreTheCopiedValuePlusTheInSampleDifferencesAtItsLag() {
    SeasonalNaive naive = new SeasonalNaive(SERIES, 0, 9, 3);

    assertThat(naive.forecast(9)).isEqualTo(4);
    assertThat(naive.quantiles(9)).containsExactly(new double[] {3.25, 3.5, 5.5, 6.5, 6.75}, within(1e-12));
  }

  @Test
  void twoSeasonsAheadUsesTheTwoSeasonDifferences() {
    SeasonalNaive naive = new SeasonalNaive(SERIES, 0, 9, 3);

    // Slot 12 copies slot 6 (value 4). Differences six slots apart: 4 − 1, 3 − 2, 6 − 3 = 3, 1, 3,
    // sorted 1 3 3: P05 1.2, P10 1.4, P50 3, P90 3, P95 3.
    assertThat(naive.forecast(12)).isEqualTo(4);
    assertThat(naive.quantiles(12)).containsExactly(new double[] {5.2, 5.4, 7, 7, 7}, within(1e-12));
  }

  @Test
  void theWindowsStartIsAFloorForForecastsScaleAndDifferences() {
    RegularSeries s = hourly(50, 2, 3, Double.NaN, 4, 3, 4, 3, 6, 99);
    SeasonalNaive naive = new SeasonalNaive(s, 3, 9, 3);

    // Slot 9 copies slot 6; slot 3 is missing, and slot 0 lies before the window.
    assertThat(naive.forecast(9)).isEqualTo(4);
    assertThat(new SeasonalNaive(s, 3, 6, 3).forecast(6)).isNaN();
    // Pairs inside the window only: (6, 3) missing, (7, 4) = 1, (8, 5) = 3: scale 2. Slot 0's 50
    // would have added |3 − 50| had the window reached it.
    assertThat(naive.scale()).isEqualTo(2);
  }

  @Test
  void quantilesAreMissingWithoutAPairThatFarApart() {
    SeasonalNaive naive = new SeasonalNaive(SERIES, 3, 9, 3);

    // Slot 12 copies slot 6, six slots back: the window 3..8 holds no pair six apart.
    assertThat(naive.forecast(12)).isEqualTo(4);
    assertThat(naive.quantiles(12)).containsOnly(Double.NaN);
  }
}
