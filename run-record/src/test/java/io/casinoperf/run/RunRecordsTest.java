package io.casinoperf.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunRecordsTest {
  private static final String FLASH = "io.casinoperf.simulations.FlashSpinPeakSimulation";

  @TempDir Path folder;

  @Test
  void aWrittenRecordReadsBackEqual() {
    RunRecord record = RunRecordSamples.saturated(FLASH, "scheduling lag p99 80 ms (at most 50 ms)");
    Path file = folder.resolve("run.json");
    RunRecords.write(file, record);
    assertThat(RunRecords.read(file)).isEqualTo(record);
    assertThat(RunRecords.read(file).health().saturated()).isTrue();
  }

  @Test
  void untimedRequestsReadBackAndARecordWrittenBeforeThemHasNone() throws Exception {
    RunRecord healthy = RunRecordSamples.healthy(FLASH);
    RunRecord.ServiceLevels slos = healthy.serviceLevels();
    RunRecord record = new RunRecord(healthy.format(), healthy.simulation(), healthy.profile(),
        healthy.parameters(), healthy.target(), new RunRecord.ServiceLevels(slos.p99Millis(),
            slos.maxErrorPercent(), slos.perRequest(), List.of("Reconcile platform ledger")),
        healthy.versions(), healthy.host(), healthy.start(), healthy.end(), healthy.health(),
        healthy.shards(), healthy.phases());
    Path file = folder.resolve("run.json");
    RunRecords.write(file, record);
    assertThat(RunRecords.read(file).serviceLevels().untimed())
        .containsExactly("Reconcile platform ledger");

    // An older record, without the field.
    String older = Files.readString(file).replaceAll(",\\s*\"untimed\"\\s*:\\s*\\[[^\\]]*\\]", "");
    assertThat(older).doesNotContain("untimed");
    Files.writeString(file, older);
    assertThat(RunRecords.read(file).serviceLevels().untimed()).isEmpty();
  }

  @Test
  void writesStatusInLowerCaseAndLeavesNoTemporaryFile() throws Exception {
    RunRecords.write(folder.resolve("run.json"), RunRecordSamples.healthy(FLASH));
    assertThat(Files.readString(folder.resolve("run.json"))).contains("\"status\" : \"healthy\"");
    try (var files = Files.list(folder)) {
      assertThat(files).containsExactly(folder.resolve("run.json"));
    }
  }

  @Test
  void findsTheRecordOfASimulationLogAndOfALogGatheredUnderAnotherName() {
    assertThat(RunRecords.fileFor(Path.of("/r/run-1/simulation.log")))
        .isEqualTo(Path.of("/r/run-1/run.json"));
    assertThat(RunRecords.fileFor(Path.of("/r/shard-2.log"))).isEqualTo(Path.of("/r/shard-2.run.json"));
    assertThat(RunRecords.besideLog(folder.resolve("simulation.log"))).isEmpty();
  }

  @Test
  void refusesARecordOfAnotherFormatNamingTheFile() throws Exception {
    Path file = folder.resolve("run.json");
    Files.writeString(file, RunRecords.toJson(RunRecordSamples.healthy(FLASH))
        .replace(RunRecord.FORMAT, "casinoperf-run-record/9"));
    assertThatThrownBy(() -> RunRecords.read(file))
        .isInstanceOf(RunRecordException.class)
        .hasMessage(file + ": format \"casinoperf-run-record/9\"; this version reads " + RunRecord.FORMAT);
  }

  @Test
  void refusesWhatIsNotJsonInOneLine() throws Exception {
    Path file = folder.resolve("run.json");
    Files.writeString(file, "{\"format\": \"casinoperf-run-record/1\", \"simulation\": ");
    assertThatThrownBy(() -> RunRecords.read(file))
        .isInstanceOf(RunRecordException.class)
        .hasMessageStartingWith(file + ": not a run record")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void refusesInconsistentFields() throws Exception {
    String json = RunRecords.toJson(RunRecordSamples.healthy(FLASH));
    assertRefused(json.replace("\"end\" : \"2026-12-06T10:00:40Z\"", "\"end\" : \"2026-12-06T09:00:00Z\""),
        "end 2026-12-06T09:00:00Z is before start 2026-12-06T10:00:00Z");
    assertRefused(json.replace("\"start\" : \"2026-12-06T10:00:00Z\"", "\"start\" : \"yesterday\""),
        "start must be an ISO-8601 UTC time, e.g. 2026-12-06T10:15:30Z");
    assertRefused(json.replace("\"shardIndex\" : 1", "\"shardIndex\" : 3"),
        "parameters.shardIndex/shardCount must be i/n with 1 <= i <= n");
    assertRefused(json.replace("\"status\" : \"healthy\"", "\"status\" : \"saturated\""),
        "health.status saturated does not match its reasons");
    assertRefused(json.replace("\"p99Millis\" : 200", "\"p99Millis\" : 0"),
        "serviceLevels needs p99Millis > 0 and maxErrorPercent within 0..100");
    assertRefused(json.replace("\"simulation\" : \"" + FLASH + "\"", "\"simulation\" : \" \""),
        "simulation is missing");
  }

  @Test
  void workloadParametersNameTheProfileKeysAndTheRunParameters() {
    assertThat(RunRecordSamples.healthy(FLASH).workloadParameters()).containsExactly(
        java.util.Map.entry("duration", "default"),
        java.util.Map.entry("flashSpinPeak.duration", "30s"),
        java.util.Map.entry("flashSpinPeak.peakUsers", "200"),
        java.util.Map.entry("mode", "normal"),
        java.util.Map.entry("scale", "1"),
        java.util.Map.entry("shards", "1"));
  }

  @Test
  void aQueuesSizeAndARehearsedForecastArePartOfTheWorkloadAndSurviveTheFile() throws Exception {
    RunRecord plain = RunRecordSamples.healthy(FLASH);
    RunRecord queued = new RunRecord(plain.format(), plain.simulation(), plain.profile(),
        new RunRecord.Parameters(1.0, java.util.Optional.empty(), java.util.Optional.of("queue"), 1, 1,
            java.util.Optional.of("workers=8,serviceMillis=20,serviceScv=1"),
            java.util.Optional.of(new RunRecord.Rehearsal("0123456789abcdef", "Black Friday", "p90", "2m",
                "rehearsal.json", java.util.Optional.of(79.0)))),
        plain.target(), plain.serviceLevels(), plain.versions(), plain.host(), plain.start(), plain.end(),
        plain.health(), plain.shards(), plain.phases());
    Path file = folder.resolve("queued.json");
    RunRecords.write(file, queued);

    RunRecord read = RunRecords.read(file);
    assertThat(read.workloadParameters()).containsEntry("queue", "workers=8,serviceMillis=20,serviceScv=1")
        .containsEntry("rehearsal", "0123456789abcdef@p90/2m");
    assertThat(read.parameters().rehearsal().orElseThrow().predictedP99Millis()).contains(79.0);
    assertThat(plain.workloadParameters()).doesNotContainKey("queue");
  }

  @Test
  void theEmbeddedPlatformIsOneTargetWhateverItsPort() {
    assertThat(RunRecordSamples.shard(FLASH, 1, 2, RunRecordSamples.health(java.util.List.of()))
        .target().identity())
        .isEqualTo(RunRecordSamples.shard(FLASH, 2, 2, RunRecordSamples.health(java.util.List.of()))
            .target().identity())
        .isEqualTo("embedded");
    assertThat(new RunRecord.Target(false, "https", "staging.example", 8443).identity())
        .isEqualTo("https://staging.example:8443");
  }

  private void assertRefused(String json, String problem) throws Exception {
    Path file = folder.resolve("bad.json");
    Files.writeString(file, json);
    assertThatThrownBy(() -> RunRecords.read(file)).isInstanceOf(RunRecordException.class)
        .hasMessage(file + ": " + problem);
  }

  @Test
  void phasesReadBackWithAnOpenEndedWindowAndRecordsWithoutPhasesStillRead() throws Exception {
    RunRecord phased = RunRecordSamples.withPhases(RunRecordSamples.healthy(FLASH),
        RunRecordSamples.baseWithPeak(10, 20));
    Path file = folder.resolve("phased.run.json");
    RunRecords.write(file, phased);

    assertThat(RunRecords.read(file)).isEqualTo(phased);
    assertThat(RunRecords.read(file).phases().get(0).windows().get(1).toMillis()).isEmpty();
    // A record written before phases existed has no "phases" field: one phase.
    Path older = folder.resolve("older.run.json");
    Files.writeString(older, RunRecords.toJson(RunRecordSamples.healthy(FLASH))
        .replace("\"phases\" : [ ],", "").replace(",\n  \"phases\" : [ ]", ""));
    assertThat(Files.readString(older)).doesNotContain("phases");
    assertThat(RunRecords.read(older).phases()).isEmpty();
  }

  @Test
  void phasesThatOverlapRepeatANameOrHaveNoWindowAreRefusedInOneLine() {
    java.util.function.Function<List<RunRecord.Phase>, Path> write = phases -> {
      Path file = folder.resolve("bad-" + phases.hashCode() + ".run.json");
      try {
        Files.writeString(file, RunRecords.toJson(RunRecordSamples.withPhases(RunRecordSamples.healthy(FLASH), phases)));
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      return file;
    };
    RunRecord.Window first = RunRecord.Window.between(java.time.Duration.ZERO, java.time.Duration.ofSeconds(10));
    RunRecord.Window overlapping = RunRecord.Window.from(java.time.Duration.ofSeconds(5));

    Path overlap = write.apply(List.of(new RunRecord.Phase("base", List.of(first)),
        new RunRecord.Phase("peak", List.of(overlapping))));
    assertThatThrownBy(() -> RunRecords.read(overlap)).isInstanceOf(RunRecordException.class)
        .hasMessage(overlap + ": phases: windows overlap at 5000 ms");
    Path twice = write.apply(List.of(new RunRecord.Phase("base", List.of(first)),
        new RunRecord.Phase("base", List.of(RunRecord.Window.from(java.time.Duration.ofSeconds(10))))));
    assertThatThrownBy(() -> RunRecords.read(twice)).hasMessage(twice + ": phases: \"base\" is given twice");
    Path empty = write.apply(List.of(new RunRecord.Phase("peak", List.of())));
    assertThatThrownBy(() -> RunRecords.read(empty)).hasMessage(empty + ": phases: \"peak\" has no window");
    Path backwards = write.apply(List.of(new RunRecord.Phase("peak",
        List.of(new RunRecord.Window(10_000, java.util.Optional.of(5_000L))))));
    assertThatThrownBy(() -> RunRecords.read(backwards))
        .hasMessage(backwards + ": phases: \"peak\" needs windows with 0 <= fromMillis < toMillis");
  }
}
