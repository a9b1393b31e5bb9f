package io.casinoperf.simulations;

import static org.assertj.core.api.Assertions.assertThat;

import io.casinoperf.capacity.queueing.NodeService;
import io.casinoperf.capacity.usl.LoadStep;
import io.casinoperf.capacity.usl.LoadSteps;
import io.casinoperf.capacity.usl.UslFit;
import io.casinoperf.capacity.usl.UslModel;
import io.casinoperf.run.RunRecord;
import io.casinoperf.run.RunRecords;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A short real capacity probe on the embedded platform in queue mode, a node of known make (4
 * workers, a constant 20 ms each): its CSV is what the forecast command reads, the USL fits it,
 * and the queueing model recovers the node from it.
 */
class CapacityProbeEndToEndTest {
  @TempDir Path results;
  /** Outside the results folder, which holds the run's own folder only. */
  @TempDir Path probe;

  @Test
  void writesOneRowPerLevelThatTheForecastsUslFitReads() throws Exception {
    Path csv = probe.resolve("load-steps.csv");
    Map<String, String> properties = Map.of(
        "capacityProbe.levels", "1,2,4,8",
        "capacityProbe.stepDuration", "4s",
        "capacityProbe.rampBetween", "1s",
        "capacityProbe.spinsPerPlayer", "10",
        "capacityProbe.output", csv.toString(),
        "mode", "queue",
        "queue.workers", "4",
        "queue.serviceMillis", "20",
        "queue.serviceScv", "0");

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
    // One player never waits: the lowest level's round trip is the 20 ms service and the HTTP
    // exchange around it, nearly constant — on an injector that was not itself starved, which
    // would stretch every round trip it times.
    assertThat(steps.get(0).meanMillis()).isGreaterThanOrEqualTo(20.0);
    boolean saturated = RunRecords.read(run.runFolder().orElseThrow().resolve(RunRecord.FILE_NAME))
        .health().saturated();
    if (!saturated) {
      assertThat(steps.get(0).meanMillis()).isLessThanOrEqualTo(35.0);
      assertThat(steps.get(0).scv()).isLessThan(0.15);
    }
    // Eight players share four workers: the node serves at most 4 / 20 ms = 200 spins/s.
    assertThat(steps.get(3).throughputPerSecond()).isLessThan(210);
    NodeService node = NodeService.of(usl, steps);
    assertThat(node.scvMeasured()).isTrue();
    if (!saturated) {
      assertThat(node.workers()).isBetween(3, 5);
      assertThat(node.serviceMillis()).isBetween(16.0, 35.0);
    }
  }
}
