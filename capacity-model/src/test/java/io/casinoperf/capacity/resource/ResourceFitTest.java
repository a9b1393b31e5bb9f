package io.casinoperf.capacity.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.casinoperf.capacity.series.RegularSeries;
import io.casinoperf.capacity.series.UnsuitableDataException;
import java.util.Arrays;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Resources generated from known relations to traffic. Traffic follows a daily wave, {@code rps =
 * 1000 + 800·sin(2πt/day)}, on a 60 s grid for a week, so its variance is 800²/2 and the standard
 * errors below follow from the textbook formulas for least squares.
 */
class ResourceFitTest {
  private static final long START = 1_767_225_600L; // 2026-01-01T00:00:00Z
  private static final long STEP = 60;
  private static final int WEEK_OF_MINUTES = 7 * 24 * 60;
  private static final double MEAN_RPS = 1000;
  private static final double WAVE_RPS = 800;

  private static double[] dailyWave(int slots) {
    double[] rps = new double[slots];
    for (int i = 0; i < slots; i++) {
      rps[i] = MEAN_RPS + WAVE_RPS * Math.sin(2 * Math.PI * i * STEP / 86_400.0);
    }
    return rps;
  }

  private static double[] resource(double[] rps, DoubleUnaryOperator truth, double sigma, long seed) {
    Random random = new Random(seed);
    double[] r = new double[rps.length];
    for (int i = 0; i < rps.length; i++) {
      r[i] = truth.applyAsDouble(rps[i]) + sigma * random.nextGaussian();
    }
    return r;
  }

  private static RegularSeries series(String name, long start, double[] values) {
    return RegularSeries.of(name, start, STEP, values);
  }

  private static double mean(double[] v) {
    return Arrays.stream(v).average().orElseThrow();
  }

  /** Σ(x − x̄)². */
  private static double sxx(double[] x) {
    double m = mean(x);
    return Arrays.stream(x).map(v -> (v - m) * (v - m)).sum();
  }

  @Test
  void choosesTheLineAndRecoversItsCoefficientsWhenTheTruthIsLinear() {
    double sigma = 1;
    double[] rps = dailyWave(WEEK_OF_MINUTES);
    double[] cpu = resource(rps, x -> 5 + 0.02 * x, sigma, 1);

    ResourceModel model = ResourceFit.fit(series("rps", START, rps), series("cpu", START, cpu));

    assertThat(model.curved()).isFalse();
    assertThat(model.points()).isEqualTo(WEEK_OF_MINUTES);
    int n = rps.length;
    double sxx = sxx(rps);
    double slopeError = sigma / Math.sqrt(sxx);
    double interceptError = sigma * Math.sqrt(1.0 / n + mean(rps) * mean(rps) / sxx);
    double[] c = model.coefficients();
    assertThat(c).hasSize(2);
    assertThat(c[0]).isCloseTo(5, within(4 * interceptError));
    assertThat(c[1]).isCloseTo(0.02, within(4 * slopeError));
    // Signal variance 0.02²·800²/2 = 128 against noise variance 1: R² = 128/129.
    assertThat(model.rSquared()).isCloseTo(128.0 / 129, within(0.003));
    assertThat(model.minTraffic()).isEqualTo(Arrays.stream(rps).min().orElseThrow());
    assertThat(model.maxTraffic()).isEqualTo(Arrays.stream(rps).max().orElseThrow());
    assertThat(model.mean(1500)).isCloseTo(5 + 0.02 * 1500, within(0.05));
  }

  @Test
  void ninetyPercentBandInsideTheObservedTrafficHoldsAboutNinetyPercentOfFreshDraws() {
    double[] rps = dailyWave(WEEK_OF_MINUTES);
    ResourceModel model = ResourceFit.fit(series("rps", START, rps),
        series("cpu", START, resource(rps, x -> 5 + 0.02 * x, 1, 2)));
    double traffic = 1300;
    double low = model.quantile(traffic, 0.05);
    double high = model.quantile(traffic, 0.95);

    Random fresh = new Random(3);
    int inside = 0;
    int draws = 20_000;
    for (int i = 0; i < draws; i++) {
      double actual = 5 + 0.02 * traffic + fresh.nextGaussian();
      inside += actual >= low && actual <= high ? 1 : 0;
    }

    assertThat((double) inside / draws).isBetween(0.87, 0.93);
    // N(0, 1) noise: the band is about ±1.645 around the truth.
    assertThat(high - low).isCloseTo(2 * 1.645, within(0.3));
    assertThat(model.quantile(traffic, 0.5)).isCloseTo(5 + 0.02 * traffic, within(0.1));
  }

  @Test
  void choosesAndRecoversAConvexCurve() {
    double sigma = 1;
    double[] rps = dailyWave(WEEK_OF_MINUTES);
    DoubleUnaryOperator truth = x -> 10 + 0.01 * x + 4e-6 * x * x;

    ResourceModel model = ResourceFit.fit(series("rps", START, rps),
        series("db-connections", START, resource(rps, truth, sigma, 4)));

    assertThat(model.curved()).isTrue();
    double[] c = model.coefficients();
    assertThat(c).hasSize(3);
    // Frisch–Waugh–Lovell: the standard error of c is σ over the root sum of squares of x²
    // after regressing it on (1, x).
    double[] squares = Arrays.stream(rps).map(x -> x * x).toArray();
    double mx = mean(rps);
    double mq = mean(squares);
    double sxq = 0;
    for (int i = 0; i < rps.length; i++) {
      sxq += (rps[i] - mx) * (squares[i] - mq);
    }
    double residualSquares = sxx(squares) - sxq * sxq / sxx(rps);
    assertThat(c[2]).isCloseTo(4e-6, within(4 * sigma / Math.sqrt(residualSquares)));
    // The fitted mean at the edges and the middle of the traffic seen: standard errors there are
    // about σ·√(3/n) ≈ 0.02, so 0.1 is five of them.
    for (double x : new double[] {model.minTraffic(), MEAN_RPS, model.maxTraffic()}) {
      assertThat(model.mean(x)).as("mean at %s rps", x).isCloseTo(truth.applyAsDouble(x), within(0.1));
    }
    assertThat(c[1]).isCloseTo(0.01, within(0.001));
    assertThat(c[0]).isCloseTo(10, within(0.5));
  }

  @Test
  void rejectsAConcaveCurveThatTurnsDownWithinThreeTimesTheHighestTraffic() {
    double[] rps = dailyWave(WEEK_OF_MINUTES);
    // Peaks at 0.05 / (2·1e-5) = 2500 rps, below 3 × 1800: fits the data far better than a
    // line, yet would promise that more traffic needs less.
    ResourceModel model = ResourceFit.fit(series("rps", START, rps),
        series("cpu", START, resource(rps, x -> 10 + 0.05 * x - 1e-5 * x * x, 0.5, 5)));

    assertThat(model.curved()).isFalse();
    assertThat(model.coefficients()).hasSize(2);
  }

  @Test
  void acceptsAConcaveCurveThatKeepsRisingBeyondThreeTimesTheHighestTraffic() {
    double[] rps = dailyWave(WEEK_OF_MINUTES);
    // Peaks at 0.05 / (2·2e-6) = 12 500 rps, above 3 × 1800.
    ResourceModel model = ResourceFit.fit(series("rps", START, rps),
        series("cpu", START, resource(rps, x -> 10 + 0.05 * x - 2e-6 * x * x, 0.5, 6)));

    assertThat(model.curved()).isTrue();
    assertThat(model.coefficients()[2]).isCloseTo(-2e-6, within(2e-7));
  }

  @Test
  void bandWidensAsTrafficLeavesTheRangeSeen() {
    double[] rps = dailyWave(WEEK_OF_MINUTES);
    ResourceModel model = ResourceFit.fit(series("rps", START, rps),
        series("cpu", START, resource(rps, x -> 5 + 0.02 * x, 1, 7)));

    double atMean = width(model, MEAN_RPS);
    double atMax = width(model, model.maxTraffic());
    double atTriple = width(model, 3 * model.maxTraffic());

    assertThat(atMax).isGreaterThan(atMean);
    assertThat(atTriple).isGreaterThan(atMax);
  }

  @Test
  void curveUncertaintyWidensTheBandOfAFewPointsFarFromTheirTraffic() {
    // Twenty points with traffic between 100 and 200: the slope is uncertain, so at 3 × the
    // highest traffic the band must be clearly wider than the residuals alone.
    Random random = new Random(8);
    double[] rps = new double[20];
    for (int i = 0; i < rps.length; i++) {
      rps[i] = 100 + 100 * random.nextDouble();
    }
    ResourceModel model = ResourceFit.fit(series("rps", START, rps),
        series("cpu", START, resource(rps, x -> 5 + 0.02 * x, 1, 9)));

    assertThat(width(model, 3 * model.maxTraffic())).isGreaterThan(1.5 * width(model, mean(rps)));
  }

  private static double width(ResourceModel model, double traffic) {
    return model.quantile(traffic, 0.95) - model.quantile(traffic, 0.05);
  }

  @Test
  void pairsPointsByTimeOverTheCommonSlotsOnly() {
    // Traffic covers slots 0..99; the resource starts 30 steps later and runs 100 slots, so the
    // two share 70 times. Pairing by array index instead of by time would destroy the relation.
    Random random = new Random(10);
    double[] rps = new double[100];
    for (int i = 0; i < rps.length; i++) {
      rps[i] = 100 + 900 * random.nextDouble();
    }
    double[] cpu = new double[100];
    for (int i = 0; i < cpu.length; i++) {
      double trafficThen = i + 30 < rps.length ? rps[i + 30] : 500;
      cpu[i] = 3 + 0.02 * trafficThen + 0.01 * random.nextGaussian();
    }

    ResourceModel model = ResourceFit.fit(series("rps", START, rps),
        series("cpu", START + 30 * STEP, cpu));

    assertThat(model.points()).isEqualTo(70);
    assertThat(model.coefficients()[0]).isCloseTo(3, within(0.05));
    assertThat(model.coefficients()[1]).isCloseTo(0.02, within(1e-4));
  }

  @Test
  void joinsAResourceThatStartsBeforeTrafficAndSkipsMissingSlotsOfEither() {
    Random random = new Random(11);
    double[] rps = new double[60];
    for (int i = 0; i < rps.length; i++) {
      rps[i] = 100 + 900 * random.nextDouble();
    }
    // The resource starts 20 steps before traffic: its slot i is traffic slot i − 20.
    double[] cpu = new double[50];
    for (int i = 0; i < cpu.length; i++) {
      cpu[i] = i >= 20 ? 3 + 0.02 * rps[i - 20] + 0.01 * random.nextGaussian() : 1e6;
    }
    rps[0] = Double.NaN;
    rps[5] = Double.NaN;
    rps[45] = Double.NaN; // after the resource ends: changes nothing
    cpu[25] = Double.NaN;
    cpu[26] = Double.NaN;
    cpu[27] = Double.NaN;

    ResourceModel model = ResourceFit.fit(series("rps", START, rps),
        series("cpu", START - 20 * STEP, cpu));

    // Common times: traffic slots 0..29 (30), less traffic gaps 0 and 5, less resource gaps at
    // traffic slots 5 (already gone), 6 and 7.
    assertThat(model.points()).isEqualTo(26);
    assertThat(model.coefficients()[1]).isCloseTo(0.02, within(1e-4));
  }

  @Test
  void refusesSeriesOnDifferentSteps() {
    double[] rps = dailyWave(100);
    assertThatThrownBy(() -> ResourceFit.fit(RegularSeries.of("rps", START, 60, rps),
        RegularSeries.of("cpu", START, 300, rps)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("60")
        .hasMessageContaining("300");
  }

  @Test
  void needsTenCommonPoints() {
    double[] rps = dailyWave(100);
    double[] cpu = resource(rps, x -> 5 + 0.02 * x, 1, 12);
    // The resource overlaps the last 9 traffic slots.
    assertThatThrownBy(() -> ResourceFit.fit(series("rps", START, rps),
        series("cpu", START + 91 * STEP, cpu)))
        .isInstanceOf(UnsuitableDataException.class)
        .hasMessageContaining("cpu")
        .hasMessageContaining("rps")
        .hasMessageContaining("share 9 time points")
        .hasMessageContaining("at least 10")
        .hasMessageNotContaining("\n");

    assertThat(ResourceFit.fit(series("rps", START, rps), series("cpu", START + 90 * STEP, cpu))
        .points()).isEqualTo(10);
  }

  @Test
  void countsOnlyPresentPairsTowardsTheTenPoints() {
    double[] rps = dailyWave(20);
    double[] cpu = resource(rps, x -> 5 + 0.02 * x, 1, 13);
    for (int i = 0; i < 11; i++) {
      (i % 2 == 0 ? rps : cpu)[i] = Double.NaN;
    }
    assertThatThrownBy(() -> ResourceFit.fit(series("rps", START, rps), series("cpu", START, cpu)))
        .isInstanceOf(UnsuitableDataException.class)
        .hasMessageContaining("share 9 time points");
  }

  @Test
  void refusesConstantTraffic() {
    double[] rps = new double[50];
    Arrays.fill(rps, 400);
    double[] cpu = resource(dailyWave(50), x -> 5 + 0.02 * x, 1, 14);

    assertThatThrownBy(() -> ResourceFit.fit(series("rps", START, rps), series("cpu", START, cpu)))
        .isInstanceOf(UnsuitableDataException.class)
        .hasMessageContaining("rps is constant")
        .hasMessageNotContaining("\n");
  }

  @Test
  void refusesConstantTrafficWhereTheResourceWasMeasuredEvenIfItVariesElsewhere() {
    double[] rps = dailyWave(50);
    Arrays.fill(rps, 25, 50, 400);
    double[] cpu = new double[25];
    Arrays.setAll(cpu, i -> i);

    assertThatThrownBy(() -> ResourceFit.fit(series("rps", START, rps),
        series("cpu", START + 25 * STEP, cpu)))
        .isInstanceOf(UnsuitableDataException.class)
        .hasMessageContaining("rps is constant");
  }

  @Test
  void refusesAConstantResource() {
    double[] rps = dailyWave(50);
    double[] memory = new double[50];
    Arrays.fill(memory, 2048);

    assertThatThrownBy(() -> ResourceFit.fit(series("rps", START, rps), series("redis-memory", START, memory)))
        .isInstanceOf(UnsuitableDataException.class)
        .hasMessageContaining("redis-memory is constant (2048.0 at every point)")
        .hasMessageNotContaining("\n");
  }

  @Test
  void refusesAResourceSoLargeItsSquaresOverflowRatherThanReturningNaN() {
    double[] rps = dailyWave(50);
    double[] memory = resource(rps, x -> 2e9 + 6e5 * x, 5e7, 15);
    memory[20] = 1.7e308;

    assertThatThrownBy(() -> ResourceFit.fit(series("rps", START, rps), series("redis-memory", START, memory)))
        .isInstanceOf(UnsuitableDataException.class)
        .hasMessage("redis-memory cannot be related to rps: its values reach 1.70e+308, too large for"
            + " least squares (their squares overflow); check for an outlier or a unit mistake")
        .hasMessageNotContaining("\n");
  }
}
