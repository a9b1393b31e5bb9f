package io.casinoperf.gate.log;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Merges the {@code simulation.log} files of one run's injectors into one log that Gatling's
 * reports-only mode (which reads exactly one log per folder) turns into one report.
 *
 * <ul>
 *   <li><b>Header</b>: version, simulation, start, description and assertions of the log that
 *       started first. Every log must come from the same simulation and Gatling version. The
 *       scenarios are the union of the logs' scenarios (the first log's order, then new names as
 *       met), and each user record keeps its scenario by name.
 *   <li><b>Timestamps</b> move onto the first start: a log that started {@code d} ms later has
 *       {@code d} added to each of its timestamps. The format holds them as int32 milliseconds, so
 *       a result beyond 24.8 days is refused rather than wrapped.
 *   <li><b>Order</b>: a streaming k-way merge by the time each record completed (a request's or
 *       group's end, a user's or error's timestamp), which is the order Gatling appends them in;
 *       each log's own order is kept, and ties go to the log given first. Gatling's report needs
 *       this: its active-users chart assumes user records move forward in time. Everything else it
 *       aggregates in any order.
 *   <li><b>Cut logs</b>: a log that ends inside a record (a killed injector) contributes its whole
 *       records, and the merge says so in a warning.
 * </ul>
 *
 * <p>Memory: one record and one 256 KiB read buffer per input, the writer's buffer, and the
 * string caches (distinct names and messages); never the records themselves. The merged log is
 * written to a temporary file beside the target and renamed onto it, so a failed merge leaves
 * whatever was there before.
 */
public final class SimulationLogMerge {
  private static final long MAX_SHIFT_MILLIS = Integer.MAX_VALUE;

  private SimulationLogMerge() {}

  /**
   * What a merge wrote.
   *
   * @param header the merged log's run header
   * @param records records written after the header
   * @param inputs what was read from each input, in the order given
   * @param warnings one line per problem that did not stop the merge (a cut log, assertions that
   *     differ between logs, logs that do not overlap in time)
   */
  public record MergedLog(
      Path file, RunHeader header, long records, List<ReadOutcome> inputs, List<String> warnings) {
    public MergedLog {
      inputs = List.copyOf(inputs);
      warnings = List.copyOf(warnings);
    }

    /** True when an input was cut off inside a record. */
    public boolean partial() {
      return inputs.stream().anyMatch(ReadOutcome::partial);
    }
  }

  /**
   * Merges {@code logs} into {@code target}, replacing it if it exists.
   *
   * @throws InvalidSimulationLogException when an input is not a readable log
   * @throws UnmergeableLogsException when the inputs are not injectors of one run, a file is given
   *     twice, or {@code target} is one of them
   * @throws IllegalArgumentException when no log is given
   */
  public static MergedLog merge(List<Path> logs, Path target) throws IOException {
    if (logs.isEmpty()) {
      throw new IllegalArgumentException("no simulation.log to merge");
    }
    refuseRepeatedFiles(logs, target);
    List<SimulationLogReader> readers = new ArrayList<>();
    try {
      for (Path log : logs) {
        readers.add(SimulationLogReader.open(log));
      }
      List<String> warnings = new ArrayList<>();
      SimulationLogReader first = earliest(readers);
      RunHeader header = mergedHeader(first, readers, warnings);
      List<MergeInput> inputs = new ArrayList<>();
      for (int i = 0; i < readers.size(); i++) {
        inputs.add(new MergeInput(readers.get(i), i, shiftMillis(first, readers.get(i))));
      }
      long records = writeAtomically(target, header, inputs);
      long mergedStart = header.start().toEpochMilli();
      List<RunSpans.Span> spans = new ArrayList<>();
      for (MergeInput input : inputs) {
        long start = mergedStart + input.shiftMillis();
        input.latestCompletedMillis().ifPresent(latest -> spans.add(new RunSpans.Span(
            input.reader().file(), start, Math.max(start, mergedStart + latest))));
      }
      warnings.addAll(RunSpans.gaps(spans));
      List<ReadOutcome> outcomes = new ArrayList<>();
      for (SimulationLogReader reader : readers) {
        ReadOutcome outcome = reader.outcome();
        outcomes.add(outcome);
        if (outcome.partial()) {
          warnings.add(reader.file() + ": cut off inside a record after " + outcome.records()
              + " whole records (" + outcome.validBytes() + " of " + outcome.fileBytes()
              + " bytes); its whole records are merged");
        }
      }
      return new MergedLog(target, header, records, outcomes, warnings);
    } finally {
      for (SimulationLogReader reader : readers) {
        reader.close();
      }
    }
  }

  private static void refuseRepeatedFiles(List<Path> logs, Path target) throws IOException {
    for (int i = 0; i < logs.size(); i++) {
      Path log = logs.get(i);
      for (int j = 0; j < i; j++) {
        if (sameFile(logs.get(j), log)) {
          throw new UnmergeableLogsException(log + ": given twice (also as " + logs.get(j)
              + "); its records would count twice");
        }
      }
      if (sameFile(log, target)) {
        throw new UnmergeableLogsException(target + ": the merged log would replace its input " + log);
      }
    }
  }

  private static boolean sameFile(Path a, Path b) throws IOException {
    return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
  }

  /** The log that started first; the first given among equals. */
  private static SimulationLogReader earliest(List<SimulationLogReader> readers) {
    return readers.stream()
        .min(Comparator.comparing(reader -> reader.header().start()))
        .orElseThrow();
  }

  private static RunHeader mergedHeader(
      SimulationLogReader first, List<SimulationLogReader> readers, List<String> warnings) {
    RunHeader base = first.header();
    Set<String> scenarios = new LinkedHashSet<>(base.scenarios());
    for (SimulationLogReader reader : readers) {
      RunHeader header = reader.header();
      if (!header.simulationClass().equals(base.simulationClass())) {
        throw new UnmergeableLogsException(reader.file() + ": a log of " + header.simulationClass()
            + ", while " + first.file() + " is of " + base.simulationClass()
            + "; merge only the injectors of one run");
      }
      if (!header.gatlingVersion().equals(base.gatlingVersion())) {
        throw new UnmergeableLogsException(reader.file() + ": written by Gatling "
            + header.gatlingVersion() + ", while " + first.file() + " was written by Gatling "
            + base.gatlingVersion() + "; Gatling reads only logs of its own version");
      }
      if (!header.assertions().equals(base.assertions())) {
        warnings.add(reader.file() + ": its assertions differ from those of " + first.file()
            + "; the merged log keeps the latter's");
      }
      scenarios.addAll(header.scenarios());
    }
    return new RunHeader(base.gatlingVersion(), base.simulationClass(), base.start(),
        base.description(), new ArrayList<>(scenarios), base.assertions());
  }

  private static long shiftMillis(SimulationLogReader first, SimulationLogReader reader) {
    long shift = reader.header().start().toEpochMilli() - first.header().start().toEpochMilli();
    if (shift > MAX_SHIFT_MILLIS) {
      throw new UnmergeableLogsException(String.format(Locale.ROOT,
          "%s: started %.1f days after %s, beyond the 24.8 days the format's 32-bit milliseconds"
              + " can hold; these are not injectors of one run",
          reader.file(), Duration.ofMillis(shift).toMinutes() / 1440.0, first.file()));
    }
    return shift;
  }

  private static long writeAtomically(Path target, RunHeader header, List<MergeInput> inputs)
      throws IOException {
    Path folder = target.toAbsolutePath().getParent();
    Path firstMade = folder;
    while (firstMade.getParent() != null && Files.notExists(firstMade.getParent())) {
      firstMade = firstMade.getParent();
    }
    boolean made = Files.notExists(folder);
    Files.createDirectories(folder);
    Path temporary = Files.createTempFile(folder, ".simulation", ".log.tmp");
    boolean written = false;
    try {
      long records;
      try (SimulationLogWriter writer = SimulationLogWriter.create(temporary, header)) {
        records = writeInTimeOrder(inputs, writer);
      }
      readableByAll(temporary);
      Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      written = true;
      return records;
    } finally {
      Files.deleteIfExists(temporary);
      if (made && !written) {
        removeEmptyFolders(folder, firstMade);
      }
    }
  }

  /** A refused merge leaves no folder behind that it made: from {@code folder} up to {@code top}. */
  private static void removeEmptyFolders(Path folder, Path top) {
    for (Path f = folder; f != null && f.startsWith(top); f = f.getParent()) {
      try {
        Files.deleteIfExists(f);
      } catch (IOException e) {
        return; // not empty, or not ours to remove
      }
    }
  }

  private static long writeInTimeOrder(List<MergeInput> inputs, SimulationLogWriter writer)
      throws IOException {
    PriorityQueue<MergeInput> heads = new PriorityQueue<>(Math.max(1, inputs.size()),
        Comparator.comparingInt(MergeInput::completedMillis).thenComparingInt(MergeInput::order));
    for (MergeInput input : inputs) {
      if (input.advance()) {
        heads.add(input);
      }
    }
    long records = 0;
    while (!heads.isEmpty()) {
      MergeInput next = heads.poll();
      next.writeTo(writer);
      records++;
      if (next.advance()) {
        heads.add(next);
      }
    }
    return records;
  }

  /** Temporary files are private (0600); a log is for everyone who can read its folder. */
  private static void readableByAll(Path file) throws IOException {
    if (Files.getFileStore(file).supportsFileAttributeView(PosixFileAttributeView.class)) {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    }
  }
}
