package io.casinoperf.capacity.queueing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import static io.casinoperf.capacity.queueing.NodeSizing.Routing.POOLED;
import static io.casinoperf.capacity.queueing.NodeSizing.Routing.SPLIT;

import org.junit.jupiter.api.Test;

class NodeSizingTest {

  @Test
  void theAnswerIsTheSmallestNodeCountMeetingTheSloAndTheUtilisationTarget() {
    // 2,000 requests/s of 20 ms, 8 workers a node: 40 Erlangs, so at least 6 nodes to be stable.
    NodeSizing sizing = NodeSizing.size(2_000, 0.020, 1, 8, POOLED, 99, 0.100, 0.85, 100);

    int nodes = sizing.nodes();
    assertThat(nodes).isPositive();
    MultiServerQueue chosen = MultiServerQueue.markovian(2_000, 0.020, nodes * 8);
    MultiServerQueue fewer = MultiServerQueue.markovian(2_000, 0.020, (nodes - 1) * 8);
    assertThat(chosen.utilisation()).isLessThanOrEqualTo(0.85);
    assertThat(chosen.responsePercentile(99)).isLessThanOrEqualTo(0.100);
    assertThat(!fewer.stable() || fewer.utilisation() > 0.85 || fewer.responsePercentile(99) > 0.100)
        .as("one node fewer misses a target").isTrue();
    assertThat(sizing.percentileMillis()).isEqualTo(chosen.responsePercentile(99));
    assertThat(sizing.sloReachable()).isTrue();
  }

  @Test
  void theCurveFallsWithEveryNodeFromTheFirstStableCount() {
    NodeSizing sizing = NodeSizing.size(2_000, 0.020, 1, 8, POOLED, 99, 0.100, 0.85, 100);

    assertThat(sizing.curve()).isNotEmpty();
    assertThat(sizing.curve().get(0).nodes()).isEqualTo(6);
    assertThat(sizing.curve()).extracting(NodeSizing.Point::percentile)
        .isSortedAccordingTo((a, b) -> Double.compare(b, a));
    assertThat(sizing.curve().get(sizing.curve().size() - 1).nodes())
        .isEqualTo(sizing.nodes() + NodeSizing.BEYOND);
  }

  @Test
  void aTightSloNeedsMoreNodesThanTheUtilisationTargetAlone() {
    NodeSizing loose = NodeSizing.size(2_000, 0.020, 1, 8, POOLED, 99, 1.0, 0.85, 100);
    NodeSizing tight = NodeSizing.size(2_000, 0.020, 1, 8, POOLED, 99, 0.0922, 0.85, 100);

    // 40 Erlangs at <= 85 %: 48 workers, 6 nodes.
    assertThat(loose.nodes()).isEqualTo(6);
    assertThat(tight.nodes()).isGreaterThan(loose.nodes());
  }

  @Test
  void anSloFasterThanTheServiceItselfIsUnreachableAndSaysSo() {
    // p99 of an exponential 20 ms service alone is 92 ms: no node count brings it to 50 ms.
    NodeSizing sizing = NodeSizing.size(2_000, 0.020, 1, 8, POOLED, 99, 0.050, 0.85, 100);

    assertThat(sizing.sloReachable()).isFalse();
    assertThat(sizing.nodes()).isEqualTo(-1);
    assertThat(sizing.curve().size()).isLessThan(20);
  }

  @Test
  void impossibleTargetsAreRefused() {
    assertThatThrownBy(() -> NodeSizing.size(1, 1, 1, 0, POOLED, 99, 1, 0.8, 10)).hasMessageContaining("workers");
    assertThatThrownBy(() -> NodeSizing.size(1, 1, 1, 1, POOLED, 99, 1, 0, 10)).hasMessageContaining("utilisation");
    assertThatThrownBy(() -> NodeSizing.size(1, 1, 1, 1, POOLED, 99, 0, 0.8, 10)).hasMessageContaining("SLO");
  }

  @Test
  void nodesWithQueuesOfTheirOwnNeedAtLeastAsManyAsOnePoolAndEachGetsItsShare() {
    NodeSizing pooled = NodeSizing.size(2_000, 0.020, 1, 8, POOLED, 99, 0.100, 0.85, 100);
    NodeSizing split = NodeSizing.size(2_000, 0.020, 1, 8, SPLIT, 99, 0.100, 0.85, 100);

    assertThat(split.nodes()).isGreaterThan(pooled.nodes());
    MultiServerQueue oneNode = MultiServerQueue.markovian(2_000.0 / split.nodes(), 0.020, 8);
    assertThat(split.queue()).isEqualTo(oneNode);
    assertThat(split.percentileMillis()).isEqualTo(oneNode.responsePercentile(99));
    MultiServerQueue oneFewer = MultiServerQueue.markovian(2_000.0 / (split.nodes() - 1), 0.020, 8);
    assertThat(oneFewer.responsePercentile(99)).isGreaterThan(0.100);
    // The same utilisation either way: the split changes the waits, not the work.
    assertThat(split.curve().get(0).utilisation()).isEqualTo(pooled.curve().get(0).utilisation(), offset(1e-12));
  }
}
