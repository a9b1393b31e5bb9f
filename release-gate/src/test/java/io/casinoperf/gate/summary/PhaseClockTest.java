package io.casinoperf.gate.summary;

import static org.assertj.core.api.Assertions.assertThat;

import io.casinoperf.run.RunRecord;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PhaseClockTest {
  private static final PhaseClock BASE_WITH_PEAK = PhaseClock.of(List.of(
      new RunRecord.Phase("base", List.of(
          RunRecord.Window.between(Duration.ZERO, Duration.ofSeconds(10)),
          RunRecord.Window.from(Duration.ofSeconds(20)))),
      new RunRecord.Phase("peak", List.of(
          RunRecord.Window.between(Duration.ofSeconds(10), Duration.ofSeconds(20))))));

  @Test
  void aMomentBelongsToThePhaseWhoseWindowHoldsItStartIncludedEndExcluded() {
    assertThat(BASE_WITH_PEAK.names()).containsExactly("base", "peak");
    assertThat(BASE_WITH_PEAK.phaseAt(0)).isZero();
    assertThat(BASE_WITH_PEAK.phaseAt(9_999)).isZero();
    assertThat(BASE_WITH_PEAK.phaseAt(10_000)).isEqualTo(1);
    assertThat(BASE_WITH_PEAK.phaseAt(19_999)).isEqualTo(1);
    assertThat(BASE_WITH_PEAK.phaseAt(20_000)).isZero();
    assertThat(BASE_WITH_PEAK.phaseAt(86_400_000L * 7)).isZero();
  }

  @Test
  void momentsOutsideEveryWindowBelongToNoPhase() {
    PhaseClock gaps = PhaseClock.of(List.of(new RunRecord.Phase("ramp",
        List.of(RunRecord.Window.between(Duration.ofSeconds(5), Duration.ofSeconds(6))))));

    assertThat(gaps.phaseAt(-1)).isEqualTo(-1);
    assertThat(gaps.phaseAt(4_999)).isEqualTo(-1);
    assertThat(gaps.phaseAt(5_500)).isZero();
    assertThat(gaps.phaseAt(6_000)).isEqualTo(-1);
    assertThat(PhaseClock.none().names()).isEmpty();
    assertThat(PhaseClock.none().phaseAt(0)).isEqualTo(-1);
  }
}
