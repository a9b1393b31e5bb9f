package io.casinoperf.simulations;

import static org.assertj.core.api.Assertions.assertThat;

import io.casinoperf.gate.log.SimulationLogListener;
import io.casinoperf.gate.log.SimulationLogReader;
import io.casinoperf.gate.summary.RunSummaries;
import io.casinoperf.gate.summary.RunSummary;
import io.casinoperf.gate.verdict.Gate;
import io.casinoperf.gate.verdict.GateSettings;
import io.casinoperf.gate.verdict.RunVerdict;
import io.casinoperf.mocks.PlatformMock;
import io.casinoperf.mocks.PlatformMockConfig;
import io.casinoperf.mocks.conditions.Mode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run that breaks the platform stops itself: a minute-long flash peak against a healthy
 * platform that turns faulty a few seconds in. The breaker (default: 20 % errors over 10 s) stops
 * the injection well before the planned end, Gatling still writes its report, and the gate calls
 * the run aborted.
 */
class CircuitBreakerEndToEndTest {
  private static final int USERS_PER_SECOND = 20;
  private static final int PLANNED_SECONDS = 60;
  private static final int SPINS = 5;
  /** Login, lobby and the spins (deposits come on top): what the profile would have sent. */
  private static final long PLANNED_REQUESTS = (long) USERS_PER_SECOND * PLANNED_SECONDS * (2 + SPINS);
  private static final long WINDOW_MILLIS = 10_000;
  private static final long GRACE_MILLIS = 5_000;

  @TempDir Path results;

  private static Map<String, String> minuteOfSpins() {
    // The drop (one player) comes at the end: the run is a steady minute of arrivals.
    return TestFlashPeak.properties(PLANNED_SECONDS + "s", USERS_PER_SECOND, (PLANNED_SECONDS - 5) + "s",
        1, SPINS, "50ms");
  }

  @Test
  void aPlatformThatTurnsFaultyStopsTheRunWithinTheWindowAndTheGateCallsItAborted() throws Exception {
    Map<String, String> properties = minuteOfSpins();

    long faultAt;
    GatlingProcess.Result run;
    try (PlatformMock platform = PlatformMock.start(PlatformMockConfig.defaults())) {
      properties.put("target", platform.baseUrl().toString());
      GatlingProcess.Running running =
          GatlingProcess.start(FlashSpinPeakSimulation.class, properties, results);
      long deadline = System.currentTimeMillis() + 90_000;
      while (platform.reconcile().players() < 40 && System.currentTimeMillis() < deadline) {
        Thread.sleep(50);
      }
      assertThat(platform.reconcile().players()).as("players before the fault").isGreaterThanOrEqualTo(40);
      // Half the requests answered 503, one in ten connections reset.
      faultAt = System.currentTimeMillis();
      platform.conditions().switchTo(
          platform.conditions().current().withMode(Mode.FAULTY).withFaults(50, 10, 0));
      run = running.await(Duration.ofMinutes(3));
    }

    String output = run.stdout() + run.stderr();
    assertThat(output).containsPattern(
        "circuit breaker: stopping the run: error rate \\d+\\.\\d % over the last 10 s "
            + "\\([\\d,]+ of [\\d,]+ requests\\) passed 20 %");
    Path runFolder = run.runFolder().orElseThrow();
    assertThat(runFolder.resolve("index.html")).as("Gatling's report").isRegularFile();
    Path log = runFolder.resolve("simulation.log");

    // Nothing was sent later than the window (plus a few seconds) after the platform turned.
    AtomicLong lastSent = new AtomicLong();
    AtomicLong requests = new AtomicLong();
    long[] runStart = new long[1];
    SimulationLogReader.read(log, new SimulationLogListener() {
      @Override
      public void onRun(io.casinoperf.gate.log.RunHeader header) {
        runStart[0] = header.start().toEpochMilli();
      }

      @Override
      public void onRequest(List<String> groups, String name, int start, int end, boolean ok, String message) {
        requests.incrementAndGet();
        lastSent.accumulateAndGet(runStart[0] + start, Math::max);
      }
    });
    assertThat(lastSent.get() - faultAt).as("ms from the fault to the last request sent")
        .isLessThanOrEqualTo(WINDOW_MILLIS + GRACE_MILLIS);
    assertThat(requests.get()).as("requests sent of %d planned", PLANNED_REQUESTS)
        .isLessThan(PLANNED_REQUESTS / 3);

    RunSummary summary = RunSummaries.read(List.of(log));
    assertThat(summary.circuitBreakerStops()).singleElement().asString().startsWith("error rate ");
    // Even against itself (nothing slower, no more errors) the run is aborted, never a pass.
    RunVerdict verdict = Gate.judge(summary, summary, GateSettings.defaults());
    assertThat(verdict.overall().label()).isEqualTo("aborted");
    assertThat(verdict.overall().reason()).startsWith("the circuit breaker stopped the run: error rate");
    assertThat(verdict.exitCode(false)).isEqualTo(1);
    assertThat(Files.size(log)).isPositive();
  }

  @Test
  void aSlowPlatformStopsTheRunOnItsP99() throws Exception {
    Map<String, String> properties = minuteOfSpins();
    // Degraded: median 25 ms, p99 about 200 ms; the ceiling is set at 60 ms.
    properties.put("circuitBreaker.p99CeilingMillis", "60");
    // A run of a few seconds beside the test's own platform: one busy second would be most of it,
    // and the run would be judged invalid before aborted. The breaker is what is tested here.
    properties.put("health.contendedSharePercent", "100");
    GatlingProcess.Result run;
    try (PlatformMock platform = PlatformMock.start(PlatformMockConfig.defaults().withConditions(
        PlatformMockConfig.defaults().conditions().withMode(Mode.DEGRADED)))) {
      properties.put("target", platform.baseUrl().toString());
      run = GatlingProcess.run(FlashSpinPeakSimulation.class, properties, results, Duration.ofMinutes(3));
    }

    assertThat(run.stdout() + run.stderr()).containsPattern(
        "circuit breaker: stopping the run: p99 [\\d,]+ ms over the last 10 s \\([\\d,]+ requests\\) "
            + "passed the ceiling of 60 ms");
    Path log = run.runFolder().orElseThrow().resolve("simulation.log");
    RunSummary summary = RunSummaries.read(List.of(log));
    assertThat(summary.all().count()).isLessThan(PLANNED_REQUESTS / 3);
    assertThat(summary.duration()).isLessThan(Duration.ofMillis(WINDOW_MILLIS + GRACE_MILLIS));
    assertThat(summary.circuitBreakerStops()).singleElement().asString().startsWith("p99 ");
    // The partial run met its assertions, yet the build fails on it, as after a failed assertion,
    // and the main job's summary says why.
    assertThat(run.exitCode()).as(run.stdout().substring(Math.max(0, run.stdout().length() - 1500)))
        .isEqualTo(2);
    assertThat(run.stdout()).containsPattern(
        "\n  FlashSpinPeakSimulation +stopped by the breaker +\\S+/index.html\n +the circuit breaker stopped the run: p99 ");
  }

  @Test
  void theEmbeddedPlatformStoppedByTheBreakerShutsDownQuietlyAndTheBuildFails() throws Exception {
    Map<String, String> properties = minuteOfSpins();
    // The embedded platform in its faulty mode (503s, resets); the breaker trips at 3 % errors.
    properties.put("mode", "faulty");
    properties.put("circuitBreaker.errorPercent", "3");
    properties.put("health.contendedSharePercent", "100");

    GatlingProcess.Result run =
        GatlingProcess.run(FlashSpinPeakSimulation.class, properties, results, Duration.ofMinutes(3));

    String output = run.stdout() + run.stderr();
    assertThat(output).contains("circuit breaker: stopping the run: error rate ");
    // Requests cut off by the stop and the platform's shutdown are Gatling's KOs, not traces.
    assertThat(output).doesNotContain("\tat ").doesNotContain("Exception in thread");
    assertThat(run.exitCode()).isEqualTo(MainJobSummary.ASSERTION_FAILED);
    assertThat(run.stdout()).containsPattern("\n  FlashSpinPeakSimulation +stopped by the breaker +");
  }
}
