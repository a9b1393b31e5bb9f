package io.casinoperf.gate.summary;

import io.casinoperf.gate.log.ReadOutcome;
import io.casinoperf.gate.log.RunHeader;
import io.casinoperf.gate.log.RunSpans;
import io.casinoperf.gate.log.SimulationLogListener;
import io.casinoperf.gate.log.SimulationLogReader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Builds a {@link RunSummary} from the {@code simulation.log} files of one run. */
public final class RunSummaries {
  private RunSummaries() {}

  /**
   * Reads every log (one per injector of the same run) into one summary.
   *
   * @throws io.casinoperf.gate.log.InvalidSimulationLogException when a file is not a readable
   *     log, or the logs are of different simulations
   * @throws IllegalArgumentException when no log is given
   */
  public static RunSummary read(List<Path> logs) {
    return read(logs, PhaseClock.none());
  }

  /**
   * As {@link #read(List)}, also summarising each phase of the workload apart: a request belongs
   * to the phase whose window holds its start, timed from its own log's start (each injector
   * starts its injection when its log starts).
   */
  public static RunSummary read(List<Path> logs, PhaseClock phases) {
    if (logs.isEmpty()) {
      throw new IllegalArgumentException("no simulation.log given");
    }
    Collector collector = new Collector(phases);
    List<RunHeader> headers = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    boolean partial = false;
    List<RunSpans.Span> spans = new ArrayList<>();
    List<Long> sizes = new ArrayList<>();
    for (Path log : logs) {
      collector.logLatestEpochMillis = Long.MIN_VALUE;
      ReadOutcome outcome = SimulationLogReader.read(log, collector);
      RunHeader header = outcome.header();
      long logStart = header.start().toEpochMilli();
      if (collector.logLatestEpochMillis != Long.MIN_VALUE) {
        spans.add(new RunSpans.Span(log, logStart, Math.max(logStart, collector.logLatestEpochMillis)));
      }
      if (!headers.isEmpty() && !header.simulationClass().equals(headers.get(0).simulationClass())) {
        throw new MismatchedLogsException(
            log + ": a log of " + header.simulationClass() + ", while " + logs.get(0) + " is of "
                + headers.get(0).simulationClass() + "; merge only the injectors of one run");
      }
      refuseRepeated(logs, headers, sizes, log, header, outcome.fileBytes());
      headers.add(header);
      sizes.add(outcome.fileBytes());
      if (outcome.partial()) {
        partial = true;
        warnings.add(log + ": cut off inside a record after " + outcome.records()
            + " whole records (" + outcome.validBytes() + " of " + outcome.fileBytes()
            + " bytes); the run is summarised as partial");
      }
    }
    warnings.addAll(RunSpans.gaps(spans));
    collector.timeline.trim();
    collector.sumAll();
    Instant start = headers.stream().map(RunHeader::start).min(Instant::compareTo).orElseThrow();
    Instant end = collector.latestEpochMillis == Long.MIN_VALUE
        ? start
        : Instant.ofEpochMilli(collector.latestEpochMillis);
    return new RunSummary(
        headers,
        start,
        end,
        collector.all,
        collector.requests,
        collector.groups,
        collector.usersStarted,
        collector.usersEnded,
        collector.errors,
        collector.timeline,
        partial,
        warnings,
        collector.phaseSummaries());
  }

  /**
   * Refuses a log given twice: the same file under two names, or a copy of it (byte for byte;
   * compared only when the run headers and sizes already agree): its responses would count twice.
   */
  private static void refuseRepeated(List<Path> logs, List<RunHeader> headers, List<Long> sizes,
      Path log, RunHeader header, long size) {
    int index = headers.size();
    for (int earlier = 0; earlier < index; earlier++) {
      Path other = logs.get(earlier);
      boolean sameFile;
      try {
        sameFile = java.nio.file.Files.isSameFile(other, log);
      } catch (java.io.IOException e) {
        sameFile = false;
      }
      if (sameFile || (headers.get(earlier).equals(header) && sizes.get(earlier) == size
          && identical(other, log))) {
        throw new MismatchedLogsException(log + ": the same log as " + other + " ("
            + (sameFile ? "the same file" : "an identical copy") + "); its responses would count twice");
      }
    }
  }

  private static boolean identical(Path a, Path b) {
    try {
      return java.nio.file.Files.mismatch(a, b) == -1;
    } catch (java.io.IOException e) {
      return false;
    }
  }

  /** Logs that cannot be one run: they come from different simulations. */
  public static final class MismatchedLogsException extends IllegalArgumentException {
    MismatchedLogsException(String message) {
      super(message);
    }
  }

  /** Accumulates the records of every log; timestamps become absolute with each log's start. */
  private static final class Collector implements SimulationLogListener {
    final RequestStats all = new RequestStats();
    final TreeMap<RequestKey, RequestStats> requests = new TreeMap<>();
    final TreeMap<RequestKey, RequestStats> groups = new TreeMap<>();
    final Map<String, Long> errors = new HashMap<>();
    final Timeline timeline = new Timeline();
    final Map<List<String>, Map<String, Slot>> byGroupsAndName = new HashMap<>();
    final Slot[] recentSlots = new Slot[8];
    int nextRecent;
    final Map<String, String> strippedMessages = new java.util.IdentityHashMap<>();
    final PhaseClock clock;
    final RequestStats[] phaseAll;
    final List<TreeMap<RequestKey, RequestStats>> phaseRequests = new ArrayList<>();
    long usersStarted;
    long usersEnded;
    long runStartEpochMillis;
    long latestEpochMillis = Long.MIN_VALUE;
    long logLatestEpochMillis = Long.MIN_VALUE;

    Collector(PhaseClock clock) {
      this.clock = clock;
      int phases = clock.names().size();
      phaseAll = new RequestStats[phases];
      for (int i = 0; i < phases; i++) {
        phaseAll[i] = new RequestStats();
        phaseRequests.add(new TreeMap<>());
      }
    }

    /** A request's stats for the whole run and, created when first needed, for each phase. */
    private final class Slot {
      final List<String> groupPath;
      final RequestKey key;
      final RequestStats whole;
      final RequestStats[] byPhase = new RequestStats[phaseAll.length];

      Slot(List<String> groupPath, RequestKey key) {
        this.groupPath = groupPath;
        this.key = key;
        this.whole = requests.computeIfAbsent(key, k -> new RequestStats());
      }

      RequestStats phase(int index) {
        RequestStats stats = byPhase[index];
        if (stats == null) {
          stats = phaseRequests.get(index).computeIfAbsent(key, k -> new RequestStats());
          byPhase[index] = stats;
        }
        return stats;
      }
    }

    List<PhaseSummary> phaseSummaries() {
      List<PhaseSummary> phases = new ArrayList<>();
      for (int i = 0; i < phaseAll.length; i++) {
        phases.add(new PhaseSummary(clock.names().get(i), phaseAll[i], phaseRequests.get(i)));
      }
      return phases;
    }

    @Override
    public void onRun(RunHeader run) {
      runStartEpochMillis = run.start().toEpochMilli();
    }

    @Override
    public void onRequest(
        List<String> groupPath, String name, int startMillis, int endMillis, boolean ok, String message) {
      long responseMillis = (long) endMillis - startMillis;
      Slot slot = slot(groupPath, name);
      String shown = ok ? message : stripped(message);
      long startEpochMillis = runStartEpochMillis + startMillis;
      // Each response is recorded once per request (and phase); "all requests" is their sum.
      slot.whole.record(startEpochMillis, responseMillis, ok, shown);
      if (phaseAll.length > 0) {
        int phase = clock.phaseAt(startMillis);
        if (phase >= 0) {
          slot.phase(phase).record(startEpochMillis, responseMillis, ok, shown);
        }
      }
      timeline.record(startEpochMillis, ok);
      seen(endMillis);
    }

    /**
     * The request's stats. Names and group paths are the reader's shared instances, so the last
     * few are found by identity before any hashing: most records name one of a handful.
     */
    private Slot slot(List<String> groupPath, String name) {
      for (Slot recent : recentSlots) {
        if (recent != null && recent.key.name() == name && recent.groupPath == groupPath) {
          return recent;
        }
      }
      // Two-level lookup on the shared group list and the cached name: no key object per record.
      Slot slot =
          byGroupsAndName
              .computeIfAbsent(groupPath, g -> new HashMap<>())
              .computeIfAbsent(name, n -> new Slot(groupPath, new RequestKey(groupPath, n)));
      recentSlots[nextRecent] = slot;
      nextRecent = (nextRecent + 1) % recentSlots.length;
      return slot;
    }

    /** A KO message as the reports show it; Gatling's messages repeat, so each is stripped once. */
    private String stripped(String message) {
      return strippedMessages.computeIfAbsent(message, String::strip);
    }

    /** Sums the requests' stats into the run's and each phase's "all requests". */
    void sumAll() {
      requests.values().forEach(all::add);
      for (int i = 0; i < phaseAll.length; i++) {
        phaseRequests.get(i).values().forEach(phaseAll[i]::add);
      }
    }

    @Override
    public void onGroup(
        List<String> groupPath, int startMillis, int endMillis, int cumulatedResponseMillis, boolean ok) {
      if (groupPath.isEmpty()) {
        return;
      }
      RequestKey key =
          new RequestKey(groupPath.subList(0, groupPath.size() - 1), groupPath.get(groupPath.size() - 1));
      groups.computeIfAbsent(key, k -> new RequestStats())
          .record(runStartEpochMillis + startMillis, (long) endMillis - startMillis, ok,
              ok ? "" : "group failed");
      seen(endMillis);
    }

    @Override
    public void onUser(String scenario, boolean start, int timestampMillis) {
      timeline.user(runStartEpochMillis + timestampMillis, start);
      if (start) {
        usersStarted++;
      } else {
        usersEnded++;
      }
      seen(timestampMillis);
    }

    @Override
    public void onError(String message, int timestampMillis) {
      // Gatling writes some of these with a trailing space; its report shows them trimmed.
      errors.merge(message.strip(), 1L, Long::sum);
      if (message.startsWith(RunSummary.CIRCUIT_BREAKER_REQUEST + ": ")
          && message.contains(RunSummary.CIRCUIT_BREAKER_STOPPED)) {
        timeline.stop(runStartEpochMillis + timestampMillis);
      }
      seen(timestampMillis);
    }

    private void seen(int millis) {
      latestEpochMillis = Math.max(latestEpochMillis, runStartEpochMillis + millis);
      logLatestEpochMillis = Math.max(logLatestEpochMillis, runStartEpochMillis + millis);
    }
  }
}
