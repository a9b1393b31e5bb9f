package io.casinoperf.gate.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.casinoperf.gate.testing.LogFileWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunSummariesTest {
  private static final long START = Instant.parse("2026-11-27T10:00:00Z").toEpochMilli();

  @TempDir Path dir;

  private LogFileWriter run(long start) {
    return new LogFileWriter().run("3.15.1", "casino.WalletSimulation", start, List.of("Players"));
  }

  @Test
  void countsErrorsAndNearestRankPercentilesPerRequest() {
    LogFileWriter log = run(START);
    // Login takes 1, 2, ..., 100 ms; the 100th fails twice over with the same message.
    for (int ms = 1; ms <= 100; ms++) {
      log.request(List.of(), "Login", 1_000, 1_000 + ms, ms < 99, ms < 99 ? "" : "status 503");
    }
    log.request(List.of(), "Spin", 2_000, 2_007, true, "");

    RunSummary summary = RunSummaries.read(List.of(log.writeTo(dir.resolve("a.log"))));

    RequestStats login = summary.requests().get(RequestKey.of("Login"));
    assertThat(login.count()).isEqualTo(100);
    assertThat(login.koCount()).isEqualTo(2);
    assertThat(login.errorRate()).isEqualTo(0.02);
    assertThat(login.percentileMillis(50)).isEqualTo(50);
    assertThat(login.percentileMillis(95)).isEqualTo(95);
    assertThat(login.percentileMillis(99)).isEqualTo(99);
    assertThat(login.percentileMillis(100)).isEqualTo(100);
    assertThat(LatencyHistograms.percentile(login.ok(), 100)).isEqualTo(98);
    assertThat(summary.all().count()).isEqualTo(101);
    assertThat(summary.topErrors(5)).containsExactly(new RunSummary.ErrorCount("status 503", 2));
  }

  @Test
  void logsThatFollowEachOtherWithoutOverlapAreReadWithAWarning() {
    Path morning = run(START).request(List.of(), "Spin", 0, 1_000, true, "").writeTo(dir.resolve("m.log"));
    Path later = run(START + 3_600_000).request(List.of(), "Spin", 0, 1_000, true, "")
        .writeTo(dir.resolve("l.log"));
    Path shard = run(START + 500).request(List.of(), "Spin", 0, 1_000, true, "").writeTo(dir.resolve("s.log"));

    assertThat(RunSummaries.read(List.of(morning, later)).warnings()).singleElement().asString()
        .startsWith(later + " started 59 min after " + morning + " had ended");
    assertThat(RunSummaries.read(List.of(morning, shard)).warnings()).isEmpty();
  }

  @Test
  void percentilesAreExactForLongResponseTimesToo() {
    LogFileWriter log = run(START);
    long[] values = {12_345, 23_456, 31_999, 32_767};
    for (long value : values) {
      log.request(List.of(), "Slow report", 0, (int) value, true, "");
    }

    RequestStats slow = RunSummaries.read(List.of(log.writeTo(dir.resolve("slow.log"))))
        .requests().get(RequestKey.of("Slow report"));

    assertThat(slow.percentileMillis(25)).isEqualTo(12_345);
    assertThat(slow.percentileMillis(50)).isEqualTo(23_456);
    assertThat(slow.percentileMillis(75)).isEqualTo(31_999);
    assertThat(slow.percentileMillis(100)).isEqualTo(32_767);
  }

  @Test
  void requestsInDifferentGroupsAreDifferentRequestsAndGroupsHaveDurations() {
    LogFileWriter log = run(START)
        .request(List.of("Spin to balance push"), "Spin", 10, 30, true, "")
        .group(List.of("Spin to balance push"), 10, 45, 20, true)
        .request(List.of(), "Spin", 50, 60, true, "");

    RunSummary summary = RunSummaries.read(List.of(log.writeTo(dir.resolve("g.log"))));

    assertThat(summary.requests().keySet()).extracting(RequestKey::path)
        .containsExactly("Spin", "Spin to balance push / Spin");
    RequestStats group = summary.groups().get(RequestKey.of("Spin to balance push"));
    assertThat(group.count()).isOne();
    assertThat(group.percentileMillis(99)).isEqualTo(35);
  }

  @Test
  void usersErrorRecordsAndRunSpanAreCounted() {
    LogFileWriter log = run(START)
        .user(0, true, 0)
        .request(List.of(), "Login", 1, 5, true, "")
        .error("No attribute named 'token' is defined", 6)
        .user(0, false, 2_500);

    RunSummary summary = RunSummaries.read(List.of(log.writeTo(dir.resolve("u.log"))));

    assertThat(summary.usersStarted()).isOne();
    assertThat(summary.usersEnded()).isOne();
    assertThat(summary.errors()).containsEntry("No attribute named 'token' is defined", 1L);
    assertThat(summary.start()).isEqualTo(Instant.ofEpochMilli(START));
    assertThat(summary.duration().toMillis()).isEqualTo(2_500);
    assertThat(summary.simulationClass()).isEqualTo("casino.WalletSimulation");
    assertThat(summary.partial()).isFalse();
  }

  @Test
  void injectorsMergeAsOneHistogramFedEverySample() {
    SplittableRandom random = new SplittableRandom(2026);
    LogFileWriter whole = run(START);
    LogFileWriter first = run(START);
    LogFileWriter second = run(START - 1_500);
    for (int i = 0; i < 20_000; i++) {
      int latency = (int) Math.round(20 * Math.exp(0.5 * random.nextGaussian()));
      boolean ok = random.nextInt(100) != 0;
      String message = ok ? "" : "timeout";
      int start = random.nextInt(60_000);
      whole.request(List.of(), "Spin", start, start + latency, ok, message);
      if (i % 2 == 0) {
        first.request(List.of(), "Spin", start, start + latency, ok, message);
      } else {
        // the second injector started 1.5 s earlier: same absolute times are 1,500 ms later
        second.request(List.of(), "Spin", start + 1_500, start + 1_500 + latency, ok, message);
      }
    }

    RunSummary one = RunSummaries.read(List.of(whole.writeTo(dir.resolve("whole.log"))));
    RunSummary merged = RunSummaries.read(
        List.of(first.writeTo(dir.resolve("i1.log")), second.writeTo(dir.resolve("i2.log"))));

    RequestStats expected = one.requests().get(RequestKey.of("Spin"));
    RequestStats actual = merged.requests().get(RequestKey.of("Spin"));
    assertThat(actual.count()).isEqualTo(expected.count());
    assertThat(actual.koCount()).isEqualTo(expected.koCount());
    assertThat(actual.all()).isEqualTo(expected.all());
    for (double p : new double[] {50, 90, 95, 99, 99.9, 100}) {
      assertThat(actual.percentileMillis(p)).as("p%s", p).isEqualTo(expected.percentileMillis(p));
    }
    assertThat(merged.timeline().firstEpochSecond()).isEqualTo(one.timeline().firstEpochSecond());
    assertThat(merged.timeline().requestsPerSecond()).isEqualTo(one.timeline().requestsPerSecond());
    assertThat(merged.timeline().kosPerSecond()).isEqualTo(one.timeline().kosPerSecond());
    assertThat(merged.injectors()).hasSize(2);
  }

  @Test
  void aCutLogMakesThePartialRunSayWhichFile() throws Exception {
    LogFileWriter log = run(START)
        .request(List.of(), "Login", 1, 5, true, "")
        .request(List.of(), "Login", 6, 9, true, "");
    byte[] bytes = log.bytes();
    Path cut = Files.write(dir.resolve("crashed.log"), Arrays.copyOf(bytes, bytes.length - 2));

    RunSummary summary = RunSummaries.read(List.of(cut));

    assertThat(summary.partial()).isTrue();
    assertThat(summary.all().count()).isOne();
    assertThat(summary.warnings()).singleElement().asString()
        .startsWith(cut + ": cut off inside a record after 1 whole records");
  }

  @Test
  void logsOfDifferentSimulationsDoNotMerge() {
    Path a = run(START).writeTo(dir.resolve("a.log"));
    Path b = new LogFileWriter().run("3.15.1", "casino.OtherSimulation", START, List.of("s"))
        .writeTo(dir.resolve("b.log"));

    assertThatThrownBy(() -> RunSummaries.read(List.of(a, b)))
        .isInstanceOf(RunSummaries.MismatchedLogsException.class)
        .hasMessageContaining("casino.OtherSimulation");
  }

  @Test
  void emptyRunHasZeroPercentilesAndNoTimeline() {
    RunSummary summary = RunSummaries.read(List.of(run(START).writeTo(dir.resolve("e.log"))));

    assertThat(summary.all().count()).isZero();
    assertThat(summary.all().percentileMillis(99)).isZero();
    assertThat(summary.all().errorRate()).isZero();
    assertThat(summary.timeline().seconds()).isZero();
    assertThat(summary.duration()).isZero();
  }

  @Test
  void eachPhaseHoldsTheRequestsThatStartedInItsWindowsTimedFromTheirOwnLogsStart() {
    PhaseClock phases = PhaseClock.of(List.of(
        new io.casinoperf.run.RunRecord.Phase("base", List.of(
            io.casinoperf.run.RunRecord.Window.between(java.time.Duration.ZERO, java.time.Duration.ofSeconds(10)),
            io.casinoperf.run.RunRecord.Window.from(java.time.Duration.ofSeconds(20)))),
        new io.casinoperf.run.RunRecord.Phase("peak", List.of(
            io.casinoperf.run.RunRecord.Window.between(java.time.Duration.ofSeconds(10), java.time.Duration.ofSeconds(20))))));
    // Two injectors, the second started 4 s later: its 9.5 s is still its base, its 12 s its peak.
    Path first = run(START)
        .request(List.of(), "Spin", 1_000, 1_010, true, "")
        .request(List.of(), "Spin", 12_000, 12_300, true, "")
        .request(List.of(), "Login", 15_000, 15_200, false, "status 503")
        .request(List.of(), "Spin", 25_000, 25_020, true, "")
        .writeTo(dir.resolve("first.log"));
    Path second = run(START + 4_000)
        .request(List.of(), "Spin", 9_500, 9_530, true, "")
        .request(List.of(), "Spin", 12_000, 12_400, true, "")
        .writeTo(dir.resolve("second.log"));

    RunSummary summary = RunSummaries.read(List.of(first, second), phases);

    assertThat(summary.phases()).extracting(PhaseSummary::name).containsExactly("base", "peak");
    PhaseSummary base = summary.phases().get(0);
    PhaseSummary peak = summary.phases().get(1);
    assertThat(base.all().count()).isEqualTo(3);
    assertThat(base.requests().keySet()).containsExactly(RequestKey.of("Spin"));
    assertThat(base.all().percentileMillis(100)).isEqualTo(30);
    assertThat(peak.all().count()).isEqualTo(3);
    assertThat(peak.requests().get(RequestKey.of("Spin")).percentileMillis(100)).isEqualTo(400);
    assertThat(peak.requests().get(RequestKey.of("Login")).koCount()).isEqualTo(1);
    // The whole run is unchanged by phases.
    assertThat(summary.all().count()).isEqualTo(6);
    assertThat(RunSummaries.read(List.of(first, second)).phases()).isEmpty();
  }

  @Test
  void theSameLogTwiceUnderAnyNameOrAsACopyIsRefused() throws Exception {
    Path log = run(START).request(List.of(), "Spin", 0, 10, true, "").writeTo(dir.resolve("a.log"));
    Path copy = Files.copy(log, dir.resolve("copy.log"));
    Path other = run(START + 7).request(List.of(), "Spin", 0, 10, true, "").writeTo(dir.resolve("b.log"));

    assertThatThrownBy(() -> RunSummaries.read(List.of(log, dir.resolve(".").resolve("a.log"))))
        .isInstanceOf(RunSummaries.MismatchedLogsException.class)
        .hasMessageEndingWith("(the same file); its responses would count twice");
    assertThatThrownBy(() -> RunSummaries.read(List.of(log, copy)))
        .hasMessage(copy + ": the same log as " + log + " (an identical copy); its responses would count twice");
    assertThat(RunSummaries.read(List.of(log, other)).all().count()).isEqualTo(2);
    // Two injectors started in the same millisecond with as many records: the same header and
    // size, different responses, so two logs.
    Path twin = run(START).request(List.of(), "Spin", 0, 11, true, "").writeTo(dir.resolve("twin.log"));
    assertThat(Files.size(twin)).isEqualTo(Files.size(log));
    assertThat(RunSummaries.read(List.of(log, twin)).all().count()).isEqualTo(2);
  }
}
