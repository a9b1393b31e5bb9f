package io.casinoperf.simulations;

import static org.assertj.core.api.Assertions.assertThat;

import io.casinoperf.mocks.PlatformMock;
import io.casinoperf.mocks.PlatformMockConfig;
import io.casinoperf.gate.log.SimulationLogListener;
import io.casinoperf.gate.log.SimulationLogReader;
import io.casinoperf.gate.summary.RequestKey;
import io.casinoperf.gate.summary.RunSummaries;
import io.casinoperf.gate.summary.RunSummary;
import io.casinoperf.mocks.wallet.WalletReconciliation;
import java.nio.file.Files;
import io.casinoperf.gate.record.RecordedRun;
import io.casinoperf.gate.verdict.Gate;
import io.casinoperf.gate.verdict.GateSettings;
import io.casinoperf.gate.verdict.Outcome;
import io.casinoperf.gate.verdict.RunVerdict;
import io.casinoperf.run.InjectorHealth;
import io.casinoperf.run.RunRecord;
import io.casinoperf.run.RunRecords;
import java.nio.file.Path;
import java.time.Instant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Short real Gatling runs of {@link FlashSpinPeakSimulation} in their own JVM against a real
 * platform mock that this test starts on loopback, so the platform's side of the run can be
 * compared with Gatling's.
 */
class FlashSpinPeakEndToEndTest {
  private static final Duration TIMEOUT = Duration.ofMinutes(2);
  private static final int SPINS = 3;

  private PlatformMock platform;

  @TempDir Path results;

  @BeforeEach
  void start() {
    platform = PlatformMock.start(PlatformMockConfig.defaults());
  }

  @AfterEach
  void stop() {
    platform.close();
  }

  private Map<String, String> shortFlashPeak() {
    Map<String, String> properties = TestFlashPeak.properties("2s", 2, "1s", 12, SPINS, "20ms");
    properties.put("target", platform.baseUrl().toString());
    return properties;
  }

  @Test
  void shortRunPassesItsSlosAndEveryRequestReachedThePlatform() throws Exception {
    var run = GatlingProcess.run(FlashSpinPeakSimulation.class, shortFlashPeak(), results, TIMEOUT);

    var latency = run.assertSlosHeldWhereJudged();
    assertThat(run.stdout())
        .contains("Global: percentage of failed events is less than or equal to 1.0 : true");

    List<WalletReconciliation> wallets = platform.wallets().reconcileAll();
    long players = wallets.size();
    assertThat(players).as("peak players plus some regulars").isGreaterThanOrEqualTo(12);
    assertThat(wallets).allMatch(WalletReconciliation::balanced);
    assertThat(wallets).allMatch(w -> w.transactionCount() >= SPINS);
    long topUps = wallets.stream().mapToLong(WalletReconciliation::depositsCents).sum();
    assertThat(topUps).as("nobody ran out of money in three spins").isZero();
    // Per player: login, lobby and the spins; Gatling's count must match the platform's players.
    assertThat(run.requestCount()).isEqualTo(players * (2 + SPINS));

    Path runFolder = run.runFolder().orElseThrow();
    assertThat(runFolder.getFileName().toString()).startsWith("flashspinpeaksimulation-");
    assertThat(runFolder.resolve("simulation.log")).isNotEmptyFile();
    assertThat(runFolder.resolve("index.html")).isNotEmptyFile();
    latency.reportSkipped();
  }

  @Test
  void theGatesReadingOfTheRunMatchesGatlingsCountsAndTheExactPercentiles() throws Exception {
    var run = GatlingProcess.run(FlashSpinPeakSimulation.class, shortFlashPeak(), results, TIMEOUT);
    Path log = run.runFolder().orElseThrow().resolve("simulation.log");

    RunSummary summary = RunSummaries.read(List.of(log));
    List<Long> raw = new ArrayList<>();
    SimulationLogReader.read(log, new SimulationLogListener() {
      @Override
      public void onRequest(List<String> groups, String name, int start, int end, boolean ok, String message) {
        raw.add((long) end - start);
      }
    });
    Collections.sort(raw);

    assertThat(summary.all().count()).isEqualTo(run.requestCount());
    assertThat(summary.requests().get(RequestKey.of("Spin")).count())
        .isEqualTo(platform.wallets().reconcileAll().stream()
            .mapToLong(WalletReconciliation::transactionCount).sum());
    long exactP99 = raw.get((int) Math.ceil(0.99 * raw.size()) - 1);
    assertThat(summary.all().percentileMillis(99)).isEqualTo(exactP99);
    // Gatling prints a t-digest estimate: close to the exact value, not always equal to it.
    System.out.printf("p99 exact %d ms (from %d records), Gatling's estimate %s ms%n",
        exactP99, raw.size(), run.gatlingPercentile(99));
  }

  @Test
  void everyRunWritesItsRecordBesideItsLog() throws Exception {
    Map<String, String> properties = shortFlashPeak();
    properties.put("maxErrorPercent", "2.5");

    var run = GatlingProcess.run(FlashSpinPeakSimulation.class, properties, results, TIMEOUT);

    var latency = run.assertSlosHeldWhereJudged();
    Path folder = run.runFolder().orElseThrow();
    RunRecord record = RunRecords.read(folder.resolve("run.json"));
    assertThat(record.simulation()).isEqualTo(FlashSpinPeakSimulation.class.getName());
    assertThat(record.profile().name()).isEqualTo("flashSpinPeak");
    assertThat(record.profile().values()).containsEntry("peakUsers", "12")
        .containsEntry("peakAfter", "1s").containsEntry("spinsPerSession", "3");
    assertThat(record.parameters().duration()).contains("2s");
    assertThat(record.parameters().mode()).as("a target has no mode").isEmpty();
    assertThat(record.serviceLevels().p99Millis()).isEqualTo(2000);
    assertThat(record.serviceLevels().maxErrorPercent()).isEqualTo(2.5);
    assertThat(record.target().identity()).isEqualTo("http://127.0.0.1:" + platform.baseUrl().getPort());
    assertThat(record.versions().gatling()).isEqualTo("3.15.1");
    assertThat(record.versions().java()).isEqualTo(System.getProperty("java.version"));
    assertThat(record.host().cores()).isEqualTo(Runtime.getRuntime().availableProcessors());
    assertThat(Instant.parse(record.end())).isAfter(Instant.parse(record.start()));

    // The plan of the open injection profile is Gatling's own: every user it planned started,
    // as many as the log's user records.
    long[] usersInLog = {0};
    SimulationLogReader.read(folder.resolve("simulation.log"), new SimulationLogListener() {
      @Override
      public void onUser(String scenario, boolean start, int timestampMillis) {
        usersInLog[0] += start ? 1 : 0;
      }
    });
    assertThat(usersInLog[0]).as("2 s of 2 players/s, then a peak of 12").isEqualTo(16);
    assertThat(record.health().summary().usersStarted()).isEqualTo(usersInLog[0]);
    assertThat(record.health().summary().usersPlanned()).isEqualTo(usersInLog[0]);
    assertThat(record.health().seconds()).isNotEmpty();

    // Its phases: the peak from the drop's first player (1 s) until its last could have ended
    // (1 s of arrivals, 3 spins of at most 20 ms thinking, a second for the responses), the base
    // around it. Every request of the log falls in one of them; the drop's 12 logins in the peak.
    assertThat(record.phases()).extracting(RunRecord.Phase::name).containsExactly("base", "peak");
    assertThat(record.phases().get(1).windows()).containsExactly(
        new RunRecord.Window(1_000, java.util.Optional.of(3_060L)));
    assertThat(record.phases().get(0).windows()).containsExactly(
        new RunRecord.Window(0, java.util.Optional.of(1_000L)),
        new RunRecord.Window(3_060, java.util.Optional.empty()));
    var phased = io.casinoperf.gate.summary.RunSummaries.read(List.of(folder.resolve("simulation.log")),
        io.casinoperf.gate.summary.PhaseClock.of(record.phases()));
    assertThat(phased.phases().get(0).all().count() + phased.phases().get(1).all().count())
        .isEqualTo(phased.all().count());
    assertThat(phased.phases().get(1).requests().get(io.casinoperf.gate.summary.RequestKey.of("Login"))
        .count()).isGreaterThanOrEqualTo(12);
    assertThat(record.health().seconds().stream().mapToLong(InjectorHealth.Second::usersStarted).sum())
        .isEqualTo(usersInLog[0]);
    assertThat(run.stdout()).containsPattern("injector health: (healthy|SATURATED) — ");
    latency.reportSkipped();
  }

  @Test
  void aRunBeyondAHealthBoundIsRecordedSaturatedAndTheGateCallsItInvalid() throws Exception {
    Map<String, String> properties = shortFlashPeak();
    // No wake-up is ever exactly on time: any run breaks a bound of 0 ms.
    properties.put("health.lagP99Millis", "0");

    var run = GatlingProcess.run(FlashSpinPeakSimulation.class, properties, results, TIMEOUT);

    // Its latency is not judged (the run is saturated by construction); its error SLO held.
    run.assertSlosHeldWhereJudged();
    assertThat(run.stdout()).contains("injector health: SATURATED — scheduling lag p99")
        .contains("the gate calls this run invalid (exit 4)");
    // The main job's closing summary names the run's outcome in its own words.
    assertThat(run.stdout()).containsPattern("casinoperf main job: \\d+ simulations? run by this build so far")
        .containsPattern("\n  FlashSpinPeakSimulation +injector saturated +\\S+/index.html\n");
    Path log = run.runFolder().orElseThrow().resolve("simulation.log");
    RecordedRun recorded = RecordedRun.beside(List.of(log));
    assertThat(recorded.first().orElseThrow().health().thresholds().lagP99Millis()).isZero();
    RunSummary summary = RunSummaries.read(List.of(log));
    RunVerdict verdict = Gate.judge(summary, summary, GateSettings.defaults(),
        recorded.injectorSaturation());
    assertThat(verdict.outcome()).isEqualTo(Outcome.INVALID);
    assertThat(verdict.exitCode(false)).isEqualTo(4);
  }

  @Test
  void anUnknownHealthBoundEndsTheRunWithOneLine() throws Exception {
    Map<String, String> properties = shortFlashPeak();
    properties.put("health.lagP99", "5");

    var run = GatlingProcess.run(FlashSpinPeakSimulation.class, properties, results, TIMEOUT);

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.stderr().strip()).startsWith(
        "casinoperf: -Dhealth.lagP99: no such bound; expected one of lagP99Millis,");
  }

  @Test
  void breachedSloFailsTheRunWithGatlingsAssertionExitCode() throws Exception {
    Map<String, String> properties = shortFlashPeak();
    // The mock adds a 10 ms median latency: a 1 ms p99 cannot hold.
    properties.put("p99Millis", "1");

    var run = GatlingProcess.run(FlashSpinPeakSimulation.class, properties, results, TIMEOUT);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.stdout())
        .contains("Global: 99th percentile of response time is less than or equal to 1.0 : false");
    // Then the summary: the outcome, why, and what to run next; the last thing the run prints.
    // On a machine busy enough to saturate the injector, the outcome is that, not the SLO.
    String stdout = run.stdout().stripTrailing();
    boolean saturated = RunRecords.read(run.runFolder().orElseThrow().resolve(RunRecord.FILE_NAME))
        .health().saturated();
    assertThat(stdout).containsPattern(saturated
        ? "\n  FlashSpinPeakSimulation +injector saturated +\\S+/index.html\n"
            + " +the injector, not the platform, limited the run: "
        : "\n  FlashSpinPeakSimulation +SLO failed +\\S+/index.html\n"
            + " +All requests: p99 \\d+ ms is above the SLO of 1 ms")
        .contains("next, judge a run against its baseline (docs/STATISTICS.md):\n  java -jar"
            + " reports/target/casinoperf.jar gate ")
        .endsWith("=".repeat(100));
  }

  @Test
  void badSettingEndsTheRunWithOneLineAndNoLoad() throws Exception {
    Map<String, String> properties = shortFlashPeak();
    properties.put("scale", "-2");

    var run = GatlingProcess.run(FlashSpinPeakSimulation.class, properties, results, TIMEOUT);

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.stderr().strip()).isEqualTo("casinoperf: -Dscale=-2: expected a number > 0");
    assertThat(run.stdout()).doesNotContain("Exception");
    assertThat(platform.wallets().reconcileAll()).isEmpty();
    assertThat(Files.exists(results) ? Files.list(results).count() : 0).isZero();
  }

  @Test
  void targetOutsideTheAllowListIsRefusedBeforeAnyRequest() throws Exception {
    Map<String, String> properties = shortFlashPeak();
    properties.put("target", "https://staging.casino.example");
    properties.put("allowedTargets", "perf.casino.example");

    var run = GatlingProcess.run(FlashSpinPeakSimulation.class, properties, results, TIMEOUT);

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.stderr().strip())
        .startsWith("casinoperf: -Dtarget=https://staging.casino.example: refused");
  }
}
