package io.casinoperf.capacity.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.casinoperf.capacity.forecast.CapacityForecast.LatencyPlan;
import io.casinoperf.capacity.forecast.CapacityForecast.QueueAt;
import io.casinoperf.capacity.queueing.MultiServerQueue;
import io.casinoperf.capacity.queueing.NodeSizing.Routing;
import io.casinoperf.capacity.testing.PlatformMetrics;
import java.nio.file.Path;
import org.apache.commons.math3.distribution.GammaDistribution;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The traffic's node count by queueing, on the generated platform ({@link PlatformMetrics}): its
 * load-test steps follow a USL with λ = 40/s, so one user is served in about 25 ms, with a
 * service-time SCV of 0.4 (a gamma of shape 2.5).
 */
class LatencySizingForecastTest {
  @TempDir static Path dir;
  private static ForecastInputs inputs;

  @BeforeAll
  static void generate() throws Exception {
    PlatformMetrics.write(dir, 56, 900, 3.0, 2025);
    inputs = ForecastInputs.load(List.of(dir.resolve("metrics.csv")), dir.resolve("calendar.yaml"),
        dir.resolve("plan.yaml"), dir.resolve("load-steps.csv"), 0, 3);
  }

  private static CapacityForecast forecast(ForecastSettings.LatencySlo slo) {
    ForecastSettings d = ForecastSettings.defaults();
    return CapacityForecaster.forecast(inputs, new ForecastSettings(d.fit(), 0, d.decisionQuantile(),
        d.throughputTarget(), d.runwayDays(), d.draws(), d.seed(), slo));
  }

  /** The p99 of a gamma service time of this mean and SCV 0.4 (shape 2.5). */
  private static double gammaP99(double mean) {
    return new GammaDistribution(2.5, mean / 2.5).inverseCumulativeProbability(0.99);
  }

  private static QueueAt point(LatencyPlan plan, int nodes) {
    return plan.curve().stream().filter(p -> p.nodes() == nodes).findFirst().orElseThrow();
  }

  @Test
  void theChosenCountHoldsP99AndOneFewerDoesNot() {
    CapacityForecast f = forecast(new ForecastSettings.LatencySlo(99, 130, Routing.SPLIT));
    LatencyPlan plan = f.traffic().latency();

    // The steps' lowest level: 1 user, 39.7 spins/s, 25.20 ms mean.
    assertThat(plan.lowLoadMillis()).isEqualTo(25.20);
    assertThat(plan.measuredAtConcurrency()).isEqualTo(1);
    assertThat(plan.scvMeasured()).isTrue();
    assertThat(plan.serviceScv()).isEqualTo(0.4);
    // Workers × service time = the USL's maximum throughput at full occupancy.
    assertThat(plan.workersPerNode() * 1000 / plan.serviceMillis()).isCloseTo(f.usl().maxThroughput(), within(1e-6));
    int nodes = plan.nodes();
    // Each node its own queue with an even share of the P90 peak.
    MultiServerQueue one = new MultiServerQueue(plan.arrivalsPerSecond() / nodes / 1000, plan.serviceMillis(),
        0.4, plan.workersPerNode());
    assertThat(plan.predicted().percentileMillis()).isCloseTo(one.responsePercentile(99), within(1e-9))
        .isLessThanOrEqualTo(130);
    assertThat(plan.predicted().utilisation()).isLessThanOrEqualTo(0.8);
    QueueAt fewer = point(plan, nodes - 1);
    assertThat(fewer.percentileMillis() == null || fewer.percentileMillis() > 130 || fewer.utilisation() > 0.8)
        .as("one node fewer misses a target").isTrue();
    assertThat(plan.arrivalsPerSecond()).isCloseTo(f.traffic().peak().p90(), within(0.02 * f.traffic().peak().p90()));
  }

  @Test
  void aTightSloAsksForMoreNodesThanThroughputAndTheDecisionFollowsIt() {
    // An SLO between the p99 of the service alone and the p99 at the throughput target's count:
    // the nodes must run emptier than 80 %.
    LatencyPlan loose = forecast(new ForecastSettings.LatencySlo(99, 5_000, Routing.SPLIT)).traffic().latency();
    double alone = gammaP99(loose.serviceMillis());
    double atThroughputCount = point(loose, loose.throughputNodes()).percentileMillis();
    double slo = (alone + atThroughputCount) / 2;

    CapacityForecast f = forecast(new ForecastSettings.LatencySlo(99, slo, Routing.SPLIT));
    LatencyPlan plan = f.traffic().latency();
    int spares = f.traffic().nodes().redundancy();

    assertThat(plan.nodes()).isGreaterThan(plan.throughputNodes());
    assertThat(plan.predicted().percentileMillis()).isLessThanOrEqualTo(slo);
    assertThat(f.traffic().nodes().nodesNeeded().p90()).isEqualTo(plan.nodes() + spares);
    assertThat(f.traffic().nodes().decision())
        .isEqualTo("needs " + (plan.nodes() + spares - f.traffic().nodes().currentNodes()) + " more nodes");
    assertThat(f.findings()).anyMatch(x -> x instanceof Finding.QueueingModel q && q.sloMillis() == slo);
  }

  @Test
  void aLooseSloLeavesTheThroughputCount() {
    CapacityForecast f = forecast(new ForecastSettings.LatencySlo(99, 5_000, Routing.SPLIT));
    LatencyPlan plan = f.traffic().latency();

    assertThat(plan.nodes()).isEqualTo(plan.throughputNodes());
    assertThat(f.traffic().nodes().nodesNeeded().p90()).isEqualTo(plan.throughputNodes() + f.traffic().nodes().redundancy());
  }

  @Test
  void onePoolNeedsNoMoreNodesThanQueuesOfTheirOwn() {
    LatencyPlan split = forecast(new ForecastSettings.LatencySlo(99, 130, Routing.SPLIT)).traffic().latency();
    LatencyPlan pooled = forecast(new ForecastSettings.LatencySlo(99, 130, Routing.POOLED)).traffic().latency();

    assertThat(pooled.nodes()).isLessThanOrEqualTo(split.nodes());
    assertThat(pooled.routing()).isEqualTo("pooled");
  }

  @Test
  void anSloFasterThanTheServiceItselfIsSaidAndThroughputDecides() {
    CapacityForecast f = forecast(new ForecastSettings.LatencySlo(99, 50, Routing.SPLIT));
    LatencyPlan plan = f.traffic().latency();

    assertThat(plan.nodes()).isNull();
    assertThat(plan.sloReachable()).isFalse();
    assertThat(f.traffic().nodes().nodesNeeded().p90()).isEqualTo(plan.throughputNodes() + f.traffic().nodes().redundancy());
    assertThat(f.warnings()).anySatisfy(w -> {
      assertThat(w).isInstanceOf(Finding.SloNotMet.class);
      assertThat(((Finding.SloNotMet) w).serviceAloneMillis()).isCloseTo(gammaP99(plan.serviceMillis()), within(0.01));
    });
  }

  @Test
  void withoutAnSloThereIsNoQueueing() {
    CapacityForecast f = forecast(null);

    assertThat(f.traffic().latency()).isNull();
    assertThat(f.findings()).noneMatch(x -> x instanceof Finding.QueueingModel);
  }

  @Test
  void todaysNodesArePredictedToo() {
    LatencyPlan plan = forecast(new ForecastSettings.LatencySlo(99, 130, Routing.SPLIT)).traffic().latency();

    assertThat(plan.today()).isNotNull();
    assertThat(plan.today().nodes()).isEqualTo(inputs.plan().traffic().nodes() - inputs.plan().traffic().redundancy());
  }
}
