package io.casinoperf.capacity.queueing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.casinoperf.capacity.usl.LoadStep;
import io.casinoperf.capacity.usl.UslFit;
import io.casinoperf.capacity.usl.UslModel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NodeServiceTest {
  /** σ = 0.02, κ = 0.0005, λ = 50/s: one user is served in 20 ms. */
  private static final UslModel USL = usl(0.02, 0.0005, 50);

  private static UslModel usl(double sigma, double kappa, double lambda) {
    return new UslModel(sigma, kappa, lambda, Double.NaN, Double.NaN, Double.NaN, 1, Double.NaN, 7);
  }

  private static List<LoadStep> steps(UslModel usl, double lowMean, double lowScv, int... levels) {
    List<LoadStep> steps = new ArrayList<>();
    for (int n : levels) {
      double x = usl.throughputAt(n);
      // Closed, without think time: Little's law gives the mean response time n / X(n).
      double mean = n == levels[0] ? lowMean : 1000 * n / x;
      steps.add(new LoadStep(n, x, Double.NaN, 0, mean, n == levels[0] ? lowScv : 1.5));
    }
    return steps;
  }

  @Test
  void aNodeHasTheWorkersThatServeItsMaximumAtTheLowLoadServiceTime() {
    // N* = √(0.98 / 0.0005) = 44.27; X(N*) = 50 × 44.27 / (1 + 0.02 × 43.27 + 0.0005 × 44.27 × 43.27)
    // = 784.1/s; 784.1 × 0.020 s = 15.7 requests in service: 16 workers of 16 / 784.1 s = 20.41 ms.
    NodeService node = NodeService.of(USL, steps(USL, 20, 0.7, 1, 2, 4, 8, 16, 32, 64));

    assertThat(node.maxThroughputPerSecond()).isCloseTo(784.1, within(0.1));
    assertThat(node.workers()).isEqualTo(16);
    assertThat(node.serviceMillis()).isCloseTo(20.41, within(0.01));
    assertThat(node.workers() * 1000 / node.serviceMillis()).isCloseTo(node.maxThroughputPerSecond(), within(1e-9));
    assertThat(node.serviceScv()).isEqualTo(0.7);
    assertThat(node.lowLoadMillis()).isEqualTo(20);
    assertThat(node.measuredAtConcurrency()).isEqualTo(1);
    assertThat(node.scvMeasured()).isTrue();
  }

  @Test
  void theLowestLevelWithAServiceTimeCountsAndItsRepeatsAreAveraged() {
    List<LoadStep> steps = new ArrayList<>();
    steps.add(new LoadStep(8, USL.throughputAt(8), Double.NaN, 0, 30, 2));
    steps.add(new LoadStep(1, USL.throughputAt(1), Double.NaN, 0)); // no service time
    steps.add(new LoadStep(2, USL.throughputAt(2), Double.NaN, 0, 19, 0.6));
    steps.add(new LoadStep(4, USL.throughputAt(4), Double.NaN, 0, 25, 1));
    steps.add(new LoadStep(2, USL.throughputAt(2), Double.NaN, 0, 21, 0.8));

    NodeService node = NodeService.of(USL, steps);

    assertThat(node.measuredAtConcurrency()).isEqualTo(2);
    assertThat(node.lowLoadMillis()).isCloseTo(20, within(1e-12));
    assertThat(node.serviceScv()).isCloseTo(0.7, within(1e-12));
  }

  @Test
  void withoutMeasuredServiceTimesOneUsersResponseTimeIsTakenAsExponential() {
    List<LoadStep> steps = List.of(LoadStep.of(1, 50), LoadStep.of(2, 98), LoadStep.of(4, 190));

    NodeService node = NodeService.of(USL, steps);

    assertThat(node.lowLoadMillis()).isCloseTo(20, within(1e-12)); // 1 / λ
    assertThat(node.serviceScv()).isEqualTo(1);
    assertThat(node.scvMeasured()).isFalse();
    assertThat(node.measuredAtConcurrency()).isNaN();
  }

  @Test
  void contentionThatCostsMoreThanParallelismGainsLeavesOneSlowerWorker() {
    // The peak is at one user (√(0.5 / 0.5)): the node never serves more than λ = 50/s, although
    // a single request measured 5 ms: one worker of 20 ms.
    UslModel serial = usl(0.5, 0.5, 50);
    NodeService node = NodeService.of(serial, steps(serial, 5, 1, 1, 2, 4));

    assertThat(node.workers()).isEqualTo(1);
    assertThat(node.serviceMillis()).isCloseTo(20, within(1e-9));
  }

  @Test
  void aPoolOfWorkersWithAHardLimitIsRecoveredFromItsProbe() {
    // What the platform's queue mode is: 8 workers of 20 ms. Closed and without think time, n
    // players keep min(n, 8) workers busy: X(n) = min(n, 8) / 20 ms.
    List<LoadStep> steps = new ArrayList<>();
    for (int n : new int[] {1, 2, 4, 8, 16, 32}) {
      double x = Math.min(n, 8) / 0.020;
      steps.add(new LoadStep(n, x, Double.NaN, 0, 1000 * n / x, 1));
    }

    NodeService node = NodeService.of(UslFit.fit(steps), steps);

    assertThat(node.workers()).isBetween(7, 9);
    assertThat(node.serviceMillis()).isCloseTo(20, within(3.0));
    assertThat(node.maxThroughputPerSecond()).isCloseTo(400, within(40.0));
  }

  @Test
  void sizingTakesArrivalsPerSecondAndAnswersInMilliseconds() {
    NodeService node = NodeService.of(USL, steps(USL, 20, 1, 1, 2, 4, 8, 16, 32, 64));

    NodeSizing sizing = node.size(2_000, NodeSizing.Routing.SPLIT, 99, 150, 0.8, 100);
    NodeSizing direct = NodeSizing.size(2.0, node.serviceMillis(), 1, node.workers(), NodeSizing.Routing.SPLIT,
        99, 150, 0.8, 100);

    assertThat(sizing).isEqualTo(direct);
    // 2,000/s against 784.1/s a node at 80 %: at least ⌈2,000 / 627.3⌉ = 4 nodes.
    assertThat(sizing.nodes()).isGreaterThanOrEqualTo(4);
    assertThat(sizing.percentileMillis()).isLessThanOrEqualTo(150).isGreaterThan(node.serviceMillis());
  }

  @Test
  void aNodeWithoutAThroughputLimitCannotBeQueuedAgainst() {
    UslModel linear = usl(0, 0, 50);
    assertThatThrownBy(() -> NodeService.of(linear, steps(linear, 20, 1, 1, 2, 4)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no throughput limit");
  }
}
