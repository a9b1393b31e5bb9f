package io.casinoperf.simulations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.casinoperf.capacity.usl.LoadStep;
import io.casinoperf.capacity.usl.LoadSteps;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProbeStepsTest {
  private static final long T0 = 1_700_000_000_000L;

  @TempDir Path dir;

  /**
   * Levels 1, 2, 3 held 1 s each, 200 ms ramps between: held from 0, 1,200 and 2,400 ms, measured
   * in [250, 1000), [1450, 2200) and [2650, 3400) ms.
   */
  private static ProbeSteps stepsWith30SpinsPerWindow() {
    ProbeSteps steps = new ProbeSteps(List.of(1, 2, 3), 1_000, 200);
    steps.start(T0);
    for (long windowStart : new long[] {250, 1_450, 2_650}) {
      for (int i = 0; i < 30; i++) {
        steps.record(T0 + windowStart + 20 * i, 10_000 + 1_000 * i, i != 0); // 10..39 ms
      }
    }
    return steps;
  }

  @Test
  void aCompleteRunWritesEveryLevelWithItsWindowsThroughput() throws Exception {
    ProbeSteps steps = stepsWith30SpinsPerWindow();
    Path csv = dir.resolve("steps.csv");

    steps.writeCsv(csv, T0 + 3_400);

    assertThat(steps.cutOff(T0 + 3_400)).isEmpty();
    assertThat(Files.readAllLines(csv).get(0)).isEqualTo("concurrency,throughput_per_s,p99_ms,error_rate,mean_ms,scv");
    // Read back as the forecast reads it. 30 spins in 0.75 s; p99 of 10..39 ms at the nearest rank
    // is 39; one failure in 30; 10..39 ms evenly: mean 24.5 ms, variance (30² − 1) / 12 = 74.92 ms².
    List<LoadStep> read = LoadSteps.read(csv);
    assertThat(read).extracting(LoadStep::concurrency).containsExactly(1.0, 2.0, 3.0);
    assertThat(read).allSatisfy(step -> {
      assertThat(step.throughputPerSecond()).isEqualTo(40.0);
      assertThat(step.p99Millis()).isCloseTo(39, within(0.05));
      assertThat(step.errorRate()).isCloseTo(1 / 30.0, within(1e-5));
      assertThat(step.meanMillis()).isCloseTo(24.5, within(0.02));
      assertThat(step.scv()).isCloseTo(74.9167 / (24.5 * 24.5), within(0.002));
    });
  }

  @Test
  void aLevelWhoseWindowTheRunDidNotFinishIsLeftOut() throws Exception {
    ProbeSteps steps = stepsWith30SpinsPerWindow();
    Path csv = dir.resolve("steps.csv");

    steps.writeCsv(csv, T0 + 3_399);

    assertThat(steps.cutOff(T0 + 3_399)).containsExactly(3);
    assertThat(Files.readAllLines(csv)).hasSize(3).last().asString().startsWith("2,");
  }

  @Test
  void spinsDuringARampOrTheFirstQuarterOfAStepAreNotCounted() {
    ProbeSteps steps = new ProbeSteps(List.of(1, 2), 1_000, 200);
    steps.start(T0);

    assertThat(steps.stepAt(T0 + 249)).isEqualTo(-1);
    assertThat(steps.stepAt(T0 + 250)).isZero();
    assertThat(steps.stepAt(T0 + 999)).isZero();
    assertThat(steps.stepAt(T0 + 1_100)).as("ramp to 2").isEqualTo(-1);
    assertThat(steps.stepAt(T0 + 1_449)).isEqualTo(-1);
    assertThat(steps.stepAt(T0 + 1_450)).isEqualTo(1);
    assertThat(steps.stepAt(T0 + 2_199)).isEqualTo(1);
    assertThat(steps.stepAt(T0 + 2_200)).as("after the last step").isEqualTo(-1);
  }
}
