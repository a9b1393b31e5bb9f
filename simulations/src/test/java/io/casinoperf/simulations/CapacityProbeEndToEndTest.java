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
      // The node's workers are the USL's maximum (at most the pool's 200 spins/s) times the
      // lowest level's round trip, which holds the HTTP exchange besides the 20 ms service: up to
      // the 35 ms accepted above, so 3 to 7 for the 4 workers there are (one CI run gave 6).
      assertThat(node.workers()).isBetween(3, 7);
      assertThat(node.serviceMillis()).isBetween(16.0, 35.0);
    }
  }

  /**
   * The same probe against the platform outside the run's JVM, with a real Prometheus scraping
   * its /metrics every second: each level's row gains the mean of each resource over its window.
   */
  @Test
  void recordsEachLevelsResourceUseFromPrometheus() throws Exception {
    io.casinoperf.capacity.testing.RealPrometheus.requireInstalled();
    Path csv = probe.resolve("load-steps.csv");
    io.casinoperf.mocks.conditions.Conditions queue = new io.casinoperf.mocks.conditions.Conditions(
        io.casinoperf.mocks.conditions.Mode.QUEUE, 10, 0.4, 25, 0.9, 5, 1, 1, 4, 20, 0);
    try (var platform = io.casinoperf.mocks.PlatformMock.start(
            io.casinoperf.mocks.PlatformMockConfig.defaults().withConditions(queue));
        var prometheus = io.casinoperf.capacity.testing.RealPrometheus.scraping(probe,
            Map.of("casino-platform", "127.0.0.1:" + platform.port()))) {
      Map<String, String> properties = new java.util.HashMap<>(Map.of(
          "capacityProbe.levels", "1,2,4,8",
          "capacityProbe.stepDuration", "4s",
          "capacityProbe.rampBetween", "1s",
          "capacityProbe.spinsPerPlayer", "10",
          "capacityProbe.output", csv.toString(),
          "target", platform.baseUrl().toString(),
          "prometheus", prometheus.url()));
      properties.put("probe.resources", "db_connections=casino_platform_db_connections{job=\"casino-platform\"},"
          + "pool=max by (job) (casino_platform_db_connections_max),"
          + "spins_per_s=sum(irate(casino_platform_requests_total{operation=\"spin\", code=\"200\"}[3s]))");

      // As on staging, Prometheus has been scraping the platform before the probe starts.
      prometheus.awaitScraped("casino-platform");
      var run = GatlingProcess.run(CapacityProbeSimulation.class, properties, results, Duration.ofMinutes(2));

      assertThat(run.exitCode()).as(run.stdout() + run.stderr()).isZero();
      assertThat(run.stdout()).contains("with the resources db_connections, pool, spins_per_s");
      List<LoadStep> steps = LoadSteps.read(csv);
      assertThat(steps).hasSize(4);
      List<Map<String, String>> rows = new java.util.ArrayList<>();
      var csvMapper = new com.fasterxml.jackson.dataformat.csv.CsvMapper();
      try (com.fasterxml.jackson.databind.MappingIterator<Map<String, String>> it = csvMapper
          .readerFor(Map.class).with(com.fasterxml.jackson.dataformat.csv.CsvSchema.emptySchema().withHeader())
          .readValues(csv.toFile())) {
        it.forEachRemaining(rows::add);
      }
      String written = java.nio.file.Files.readString(csv);
      assertThat(rows).as(written).hasSize(4).allSatisfy(row -> {
        assertThat(row.get("pool")).as(written).isNotEmpty();
        assertThat(row.get("db_connections")).as(written).isNotEmpty();
        assertThat(row.get("spins_per_s")).as(written).isNotEmpty();
        assertThat(Double.parseDouble(row.get("pool"))).isEqualTo(400.0);
        assertThat(Double.parseDouble(row.get("db_connections"))).isGreaterThan(5.0);
      });
      // More load, more modelled connections (5 + players ÷ 50 + spins/s × 4 ms).
      assertThat(Double.parseDouble(rows.get(3).get("db_connections")))
          .isGreaterThan(Double.parseDouble(rows.get(0).get("db_connections")));
      // The platform's own count of spins per second (from its last two scrapes, a second apart)
      // is the probe's, level by level.
      for (int k = 0; k < 4; k++) {
        assertThat(Double.parseDouble(rows.get(k).get("spins_per_s"))).as("level %d", k)
            .as(written).isCloseTo(steps.get(k).throughputPerSecond(), org.assertj.core.api.Assertions.withinPercentage(25));
      }
    }
  }
}
