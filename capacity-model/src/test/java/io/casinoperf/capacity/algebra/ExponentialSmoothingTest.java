package io.casinoperf.capacity.algebra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.casinoperf.capacity.algebra.ExponentialSmoothing.Trend;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ExponentialSmoothingTest {

  @Test
  void simpleSmoothingRecoversTheSmoothingOfTheSeriesItGenerated() {
    Random random = new Random(11);
    double[] y = new double[5000];
    double level = 100;
    for (int t = 0; t < y.length; t++) {
      double e = random.nextGaussian();
      y[t] = level + e;
      level += 0.3 * e;
    }
    ExponentialSmoothing none = ExponentialSmoothing.fit(y, Trend.NONE);
    assertThat(none.alpha()).isCloseTo(0.3, within(0.03));
    // The level is all there is: AICc prefers it to a trend.
    assertThat(none.aicc()).isLessThan(ExponentialSmoothing.fit(y, Trend.ADDITIVE).aicc());
    assertThat(ExponentialSmoothing.best(y).trend()).isEqualTo(Trend.NONE);
    // Its forecast is the last smoothed level, at every lead.
    assertThat(none.forecast(1)).isEqualTo(none.forecast(50));
  }

  @Test
  void aSeriesGeneratedWithATrendIsForecastWithIt() {
    // A level that grows 0.2 a step, smoothed with α 0.5 (the slope itself does not wander).
    Random random = new Random(5);
    double[] y = new double[3000];
    double level = 50;
    for (int t = 0; t < y.length; t++) {
      double e = random.nextGaussian();
      y[t] = level + 0.2 + e;
      level += 0.2 + 0.5 * e;
    }
    ExponentialSmoothing best = ExponentialSmoothing.best(y);
    // A slope that holds: AICc prefers the plain trend to a damped one (whose ten steps would
    // rise 0.57 at φ 0.8, 1.76 at 0.98).
    assertThat(best.trend()).isEqualTo(Trend.ADDITIVE);
    assertThat(best.alpha()).isCloseTo(0.5, within(0.06));
    assertThat(best.forecast(11) - best.forecast(1)).isCloseTo(2.0, within(0.2));
  }

  @Test
  void theInitialLevelAndSlopeAreTheLeastSquaresOnes() {
    // With α = β = (almost) 0 the model is a straight line: its SSE at the best start is the
    // line's residual sum of squares, worked here by the normal equations.
    double[] y = {3, 5, 4, 8, 9, 12, 11, 15};
    double sse = ExponentialSmoothing.sse(y, Trend.ADDITIVE, 1e-12, 1e-12, 1, null);
    double meanT = 4.5;
    double meanY = 0;
    for (double v : y) {
      meanY += v / y.length;
    }
    double sxy = 0;
    double sxx = 0;
    for (int t = 0; t < y.length; t++) {
      sxy += (t + 1 - meanT) * (y[t] - meanY);
      sxx += (t + 1 - meanT) * (t + 1 - meanT);
    }
    double b = sxy / sxx;
    double a = meanY - b * meanT;
    double rss = 0;
    for (int t = 0; t < y.length; t++) {
      rss += Math.pow(y[t] - a - b * (t + 1), 2);
    }
    assertThat(sse).isCloseTo(rss, within(1e-6));
    // Without a trend, the same with the mean as the level.
    double squares = 0;
    for (double v : y) {
      squares += (v - meanY) * (v - meanY);
    }
    assertThat(ExponentialSmoothing.sse(y, Trend.NONE, 1e-12, 0, 1, null)).isCloseTo(squares, within(1e-6));
  }

  @Test
  void aStraightLineIsForecastExactly() {
    double[] y = new double[40];
    for (int t = 0; t < y.length; t++) {
      y[t] = 7 + 3 * t;
    }
    ExponentialSmoothing best = ExponentialSmoothing.best(y);
    assertThat(best.forecast(1)).isCloseTo(7 + 3 * 40, within(1e-6));
    assertThat(best.forecast(10)).isCloseTo(7 + 3 * 49, within(1e-3));
  }

  @Test
  void tooFewPointsForAKindGiveNone() {
    assertThat(ExponentialSmoothing.fit(new double[4], Trend.NONE)).isNull();
    assertThat(ExponentialSmoothing.fit(new double[6], Trend.ADDITIVE)).isNull();
    assertThat(ExponentialSmoothing.fit(new double[7], Trend.DAMPED)).isNull();
    assertThat(ExponentialSmoothing.best(new double[] {1, 2, 3, 4, 5})).isNotNull();
  }

  @Test
  void theDampedTrendAddsAGeometricSum() {
    assertThat(ExponentialSmoothing.dampedSum(0.5, 3)).isCloseTo(0.875, within(1e-12));
    assertThat(ExponentialSmoothing.dampedSum(0.9, 1000)).isCloseTo(9, within(1e-9));
  }
}
