package io.casinoperf.capacity.demand;

import static org.assertj.core.api.Assertions.assertThat;

import io.casinoperf.capacity.series.RegularSeries;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A process whose weekly level wanders: each week's level is a fresh draw, log-normal with σ 0.1,
 * around a fixed daily shape with 3 % noise. Four weeks of history leave two one-week validation
 * blocks, so the intervals see only two weeks' levels; the next week's is a third draw. Over many
 * such histories the 80 % band must hold about 80 % of the next week's points, not the half it held
 * when the two weeks' errors were taken as all there is to know.
 */
class WanderingLevelTest {
  private static final long STEP = 1800;
  private static final int WEEKS = 4;
  private static final double LEVEL_SIGMA = 0.1;
  private static final double NOISE = 0.03;

  @Test
  void theEightyPercentBandHoldsAboutEightyPercentOfTheNextWeek() {
    int histories = 40;
    int inside = 0;
    int points = 0;
    int perWeek = (int) (Terms.WEEK / STEP);
    for (int h = 0; h < histories; h++) {
      Random random = new Random(100 + h);
      double[] values = new double[(WEEKS + 1) * perWeek];
      for (int week = 0; week <= WEEKS; week++) {
        double level = Math.log(1_000) + LEVEL_SIGMA * random.nextGaussian();
        for (int i = week * perWeek; i < (week + 1) * perWeek; i++) {
          long t = Synthetic.START + i * STEP;
          double daily = 0.4 * Math.cos(2 * Math.PI * Math.floorMod(t, Terms.DAY) / Terms.DAY);
          values[i] = Math.exp(level + daily + NOISE * random.nextGaussian());
        }
      }
      double[] history = java.util.Arrays.copyOf(values, WEEKS * perWeek);
      DemandModel model = DemandFitter.fit(RegularSeries.of("rps", Synthetic.START, STEP, history),
          new TreeMap<>(), DemandFitter.Settings.defaults(Terms.WEEK));
      for (int i = WEEKS * perWeek; i < values.length; i++) {
        long t = Synthetic.START + i * STEP;
        double low = model.quantile(t, 0.1, PromotionScenario.organic());
        double high = model.quantile(t, 0.9, PromotionScenario.organic());
        inside += values[i] >= low && values[i] <= high ? 1 : 0;
        points++;
      }
    }
    // 49 % when the two blocks' errors were pooled alone; the wider-of rule errs on the wide side.
    assertThat((double) inside / points).isBetween(0.75, 0.92);
  }
}
