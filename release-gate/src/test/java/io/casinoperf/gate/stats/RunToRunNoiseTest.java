package io.casinoperf.gate.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class RunToRunNoiseTest {

  private static RunToRunNoise.Sample run(double p99, double logSe) {
    return new RunToRunNoise.Sample(p99, logSe, 0, 10_000, 1);
  }

  @Test
  void theSpreadOfExactRunsIsTheSpreadOfTheirLogs() {
    // ln p99 = ln 100 + {0, 1, 2} × ln 1.1: sample variance (ln 1.1)² × 1.
    RunToRunNoise noise = RunToRunNoise.estimate(List.of(run(100, 0), run(110, 0), run(121, 0)));

    assertThat(noise.runs()).isEqualTo(3);
    assertThat(noise.logP99Sd()).isCloseTo(Math.log(1.1), within(1e-12));
  }

  @Test
  void samplingInsideTheRunsIsTakenOutOfTheSpread() {
    // Each run's own standard error 0.05 explains 0.0025 of the variance.
    RunToRunNoise noise = RunToRunNoise.estimate(List.of(run(100, 0.05), run(110, 0.05), run(121, 0.05)));

    double logs = Math.log(1.1) * Math.log(1.1);
    assertThat(noise.logP99Sd()).isCloseTo(Math.sqrt(logs - 0.0025), within(1e-12));
  }

  @Test
  void noSpreadWhenSamplingExplainsAllOfIt() {
    RunToRunNoise noise = RunToRunNoise.estimate(List.of(run(100, 0.2), run(101, 0.2), run(99, 0.2)));

    assertThat(noise.logP99Sd()).isZero();
    assertThat(RunToRunNoise.estimate(List.of(run(50, 0), run(50, 0), run(50, 0))).logP99Sd()).isZero();
  }

  @Test
  void errorRatesSpreadBeyondTheirBinomialVariance() {
    // 1 %, 2 %, 3 % of 1,000,000 requests: binomial variance ~2e-8, sample variance 1e-4.
    List<RunToRunNoise.Sample> runs = List.of(
        new RunToRunNoise.Sample(100, 0, 0.01, 1_000_000, 1),
        new RunToRunNoise.Sample(100, 0, 0.02, 1_000_000, 1),
        new RunToRunNoise.Sample(100, 0, 0.03, 1_000_000, 1));
    double binomial = (0.01 * 0.99 + 0.02 * 0.98 + 0.03 * 0.97) / 1_000_000 / 3;

    assertThat(RunToRunNoise.estimate(runs).errorRateSd()).isCloseTo(Math.sqrt(1e-4 - binomial), within(1e-12));
  }

  @Test
  void needsThreeRunsAndWeighsTheBaselinesPool() {
    assertThatThrownBy(() -> RunToRunNoise.estimate(List.of(run(1, 0), run(2, 0))))
        .hasMessage("at least 3 runs, not 2");
    RunToRunNoise noise = new RunToRunNoise(5, 0.1, 0.01);
    assertThat(noise.comparisonLogVariance(1)).isCloseTo(0.02, within(1e-15));
    assertThat(noise.comparisonLogVariance(4)).isCloseTo(0.0125, within(1e-15));
  }
}
