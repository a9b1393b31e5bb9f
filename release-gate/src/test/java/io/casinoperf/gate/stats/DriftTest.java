package io.casinoperf.gate.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DriftTest {

  @Test
  void anExactCreepIsFoundWithItsRateAndTotal() {
    List<Double> p99 = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      p99.add(100 * Math.pow(1.04, i));
    }
    Drift drift = Drift.of(p99);

    assertThat(drift.perRun()).isCloseTo(0.04, within(1e-9));
    assertThat(drift.total()).isCloseTo(Math.pow(1.04, 5) - 1, within(1e-9));
    assertThat(drift.pValue()).isZero();
  }

  @Test
  void aFlatSeriesDoesNotDrift() {
    assertThat(Drift.of(List.of(50.0, 50.0, 50.0, 50.0, 50.0)).pValue()).isGreaterThanOrEqualTo(0.5);
    Drift wobbling = Drift.of(List.of(100.0, 110.0, 95.0, 108.0, 97.0, 104.0));
    assertThat(wobbling.pValue()).isGreaterThan(0.3);
  }

  @Test
  void aKnownSlopeHasTheTextbookStatistic() {
    // ln values 0, 0.1, 0.1, 0.3, 0.4 at x = 0..4, by hand: mean y 0.18, Sxx 10, Sxy 1.0, so the
    // slope is 0.1; fitted -0.02, 0.08, 0.18, 0.28, 0.38; residual sum of squares 0.008;
    // se = √(0.008 / 3 / 10); t = 6.1237 with 3 degrees of freedom.
    List<Double> p99 = List.of(1.0, Math.exp(0.1), Math.exp(0.1), Math.exp(0.3), Math.exp(0.4));
    Drift drift = Drift.of(p99);

    assertThat(drift.perRun()).isCloseTo(Math.expm1(0.1) , within(1e-12));
    // Student's t with 3 degrees of freedom in closed form:
    // P(T > t) = 1/2 − (atan(u) + u / (1 + u²)) / π with u = t / √3, = 0.0043772.
    assertThat(drift.pValue()).isCloseTo(0.0043772, within(1e-6));
  }

  @Test
  void needsFiveRuns() {
    assertThatThrownBy(() -> Drift.of(List.of(1.0, 2.0, 3.0, 4.0))).hasMessage("at least 5 runs, not 4");
  }
}
