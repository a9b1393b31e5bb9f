package io.casinoperf.capacity.usl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import org.junit.jupiter.api.Test;

class UslModelTest {
  private static UslModel model(double sigma, double kappa, double lambda) {
    return new UslModel(sigma, kappa, lambda, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
        Double.NaN, 0);
  }

  @Test
  void throughputPeaksAtSquareRootOfOneMinusSigmaOverKappa() {
    UslModel model = model(0.05, 0.001, 100);
    double peak = Math.sqrt(0.95 / 0.001);

    assertThat(model.peakConcurrency()).isCloseTo(peak, offset(1e-12));
    assertThat(model.maxThroughput()).isCloseTo(model.throughputAt(peak), offset(1e-12));
    assertThat(model.throughputAt(peak - 1)).isLessThan(model.maxThroughput());
    assertThat(model.throughputAt(peak + 1)).isLessThan(model.maxThroughput());
    assertThat(model.throughputAt(1)).isEqualTo(100);
    // X(10) = 100·10 / (1 + 0.05·9 + 0.001·10·9) = 1000 / 1.54
    assertThat(model.throughputAt(10)).isCloseTo(1000 / 1.54, offset(1e-9));
  }

  @Test
  void withoutCoherencyThereIsNoPeakOnlyTheAmdahlAsymptoteOrLinearGrowth() {
    assertThat(model(0.1, 0, 40).peakConcurrency()).isInfinite();
    assertThat(model(0.1, 0, 40).maxThroughput()).isCloseTo(400, offset(1e-12));
    assertThat(model(0, 0, 40).maxThroughput()).isInfinite();
    assertThat(model(0, 0, 40).throughputAt(1000)).isEqualTo(40_000);
  }

  @Test
  void aPeakBelowOneUserLeavesTheSingleUserThroughputAsTheMaximum() {
    UslModel model = model(1, 0.5, 80);

    assertThat(model.peakConcurrency()).isZero();
    assertThat(model.maxThroughput()).isEqualTo(80);
  }
}
