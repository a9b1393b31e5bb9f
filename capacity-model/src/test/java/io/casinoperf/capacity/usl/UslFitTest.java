package io.casinoperf.capacity.usl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class UslFitTest {
  private static final double SIGMA = 0.05;
  private static final double KAPPA = 0.001;
  private static final double LAMBDA = 100;

  /** N = 1..64 users, throughput from the known USL times (1 + ε), ε ~ Normal(0, 1.5 %). */
  private static List<LoadStep> noisySteps(long seed) {
    Random random = new Random(seed);
    UslModel truth = new UslModel(SIGMA, KAPPA, LAMBDA, 0, 0, 0, 1, 0, 64);
    List<LoadStep> steps = new ArrayList<>();
    for (int n = 1; n <= 64; n++) {
      steps.add(LoadStep.of(n, truth.throughputAt(n) * (1 + 0.015 * random.nextGaussian())));
    }
    return steps;
  }

  private static List<LoadStep> steps(double[] concurrency, double[] throughput) {
    List<LoadStep> steps = new ArrayList<>();
    for (int i = 0; i < concurrency.length; i++) {
      steps.add(LoadStep.of(concurrency[i], throughput[i]));
    }
    return steps;
  }

  @Test
  void recoversKnownParametersFromStepsWithOneAndAHalfPercentNoise() {
    UslModel model = UslFit.fit(noisySteps(20261127));

    assertThat(model.sigma()).isCloseTo(SIGMA, within(0.01));
    assertThat(model.kappa()).isCloseTo(KAPPA, withinPercentage(10));
    assertThat(model.lambda()).isCloseTo(LAMBDA, withinPercentage(5));
    assertThat(model.peakConcurrency())
        .isCloseTo(Math.sqrt((1 - SIGMA) / KAPPA), withinPercentage(5));
    assertThat(Math.abs(model.sigma() - SIGMA)).isLessThan(3 * model.sigmaStandardError());
    assertThat(Math.abs(model.kappa() - KAPPA)).isLessThan(3 * model.kappaStandardError());
    assertThat(Math.abs(model.lambda() - LAMBDA)).isLessThan(3 * model.lambdaStandardError());
    assertThat(model.rSquared()).isGreaterThan(0.98);
    assertThat(model.steps()).isEqualTo(64);
  }

  @Test
  void standardErrorsGiveIntervalsThatCoverTheTruthAtAboutTheNominalRate() {
    int runs = 200;
    int[] covered = new int[3];
    for (long seed = 1; seed <= runs; seed++) {
      UslModel model = UslFit.fit(noisySteps(seed));
      covered[0] += Math.abs(model.sigma() - SIGMA) <= 1.96 * model.sigmaStandardError() ? 1 : 0;
      covered[1] += Math.abs(model.kappa() - KAPPA) <= 1.96 * model.kappaStandardError() ? 1 : 0;
      covered[2] += Math.abs(model.lambda() - LAMBDA) <= 1.96 * model.lambdaStandardError() ? 1 : 0;
    }
    // Nominal 95 % of 200 is 190 (binomial sd ~3). Errors twice too large would cover ~200,
    // half as large ~136; the noise is multiplicative, so the constant-variance errors are only
    // approximately right.
    assertThat(covered[0]).as("sigma").isBetween(180, 198);
    assertThat(covered[1]).as("kappa").isBetween(180, 198);
    assertThat(covered[2]).as("lambda").isBetween(180, 198);
  }

  @Test
  void perfectlyLinearThroughputHasNeitherContentionNorCoherency() {
    double[] n = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    double[] x = new double[n.length];
    for (int i = 0; i < n.length; i++) {
      x[i] = 50 * n[i];
    }

    UslModel model = UslFit.fit(steps(n, x));

    assertThat(model.sigma()).isCloseTo(0, offset(1e-9));
    assertThat(model.kappa()).isCloseTo(0, offset(1e-12));
    assertThat(model.lambda()).isCloseTo(50, offset(1e-9));
    assertThat(model.rSquared()).isCloseTo(1, offset(1e-12));
    assertThat(model.peakConcurrency()).isInfinite();
    assertThat(model.maxThroughput()).isInfinite();
  }

  @Test
  void constantThroughputIsAllContention() {
    UslModel model = UslFit.fit(steps(new double[] {1, 2, 4, 8, 16},
        new double[] {500, 500, 500, 500, 500}));

    assertThat(model.sigma()).isCloseTo(1, offset(1e-9));
    assertThat(model.kappa()).isCloseTo(0, offset(1e-12));
    assertThat(model.lambda()).isCloseTo(500, offset(1e-6));
    assertThat(model.maxThroughput()).isCloseTo(500, offset(1e-6));
    assertThat(model.rSquared()).as("nothing to explain when all throughputs are equal").isNaN();
  }

  @Test
  void amdahlThroughputHasNoPeakAndSaturatesAtLambdaOverSigma() {
    double[] n = {1, 2, 4, 8, 16, 32};
    double[] x = new double[n.length];
    for (int i = 0; i < n.length; i++) {
      x[i] = 40 * n[i] / (1 + 0.1 * (n[i] - 1));
    }

    UslModel model = UslFit.fit(steps(n, x));

    assertThat(model.sigma()).isCloseTo(0.1, offset(1e-9));
    assertThat(model.kappa()).as("the bound kappa >= 0 holds").isZero();
    assertThat(model.peakConcurrency()).isInfinite();
    assertThat(model.maxThroughput()).isCloseTo(400, offset(1e-6));
  }

  @Test
  void retrogradeThroughputIsNeverFittedWithNegativeCoefficients() {
    // Falls from the first step on: unconstrained least squares would want sigma > 1.
    UslModel model = UslFit.fit(steps(new double[] {1, 2, 4, 8},
        new double[] {100, 80, 60, 30}));

    assertThat(model.sigma()).isBetween(0.0, 1.0);
    assertThat(model.kappa()).isGreaterThanOrEqualTo(0);
    assertThat(model.lambda()).isPositive();
  }

  @Test
  void twoConcurrencyLevelsCannotDetermineThreeParameters() {
    List<LoadStep> repeatedTwoLevels = steps(new double[] {1, 1, 2, 2},
        new double[] {10, 11, 19, 20});

    assertThatThrownBy(() -> UslFit.fit(repeatedTwoLevels))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the Universal Scalability Law has three parameters (sigma, kappa, lambda) "
            + "and needs steps at 3 or more distinct concurrency levels; got 2 [1.0, 2.0]");
  }

  @Test
  void standardErrorsAreNaNWhenThereAreNoDegreesOfFreedomLeft() {
    UslModel model = UslFit.fit(steps(new double[] {1, 4, 16}, new double[] {10, 35, 90}));

    assertThat(model.sigmaStandardError()).isNaN();
    assertThat(model.kappaStandardError()).isNaN();
    assertThat(model.lambdaStandardError()).isNaN();
    assertThat(model.residualStandardError()).isNaN();
    assertThat(model.throughputAt(4)).isCloseTo(35, offset(1e-6));
  }
}
