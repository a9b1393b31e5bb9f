package io.casinoperf.capacity.algebra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

class DistributionsTest {
  /** One degree of freedom is the Cauchy distribution: tan(π(p − ½)) exactly. */
  @Test
  void oneDegreeOfFreedomIsCauchy() {
    DoubleUnaryOperator t = Distributions.studentTQuantile(1);
    for (double p : new double[] {0.0004, 0.01, 0.1, 0.25, 0.5, 0.6127, 0.9, 0.95, 0.99, 0.9993}) {
      double exact = Math.tan(Math.PI * (p - 0.5));
      assertThat(t.applyAsDouble(p)).as("p = %s", p).isCloseTo(exact, within(1e-6 * Math.max(1, Math.abs(exact))));
    }
  }

  /** Two degrees of freedom: (2p − 1) / √(2p(1 − p)) exactly. */
  @Test
  void twoDegreesOfFreedomInClosedForm() {
    DoubleUnaryOperator t = Distributions.studentTQuantile(2);
    for (double p : new double[] {0.003, 0.05, 0.1, 0.3333, 0.5, 0.8, 0.9, 0.975, 0.998}) {
      double exact = (2 * p - 1) / Math.sqrt(2 * p * (1 - p));
      assertThat(t.applyAsDouble(p)).as("p = %s", p).isCloseTo(exact, within(1e-6 * Math.max(1, Math.abs(exact))));
    }
  }

  /** Textbook table values: t(0.975; 5) = 2.5706, t(0.95; 6) = 1.9432. */
  @Test
  void textbookValues() {
    assertThat(Distributions.studentTQuantile(5).applyAsDouble(0.975)).isCloseTo(2.5706, within(1e-4));
    assertThat(Distributions.studentTQuantile(6).applyAsDouble(0.95)).isCloseTo(1.9432, within(1e-4));
  }
}
