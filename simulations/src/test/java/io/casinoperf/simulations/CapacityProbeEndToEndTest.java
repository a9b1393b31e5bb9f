package io.casinoperf.simulations;

import static org.assertj.core.api.Assertions.assertThat;

import io.casinoperf.capacity.usl.LoadStep;
import io.casinoperf.capacity.usl.LoadSteps;
import io.casinoperf.capacity.usl.UslFit;
import io.casinoperf.capacity.usl.UslModel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A short real capacity probe on the embedded platform: its CSV is what the forecast command
 * reads, and the USL fits it.
 */
class CapacityProbeEndToEndTest {
  @TempDir Path results;

  @Test
  void writesOneRowPerLevelThatTheForecastsUslFitReads() throws Exception {
    Path csv = results.resolve("probe/load-steps.csv");
    Map<String, String> properties = Map.of(
        "capacityProbe.levels", "1,2,4,8",
        "capacityProbe.stepDuration", "4s",
        "capacityProbe.rampBetween", "1s",
        "capacityProbe.spinsPerPlayer", "10",
        "capacityProbe.output", csv.toString());

    var run = GatlingProcess.run(CapacityProbeSimulation.class, properties, results, Duration.ofMinutes(2));

    assertThat(run.exitCode()).as(run.stdout() + run.stderr()).isZero();
    List<LoadStep> steps = LoadSteps.read(csv);
    assertThat(steps).extracting(LoadStep::concurrency).containsExactly(1.0, 2.0, 4.0, 8.0);
    assertThat(steps).allSatisfy(step -> {
      assertThat(step.throughputPerSecond()).isPositive();
      assertThat(step.errorRate()).isZero();
      assertThat(step.p99Millis()).isPositive();
    });
    // More players spinning without pause: more spins per second, at least at the low levels.
    assertThat(steps.get(1).throughputPerSecond()).isGreaterThan(steps.get(0).throughputPerSecond());
    UslModel usl = UslFit.fit(steps);
    assertThat(usl.lambda()).isPositive();
  }
}
