package io.casinoperf.capacity.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Node counts and headroom, each case worked by hand. */
class ResourceTest {
  private static final Resource APP_CPU = new Resource("app-cpu", "cpu_percent", "%", true, 6, 70, 1);
  private static final Resource DB = new Resource("db", "db_connections", "connections", false, 1, 800, 0);

  @Test
  void cpuAtHalfOnSixNodesWithNPlusOneNeedsSixNodes() {
    // 50 % × 6 nodes = 300; ceil(300 / 70) = ceil(4.29) = 5; + 1 spare = 6.
    assertThat(APP_CPU.demand(50)).isEqualTo(300.0);
    assertThat(APP_CPU.nodesNeeded(50)).isEqualTo(6);
    // Usable: 70 × (6 − 1) = 350; headroom (350 − 300) / 350.
    assertThat(APP_CPU.usableCapacity()).isEqualTo(350.0);
    assertThat(APP_CPU.headroom(50)).isCloseTo(50.0 / 350, within(1e-12));
  }

  @Test
  void cpuBeyondTheUsableNodesNeedsMoreAndHasNegativeHeadroom() {
    // 65 % × 6 = 390; ceil(390 / 70) = ceil(5.57) = 6; + 1 = 7; headroom (350 − 390) / 350.
    assertThat(APP_CPU.nodesNeeded(65)).isEqualTo(7);
    assertThat(APP_CPU.headroom(65)).isCloseTo(-40.0 / 350, within(1e-12));
  }

  @Test
  void demandExactlyAtTheLimitNeedsNoExtraNode() {
    Resource cpu = new Resource("cpu", "cpu", "%", true, 6, 70, 0);
    // 70 % × 6 = 420 = 6 × 70.
    assertThat(cpu.nodesNeeded(70)).isEqualTo(6);
    assertThat(cpu.headroom(70)).isEqualTo(0.0);
    // 0.1 × 3 is 0.30000000000000004 in binary; divided by 0.1 it is just above 3.
    Resource share = new Resource("cpu", "cpu_share", "share", true, 3, 0.1, 0);
    assertThat(share.nodesNeeded(0.1)).isEqualTo(3);
  }

  @Test
  void idleResourceStillNeedsOneNodePlusItsSpares() {
    assertThat(APP_CPU.nodesNeeded(0)).isEqualTo(2);
    assertThat(DB.nodesNeeded(0)).isEqualTo(1);
  }

  @Test
  void instanceTotalIsItsOwnDemand() {
    // 600 of 800 connections: one instance, a quarter spare.
    assertThat(DB.demand(600)).isEqualTo(600.0);
    assertThat(DB.nodesNeeded(600)).isEqualTo(1);
    assertThat(DB.headroom(600)).isEqualTo(0.25);
    // 1000 connections need ceil(1000 / 800) = 2 instances; 200 over of 800 is −0.25.
    assertThat(DB.nodesNeeded(1000)).isEqualTo(2);
    assertThat(DB.headroom(1000)).isEqualTo(-0.25);
  }

  @Test
  void instanceWithStandbyKeepsOneInstanceOfCapacity() {
    Resource uncounted = new Resource("db", "db_connections", "connections", false, 1, 800, 1);
    Resource counted = new Resource("db", "db_connections", "connections", false, 2, 800, 1);
    Resource shards = new Resource("redis", "redis_used_bytes", "bytes", false, 4, 1000, 1);

    assertThat(uncounted.usableCapacity()).isEqualTo(800.0);
    assertThat(counted.usableCapacity()).isEqualTo(800.0);
    assertThat(uncounted.nodesNeeded(600)).isEqualTo(2);
    // Four shards, one spare: 3 × 1000 usable; 2500 bytes need ceil(2.5) = 3 + 1 = 4.
    assertThat(shards.usableCapacity()).isEqualTo(3000.0);
    assertThat(shards.nodesNeeded(2500)).isEqualTo(4);
    assertThat(shards.headroom(2500)).isCloseTo(500.0 / 3000, within(1e-12));
  }

  @Test
  void negativeOrMissingSeriesValuesAreProgrammingErrors() {
    assertThatThrownBy(() -> APP_CPU.nodesNeeded(-1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("app-cpu");
    assertThatThrownBy(() -> DB.headroom(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void percentLimitAboveAHundredIsFineForATotal() {
    // A cluster-wide total in % (summed over nodes) can exceed 100.
    assertThat(new Resource("cpu-total", "cpu_sum", "%", false, 1, 420, 0).limit()).isEqualTo(420.0);
  }
}
