package io.casinoperf.gate.history;

import io.casinoperf.gate.log.RunHeader;
import io.casinoperf.gate.summary.Blocks;
import io.casinoperf.gate.summary.PhaseSummary;
import io.casinoperf.gate.summary.RequestKey;
import io.casinoperf.gate.summary.RequestStats;
import io.casinoperf.gate.summary.RunSummary;
import io.casinoperf.gate.summary.Timeline;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.DataFormatException;

/** Converts between runs in memory and their {@link RunFile} layout. */
final class RunFiles {
  private RunFiles() {}

  static RunFile toFile(RunRecord record, RunSummary summary,
      com.fasterxml.jackson.databind.JsonNode runRecord) {
    List<RunFile.RequestFile> requests = new ArrayList<>();
    summary.requests().forEach((key, stats) -> requests.add(request(key, stats)));
    Comparability c = record.comparability();
    return new RunFile(
        RunFile.FORMAT,
        record.id(),
        record.label(),
        record.recordedAt().toString(),
        record.runStart().toString(),
        record.runEnd().toString(),
        record.partial(),
        record.verdict().orElse(null),
        record.decidedBy().orElse(null),
        new RunFile.ComparabilityFile(c.simulation(), c.target(), c.parameters(), c.gatlingVersion(),
            c.javaVersion(), c.injectorCores()),
        request(RequestKey.of("All requests"), summary.all()),
        requests,
        record.gatlingReport().orElse(null),
        record.gateReport().orElse(null),
        runRecord,
        summary.phases().isEmpty() ? null : phases(summary.phases()),
        record.fingerprint().orElse(null));
  }

  static RunRecord record(RunFile file) {
    RunFile.ComparabilityFile c = require(file.comparability(), "comparability");
    return new RunRecord(
        require(file.id(), "id"),
        file.label() == null ? "" : file.label(),
        Instant.parse(require(file.recordedAt(), "recordedAt")),
        Instant.parse(require(file.runStart(), "runStart")),
        Instant.parse(require(file.runEnd(), "runEnd")),
        new Comparability(require(c.simulation(), "comparability.simulation"), c.target(),
            c.parameters() == null ? Map.of() : c.parameters(), c.gatlingVersion(), c.javaVersion(),
            c.injectorCores()),
        Optional.ofNullable(file.verdict()),
        file.partial(),
        Optional.ofNullable(file.gatlingReport()),
        Optional.ofNullable(file.decidedBy()),
        Optional.ofNullable(file.gateReport()),
        Optional.ofNullable(file.fingerprint()));
  }

  /** The summary of a stored run; its headers are rebuilt from the stored metadata. */
  static RunSummary summary(RunFile file) throws DataFormatException {
    RunRecord record = record(file);
    RunHeader header = new RunHeader(record.comparability().gatlingVersion(),
        record.comparability().simulation(), record.runStart(), "", List.of(), List.of());
    List<PhaseSummary> phases = new ArrayList<>();
    for (RunFile.PhaseFile phase : file.phases() == null ? List.<RunFile.PhaseFile>of() : file.phases()) {
      phases.add(new PhaseSummary(require(phase.name(), "phases[].name"),
          stats(require(phase.all(), "phases[].all")),
          requests(require(phase.requests(), "phases[].requests"))));
    }
    return new RunSummary(List.of(header), record.runStart(), record.runEnd(),
        stats(require(file.all(), "all")), requests(require(file.requests(), "requests")),
        new TreeMap<>(), 0, 0, Map.of(), new Timeline(), record.partial(), List.of(), phases);
  }

  private static TreeMap<RequestKey, RequestStats> requests(List<RunFile.RequestFile> files)
      throws DataFormatException {
    TreeMap<RequestKey, RequestStats> requests = new TreeMap<>();
    for (RunFile.RequestFile request : files) {
      requests.put(new RequestKey(request.groups() == null ? List.of() : request.groups(),
          require(request.name(), "requests[].name")), stats(request));
    }
    return requests;
  }

  private static List<RunFile.PhaseFile> phases(List<PhaseSummary> phases) {
    List<RunFile.PhaseFile> files = new ArrayList<>();
    for (PhaseSummary phase : phases) {
      List<RunFile.RequestFile> requests = new ArrayList<>();
      phase.requests().forEach((key, stats) -> requests.add(request(key, stats)));
      files.add(new RunFile.PhaseFile(phase.name(),
          request(RequestKey.of(io.casinoperf.gate.verdict.Gate.ALL_REQUESTS), phase.all()), requests));
    }
    return files;
  }

  private static RunFile.RequestFile request(RequestKey key, RequestStats stats) {
    List<List<Object>> blocks = new ArrayList<>();
    stats.blocks().byIndex().forEach((index, block) ->
        blocks.add(List.of(index, block.koCount(), HistogramCodec.encode(block.latencies()))));
    return new RunFile.RequestFile(key.groups(), key.name(), stats.count(), stats.koCount(),
        stats.koMessages(), HistogramCodec.encode(stats.all()), HistogramCodec.encode(stats.ok()),
        stats.blocks().widthMillis(), blocks);
  }

  private static RequestStats stats(RunFile.RequestFile file) throws DataFormatException {
    TreeMap<Long, Blocks.Block> blocks = new TreeMap<>();
    for (List<Object> row : require(file.blocks(), "blocks")) {
      if (row.size() != 3 || !(row.get(0) instanceof Number index)
          || !(row.get(1) instanceof Number ko) || !(row.get(2) instanceof String histogram)) {
        throw new DataFormatException("a block is not [index, KO count, histogram]: " + row);
      }
      blocks.put(index.longValue(), Blocks.Block.restore(HistogramCodec.decodeBlock(histogram), ko.longValue()));
    }
    try {
      RequestStats stats = RequestStats.restore(
          HistogramCodec.decodeLatencies(require(file.histogram(), "histogram")),
          HistogramCodec.decodeLatencies(require(file.okHistogram(), "okHistogram")),
          file.koCount(),
          file.koMessages() == null ? Map.of() : file.koMessages(),
          Blocks.restore(file.blockWidthMillis(), blocks));
      if (stats.count() != file.count()) {
        throw new DataFormatException("count " + file.count() + " but the histogram holds "
            + stats.count() + " responses");
      }
      return stats;
    } catch (IllegalArgumentException e) {
      throw new DataFormatException(e.getMessage());
    }
  }

  private static <T> T require(T value, String field) {
    if (value == null) {
      throw new IllegalArgumentException("missing field " + field);
    }
    return value;
  }
}
