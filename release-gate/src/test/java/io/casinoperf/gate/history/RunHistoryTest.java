package io.casinoperf.gate.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.casinoperf.gate.summary.RequestKey;
import io.casinoperf.gate.summary.RunSummaries;
import io.casinoperf.gate.summary.RunSummary;
import io.casinoperf.gate.testing.LogFileWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunHistoryTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T12:00:00Z"), ZoneOffset.UTC);
  private static final Comparability FLASH = new Comparability("casino.FlashSpinPeakSimulation",
      "embedded", Map.of("scale", "1", "duration", "30s"), "3.15.1", "17.0.15", 2);

  @TempDir Path dir;

  private RunSummary run(long start, int seed) {
    LogFileWriter log = new LogFileWriter()
        .run("3.15.1", "casino.FlashSpinPeakSimulation", start, List.of("Players"));
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < 5_000; i++) {
      int at = i * 7;
      int latency = (int) Math.round(20 * Math.exp(0.5 * random.nextGaussian()));
      boolean ok = random.nextInt(200) != 0;
      log.request(i % 3 == 0 ? List.of("Spin to balance push") : List.of(), "Spin", at, at + latency,
          ok, ok ? "" : "status 503");
    }
    return RunSummaries.read(List.of(log.writeTo(dir.resolve("log-" + start + "-" + seed + ".log"))));
  }

  /** The same run with a base (the first 10 s and from 20 s on) and a peak between. */
  private RunSummary phasedRun(long start, int seed) {
    run(start, seed);
    return RunSummaries.read(List.of(dir.resolve("log-" + start + "-" + seed + ".log")),
        io.casinoperf.gate.summary.PhaseClock.of(List.of(
            new io.casinoperf.run.RunRecord.Phase("base", List.of(
                io.casinoperf.run.RunRecord.Window.between(java.time.Duration.ZERO, java.time.Duration.ofSeconds(10)),
                io.casinoperf.run.RunRecord.Window.from(java.time.Duration.ofSeconds(20)))),
            new io.casinoperf.run.RunRecord.Phase("peak", List.of(
                io.casinoperf.run.RunRecord.Window.between(java.time.Duration.ofSeconds(10), java.time.Duration.ofSeconds(20)))))));
  }

  @Test
  void aRunsPhasesAreStoredAndPooledPhaseByPhase() {
    RunHistory history = new RunHistory(dir);
    RunSummary a = phasedRun(1_800_000_000_000L, 1);
    RunSummary b = phasedRun(1_900_000_000_000L, 2);
    // 5,000 requests 7 ms apart: i·7 in [10,000, 20,000) for i = 1,429 … 2,857, 1,429 of them.
    assertThat(a.phases().get(0).all().count() + a.phases().get(1).all().count()).isEqualTo(5_000);
    assertThat(a.phases().get(1).all().count()).isEqualTo(1_429);
    RunRecord saved = history.save(a, "v1", FLASH, Optional.of("pass"), CLOCK);
    history.save(b, "v2", FLASH, Optional.of("pass"), CLOCK);

    RunSummary loaded = history.load(saved.id()).summary();
    assertThat(loaded.phases()).extracting(io.casinoperf.gate.summary.PhaseSummary::name)
        .containsExactly("base", "peak");
    for (int i = 0; i < 2; i++) {
      assertThat(loaded.phases().get(i).all().all()).isEqualTo(a.phases().get(i).all().all());
      assertThat(loaded.phases().get(i).requests().keySet())
          .isEqualTo(a.phases().get(i).requests().keySet());
    }
    var pooled = Baselines.pooled(history, FLASH, 5).orElseThrow().summary();
    assertThat(pooled.phases().get(1).all().count())
        .isEqualTo(a.phases().get(1).all().count() + b.phases().get(1).all().count());
    // A run stored without phases pools with none: phases only where every pooled run has them.
    history.save(run(1_950_000_000_000L, 3), "v3", FLASH, Optional.of("pass"), CLOCK);
    assertThat(Baselines.pooled(history, FLASH, 5).orElseThrow().summary().phases()).isEmpty();
  }

  @Test
  void aStoredRunReadsBackWithTheSameCountsHistogramsAndBlocks() throws Exception {
    RunHistory history = new RunHistory(dir.resolve("history"));
    RunSummary original = run(Instant.parse("2026-11-27T10:00:00Z").toEpochMilli(), 1);

    RunRecord saved = history.save(original, "v1.4.2", FLASH, Optional.of("pass"), CLOCK);
    StoredRun loaded = history.load(saved.id());

    assertThat(saved.id()).matches("20261127T100000Z-flashspinpeaksimulation-[0-9a-f]{6}");
    assertThat(loaded.record()).isEqualTo(saved);
    assertThat(loaded.summary().requests().keySet()).isEqualTo(original.requests().keySet());
    original.requests().forEach((key, stats) -> {
      var back = loaded.summary().requests().get(key);
      assertThat(back.count()).isEqualTo(stats.count());
      assertThat(back.koCount()).isEqualTo(stats.koCount());
      assertThat(back.koMessages()).isEqualTo(stats.koMessages());
      assertThat(back.all()).isEqualTo(stats.all());
      assertThat(back.ok()).isEqualTo(stats.ok());
      assertThat(back.blocks().size()).isEqualTo(stats.blocks().size());
      assertThat(back.blocks().widthMillis()).isEqualTo(stats.blocks().widthMillis());
      assertThat(back.percentileMillis(99)).isEqualTo(stats.percentileMillis(99));
    });
    assertThat(loaded.summary().all().all()).isEqualTo(original.all().all());
    assertThat(Files.list(dir.resolve("history"))).hasSize(1);
  }

  @Test
  void totalsMatchTheFullRunWithoutItsBlocks() throws Exception {
    RunHistory history = new RunHistory(dir.resolve("totals"));
    RunSummary original = run(Instant.parse("2026-11-27T10:00:00Z").toEpochMilli(), 5);
    RunRecord saved = history.save(original, "v1", FLASH, Optional.of("pass"),
        Optional.of("/runs/flash/index.html"), CLOCK);

    RunHistory.RunTotals totals = history.loadTotals(saved.id());

    assertThat(totals.record()).isEqualTo(saved);
    assertThat(totals.record().gatlingReport()).contains("/runs/flash/index.html");
    assertThat(totals.all().count()).isEqualTo(original.all().count());
    assertThat(totals.all().koCount()).isEqualTo(original.all().koCount());
    assertThat(totals.all().p99Millis()).isEqualTo(original.all().percentileMillis(99));
    assertThat(totals.requests().keySet()).isEqualTo(original.requests().keySet());
    original.requests().forEach((key, stats) -> {
      assertThat(totals.requests().get(key).p99Millis()).isEqualTo(stats.percentileMillis(99));
      assertThat(totals.requests().get(key).errorRate()).isEqualTo(stats.errorRate());
    });
    assertThat(history.list().runs()).containsExactly(saved);
  }

  @Test
  void listsRunsOldestFirstAndReportsButKeepsCorruptFiles() throws Exception {
    RunHistory history = new RunHistory(dir);
    RunRecord later = history.save(run(2_000_000_000_000L, 1), "b", FLASH, Optional.empty(), CLOCK);
    RunRecord earlier = history.save(run(1_900_000_000_000L, 2), "a", FLASH, Optional.empty(), CLOCK);
    Path corrupt = Files.writeString(dir.resolve("20261127T000000Z-broken-000000.json"), "{\"format\": \"casino");
    Path foreign = Files.writeString(dir.resolve("notes.json"), "{\"format\": \"something-else\"}");

    RunHistory.Listing listing = history.list();

    assertThat(listing.runs()).extracting(RunRecord::id).containsExactly(earlier.id(), later.id());
    assertThat(listing.problems()).hasSize(2)
        .allMatch(problem -> problem.contains(": unreadable, skipped ("))
        .anyMatch(problem -> problem.startsWith(corrupt.toString()))
        .anyMatch(problem -> problem.startsWith(foreign + ": unreadable, skipped (not a casinoperf-run/1"));
    assertThat(corrupt).exists();
    assertThat(foreign).exists();
  }

  @Test
  void concurrentSavesNeverLoseOrCorruptARun() throws Exception {
    RunHistory history = new RunHistory(dir.resolve("shared"));
    RunSummary summary = run(2_000_000_000_000L, 3);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<RunRecord>> saves = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      String label = "pipeline-" + i;
      saves.add(pool.submit(() -> history.save(summary, label, FLASH, Optional.of("pass"), CLOCK)));
    }
    List<String> ids = new ArrayList<>();
    for (Future<RunRecord> save : saves) {
      ids.add(save.get().id());
    }
    pool.shutdown();

    RunHistory.Listing listing = history.list();
    assertThat(ids).doesNotHaveDuplicates();
    assertThat(listing.problems()).isEmpty();
    assertThat(listing.runs()).hasSize(40);
    try (var files = Files.list(dir.resolve("shared"))) {
      assertThat(files.filter(f -> f.toString().endsWith(".tmp"))).isEmpty();
    }
  }

  @Test
  void markingAVerdictRewritesOnlyTheVerdict() {
    RunHistory history = new RunHistory(dir);
    RunRecord saved = history.save(run(2_000_000_000_000L, 4), "v2", FLASH, Optional.empty(), CLOCK);

    RunRecord marked = history.markVerdict(saved.id(), "pass");

    assertThat(marked.verdict()).contains("pass");
    assertThat(marked.passed()).isTrue();
    assertThat(history.load(saved.id()).record()).isEqualTo(marked);
    assertThat(history.load(saved.id()).summary().all().count()).isEqualTo(5_000);
  }

  @Test
  void theDecidingRequestAndTheGateReportAreStoredWithTheVerdict() throws Exception {
    RunHistory history = new RunHistory(dir);
    RunRecord saved = history.save(run(2_000_000_000_000L, 6), "v2", FLASH,
        new RunHistory.Judgement("regression", Optional.of("Spin"), Optional.of("/ci/build-7/gate-report/gate.html")),
        Optional.empty(), Optional.empty(), CLOCK);

    assertThat(saved.decidedBy()).contains("Spin");
    assertThat(saved.gateReport()).contains("/ci/build-7/gate-report/gate.html");
    assertThat(history.list().runs()).containsExactly(saved);
    assertThat(history.load(saved.id()).record()).isEqualTo(saved);
    assertThat(history.loadTotals(saved.id()).record()).isEqualTo(saved);
    var file = new com.fasterxml.jackson.databind.ObjectMapper().readTree(dir.resolve(saved.id() + ".json").toFile());
    assertThat(file.get("decidedBy").asText()).isEqualTo("Spin");
    assertThat(file.get("gateReport").asText()).isEqualTo("/ci/build-7/gate-report/gate.html");
  }

  @Test
  void aRunFileWrittenBeforeDecidedByAndGateReportStillReads() throws Exception {
    RunHistory history = new RunHistory(dir);
    RunRecord saved = history.save(run(2_000_000_000_000L, 7), "v1", FLASH, Optional.of("regression"),
        Optional.of("/runs/flash/index.html"), CLOCK);
    Path file = dir.resolve(saved.id() + ".json");
    var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
    var older = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(file.toFile());
    older.remove(List.of("decidedBy", "gateReport"));
    Files.writeString(file, mapper.writeValueAsString(older));

    RunRecord read = history.load(saved.id()).record();

    assertThat(Files.readString(file)).doesNotContain("decidedBy").doesNotContain("gateReport");
    assertThat(read).isEqualTo(saved);
    assertThat(read.verdict()).contains("regression");
    assertThat(read.gatlingReport()).contains("/runs/flash/index.html");
    assertThat(read.decidedBy()).isEmpty();
    assertThat(read.gateReport()).isEmpty();
    assertThat(history.list().runs()).containsExactly(saved);
  }

  @Test
  void aVerdictMarkedByHandIsDecidedByNoRequestAndKeepsTheGateReport() {
    RunHistory history = new RunHistory(dir);
    RunRecord saved = history.save(run(2_000_000_000_000L, 8), "v2", FLASH,
        new RunHistory.Judgement("regression", Optional.of("Spin"), Optional.of("/ci/gate-report/gate.html")),
        Optional.empty(), Optional.empty(), CLOCK);

    RunRecord marked = history.markVerdict(saved.id(), "pass");

    assertThat(marked.verdict()).contains("pass");
    assertThat(marked.decidedBy()).isEmpty();
    assertThat(marked.gateReport()).contains("/ci/gate-report/gate.html");
    assertThat(history.load(saved.id()).record()).isEqualTo(marked);
  }

  @Test
  void unknownOrMalformedIdsAreOneLineErrors() {
    RunHistory history = new RunHistory(dir);

    assertThatThrownBy(() -> history.load("20261127T100000Z-flashspinpeaksimulation-abcdef"))
        .isInstanceOf(HistoryException.class)
        .hasMessage("no run 20261127T100000Z-flashspinpeaksimulation-abcdef in " + dir);
    assertThatThrownBy(() -> history.load("../../etc/passwd"))
        .isInstanceOf(HistoryException.class)
        .hasMessageStartingWith("not a run id: '../../etc/passwd'");
  }

  @Test
  void aFileWithBrokenHistogramsIsReportedOnLoad() throws Exception {
    RunHistory history = new RunHistory(dir);
    RunRecord saved = history.save(run(2_000_000_000_000L, 5), "v3", FLASH, Optional.empty(), CLOCK);
    Path file = dir.resolve(saved.id() + ".json");
    String text = Files.readString(file);
    int at = text.indexOf("\"histogram\" : \"") + 15;
    Files.writeString(file, text.substring(0, at) + "AAAA" + text.substring(at + 4));

    assertThatThrownBy(() -> history.load(saved.id()))
        .isInstanceOf(HistoryException.class)
        .hasMessageStartingWith(file + ": unreadable");
    assertThat(history.list().runs()).hasSize(1);
  }

  @Test
  void baselineIsTheLastPassingRunOfTheSameWorkload() {
    RunHistory history = new RunHistory(dir);
    history.save(run(1_800_000_000_000L, 1), "v1", FLASH, Optional.of("pass"), CLOCK);
    RunRecord v2 = history.save(run(1_900_000_000_000L, 2), "v2", FLASH, Optional.of("pass"), CLOCK);
    history.save(run(1_950_000_000_000L, 3), "v3", FLASH, Optional.of("regression"), CLOCK);
    Comparability otherScale = new Comparability(FLASH.simulation(), FLASH.target(),
        Map.of("scale", "2", "duration", "30s"), "3.15.1", "17.0.15", 2);
    history.save(run(1_990_000_000_000L, 4), "v4", otherScale, Optional.of("pass"), CLOCK);

    var baseline = Baselines.lastPassing(history, FLASH).orElseThrow();

    assertThat(baseline.runs()).extracting(RunRecord::id).containsExactly(v2.id());
    assertThat(baseline.differences()).isEmpty();
    assertThat(Baselines.lastPassing(history, new Comparability("casino.Other", "embedded",
        Map.of(), "3.15.1", "17.0.15", 2))).isEmpty();
  }

  @Test
  void pooledBaselineAddsTheLastRunsHistograms() {
    RunHistory history = new RunHistory(dir);
    RunSummary a = run(1_800_000_000_000L, 1);
    RunSummary b = run(1_900_000_000_000L, 2);
    history.save(a, "v1", FLASH, Optional.of("pass"), CLOCK);
    history.save(b, "v2", FLASH, Optional.of("improvement"), CLOCK);

    var pooled = Baselines.pooled(history, FLASH, 5).orElseThrow();

    assertThat(pooled.runs()).hasSize(2);
    assertThat(pooled.describe()).startsWith("2 pooled runs: ");
    var spin = RequestKey.of("Spin");
    assertThat(pooled.summary().requests().get(spin).count())
        .isEqualTo(a.requests().get(spin).count() + b.requests().get(spin).count());
    var expected = a.all().all().copy();
    expected.add(b.all().all());
    assertThat(pooled.summary().all().all()).isEqualTo(expected);
  }

  @Test
  void aForcedBaselineSaysWhatDiffers() {
    RunHistory history = new RunHistory(dir);
    Comparability older = new Comparability(FLASH.simulation(), FLASH.target(),
        Map.of("scale", "0.5", "duration", "30s"), "3.15.0", "17.0.15", 2);
    RunRecord saved = history.save(run(1_800_000_000_000L, 1), "v0", older, Optional.empty(), CLOCK);

    var baseline = Baselines.byId(history, saved.id(), FLASH);

    assertThat(baseline.differences()).containsExactly("scale: 1 (baseline 0.5)", "Gatling: 3.15.1 (baseline 3.15.0)");
  }

  @Test
  void theRunToRunSpreadComesFromUnchangedRunsInconclusiveOnesIncludedButNotRegressions() {
    RunHistory history = new RunHistory(dir);
    history.save(run(1_800_000_000_000L, 1), "v1", FLASH, Optional.of("pass"), CLOCK);
    history.save(run(1_810_000_000_000L, 2), "v2", FLASH, Optional.of("inconclusive"), CLOCK);
    history.save(run(1_820_000_000_000L, 3), "v3", FLASH, Optional.of("regression"), CLOCK);
    history.save(run(1_830_000_000_000L, 4), "v4", FLASH, Optional.of("invalid"), CLOCK);

    var twoRuns = Baselines.noise(history, history.list().runs(), FLASH, 1);
    assertThat(twoRuns.known()).isFalse();
    assertThat(twoRuns.comparableRuns()).isEqualTo(2);

    history.save(run(1_840_000_000_000L, 5), "v5", FLASH, Optional.of("improvement"), CLOCK);
    var threeRuns = Baselines.noise(history, history.list().runs(), FLASH, 1);
    assertThat(threeRuns.known()).isTrue();
    assertThat(threeRuns.series()).extracting(io.casinoperf.gate.verdict.RunNoise.StoredP99::runId)
        .hasSize(3);
    // Baselines still come from passing runs only.
    assertThat(Baselines.pooled(history, FLASH, 5).orElseThrow().runs()).hasSize(2);
  }
}
