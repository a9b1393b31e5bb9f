package io.casinoperf.mocks.conditions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueueSlotsTest {
  private static final long MS = 1_000_000;

  @Test
  void requestsThatFindEveryWorkerBusyWaitInArrivalOrder() {
    // Two workers, 50 ms each, six requests at once: served in pairs.
    QueueSlots slots = new QueueSlots(2);
    List<Long> untilServed = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      untilServed.add(slots.admit(1_000 * MS, 50 * MS) / MS);
    }

    assertThat(untilServed).containsExactly(50L, 50L, 100L, 100L, 150L, 150L);
  }

  @Test
  void aRequestArrivingAfterTheQueueEmptiedIsServedAtOnce() {
    QueueSlots slots = new QueueSlots(1);
    assertThat(slots.admit(0, 30 * MS)).isEqualTo(30 * MS);
    assertThat(slots.admit(10 * MS, 30 * MS)).as("waits 20 ms").isEqualTo(50 * MS);
    assertThat(slots.admit(500 * MS, 30 * MS)).as("the worker is free again").isEqualTo(30 * MS);
  }

  @Test
  void aWaitingRequestTakesTheWorkerThatFreesFirst() {
    QueueSlots slots = new QueueSlots(2);
    slots.admit(0, 100 * MS);
    slots.admit(0, 20 * MS);
    // The second worker frees at 20 ms: a request at 10 ms waits 10 ms, not 90.
    assertThat(slots.admit(10 * MS, 5 * MS)).isEqualTo(15 * MS);
  }

  @Test
  void noWorkersIsRefused() {
    assertThatThrownBy(() -> new QueueSlots(0)).hasMessageContaining("workers");
  }
}
