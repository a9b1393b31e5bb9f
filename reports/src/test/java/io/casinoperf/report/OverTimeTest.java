package io.casinoperf.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.casinoperf.gate.summary.PhaseClock;
import io.casinoperf.gate.summary.RunSummaries;
import io.casinoperf.gate.summary.RunSummary;
import io.casinoperf.gate.testing.LogFileWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gate report's view of a run over time, on real logs whose shape is known. */
class OverTimeTest {
  private static final long START = 1_795_000_000_000L;

  @TempDir Path dir;

  /**
   * 20 s: ten users start at once, five more at 10 s; every second 50 requests, 10 ms each for the
   * first 10 s and 100 ms after; one request in ten fails after 15 s; the users end at 20 s.
   */
  private RunSummary run(String name, long start, boolean breakerAt12s) {
    LogFileWriter log = new LogFileWriter().run("3.15.1", "casino.Shaped", start, List.of("players"));
    for (int u = 0; u < 10; u++) {
      log.user(0, true, 0);
    }
    for (int u = 0; u < 5; u++) {
      log.user(0, true, 10_000);
    }
    for (int second = 0; second < 20; second++) {
      for (int i = 0; i < 50; i++) {
        int at = second * 1_000 + i * 20;
        boolean ok = second < 15 || i % 10 != 0;
        log.request(List.of(), "Spin", at, at + (second < 10 ? 10 : 100), ok, ok ? "" : "503");
      }
    }
    if (breakerAt12s) {
      log.error("Circuit breaker: i.c.s.b.CircuitBreakerOpen: stopped the run: error rate 40 %", 12_000);
    }
    for (int u = 0; u < 15; u++) {
      log.user(0, false, 20_000);
    }
    return RunSummaries.read(List.of(log.writeTo(dir.resolve(name))), PhaseClock.of(List.of()));
  }

  @Test
  void windowsFollowTheRunsShapeFromItsStart() {
    RunSummary candidate = run("candidate.log", START, true);

    OverTime t = OverTime.of(candidate, Optional.empty(), 200, List.of(3L, 4L, 9L));

    // 20 s in at most 60 windows: one second each.
    assertThat(t.windowSeconds()).isEqualTo(1);
    assertThat(t.candidate()).hasSize(20);
    assertThat(t.candidate()).extracting(OverTime.Window::count).containsOnly(50L);
    assertThat(t.candidate().get(0).p99Millis()).isEqualTo(10);
    assertThat(t.candidate().get(12).p50Millis()).isEqualTo(100);
    assertThat(t.candidate().get(14).errorRate()).isZero();
    assertThat(t.candidate().get(16).errorRate()).isEqualTo(0.1);
    assertThat(t.candidate().get(5).activeUsers()).isEqualTo(10);
    assertThat(t.candidate().get(12).activeUsers()).isEqualTo(15);
    assertThat(t.stoppedAtSecond()).isEqualTo(12);
    assertThat(t.unhealthySeconds()).containsExactly(3L, 4L, 9L);
    assertThat(t.baseline()).isEmpty();
    assertThat(t.sloP99Millis()).isEqualTo(200);
  }

  @Test
  void aBaselineThatRanADayEarlierOverlaysByTimeSinceItsStart() {
    RunSummary candidate = run("candidate.log", START, false);
    RunSummary baseline = run("baseline.log", START - 86_400_000L, false);

    OverTime t = OverTime.of(candidate, Optional.of(baseline), 200, List.of());

    assertThat(t.baseline()).extracting(OverTime.Window::offsetSeconds)
        .containsExactlyElementsOf(t.candidate().stream().map(OverTime.Window::offsetSeconds).toList());
    assertThat(t.baseline()).extracting(OverTime.Window::count).containsOnly(50L);
    assertThat(t.baseline().get(2).p50Millis()).isEqualTo(10);
    assertThat(t.baseline().get(11).p50Millis()).isEqualTo(100);
    // Users are known for the run read from its log only.
    assertThat(t.baseline().get(2).activeUsers()).isNull();
    assertThat(t.stoppedAtSecond()).isNull();
  }

  @Test
  void aRunStartingInsideASecondKeepsEveryResponseInsideItsWindowsSpan() {
    RunSummary candidate = run("candidate.log", START + 437, false);

    OverTime t = OverTime.of(candidate, Optional.empty(), 200, List.of());

    assertThat(t.candidate().stream().mapToLong(OverTime.Window::count).sum()).isEqualTo(1_000);
    assertThat(t.candidate()).hasSizeBetween(20, 21);
    // The 10 ms half and the 100 ms half stay apart by at most one window.
    assertThat(t.candidate().get(8).p99Millis()).isEqualTo(10);
    assertThat(t.candidate().get(11).p50Millis()).isEqualTo(100);
  }

  @Test
  void aLongRunIsCutIntoAtMostSixtyWindowsOfATypableWidth() {
    assertThat(OverTime.niceSeconds(1_000)).isEqualTo(1_000);
    assertThat(OverTime.niceSeconds(3_000)).isEqualTo(5_000);
    assertThat(OverTime.niceSeconds(61_000)).isEqualTo(120_000);
    assertThat(OverTime.niceSeconds(7_200_000)).isEqualTo(7_200_000);
  }
}
