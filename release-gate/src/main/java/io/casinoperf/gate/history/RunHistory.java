package io.casinoperf.gate.history;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.casinoperf.gate.summary.RunSummary;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import java.util.zip.DataFormatException;

/**
 * A folder of stored runs, one JSON file per run ({@code <id>.json}, see docs/HISTORY.md): the
 * gate's baselines. Writes go to a temporary file in the same folder, then an atomic rename, so a
 * reader never sees half a file and two pipelines saving at once (under different ids) cannot
 * corrupt each other. A file that cannot be read is reported and skipped, never deleted.
 */
public final class RunHistory {
  private static final String SUFFIX = ".json";
  private static final Pattern ID = Pattern.compile("[0-9]{8}T[0-9]{6}Z-[a-z0-9._-]{1,80}-[0-9a-f]{6}");
  private static final DateTimeFormatter ID_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final Path folder;
  private final ObjectMapper json =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /**
   * Readers that skip what they do not need: listing reads only each run's metadata, totals leave
   * out the per-second blocks (most of a stored run's bytes).
   */
  private final ObjectMapper headers = json.copy().addMixIn(RunFile.class, HeaderOnly.class);
  private final ObjectMapper totals = json.copy().addMixIn(RunFile.RequestFile.class, TotalsOnly.class);

  @com.fasterxml.jackson.annotation.JsonIgnoreProperties({"all", "requests", "runRecord"})
  private interface HeaderOnly {}

  @com.fasterxml.jackson.annotation.JsonIgnoreProperties({"okHistogram", "blocks"})
  private interface TotalsOnly {}

  /** A request's totals in a stored run: responses, KOs and every response time (ms). */
  public record RequestTotals(long count, long koCount, org.HdrHistogram.Histogram latencies) {
    /** The gate's p99: nearest rank over every response. */
    public long p99Millis() {
      return io.casinoperf.gate.summary.LatencyHistograms.percentile(latencies, 99);
    }

    public double errorRate() {
      return count == 0 ? 0 : (double) koCount / count;
    }
  }

  /** A stored run's totals, all requests and each request, without the blocks. */
  public record RunTotals(RunRecord record, RequestTotals all,
      java.util.SortedMap<io.casinoperf.gate.summary.RequestKey, RequestTotals> requests) {}

  /** What {@link #list()} found: the readable runs, oldest first, and a line per unreadable file. */
  public record Listing(List<RunRecord> runs, List<String> problems) {}

  public RunHistory(Path folder) {
    this.folder = folder;
  }

  public Path folder() {
    return folder;
  }

  /**
   * Stores a run and returns its record.
   *
   * @param verdict the gate's verdict label if judged (pass, improvement, inconclusive, regression, aborted)
   * @throws HistoryException when the folder cannot be created or written
   */
  public RunRecord save(RunSummary summary, String label, Comparability comparability,
      Optional<String> verdict, Clock clock) {
    return save(summary, label, comparability, verdict, Optional.empty(), clock);
  }

  /** The same, remembering where Gatling's HTML report of the run is. */
  public RunRecord save(RunSummary summary, String label, Comparability comparability,
      Optional<String> verdict, Optional<String> gatlingReport, Clock clock) {
    return store(Optional.empty(), RunIdentity.of(summary), summary, label, comparability,
        verdict, Optional.empty(),
        Optional.empty(), gatlingReport, Optional.empty(), clock);
  }

  /**
   * What the gate said about a run, stored with it.
   *
   * @param verdict the outcome's label ({@link io.casinoperf.gate.verdict.Outcome#label()})
   * @param decidedBy the request whose check decided the verdict
   *     ({@link io.casinoperf.gate.verdict.RunVerdict#decidedBy()}); empty for a pass
   * @param gateReport the absolute path of the gate.html the gate writes for the run
   */
  public record Judgement(String verdict, Optional<String> decidedBy, Optional<String> gateReport) {}

  /**
   * A run the gate judged, with where Gatling's report of it is and the run's own record (its
   * run.json text, as the simulation wrote it).
   */
  public RunRecord save(RunSummary summary, String label, Comparability comparability,
      Judgement judgement, Optional<String> gatlingReport, Optional<String> runRecordJson,
      Clock clock) {
    return store(Optional.empty(), RunIdentity.of(summary), summary, label, comparability,
        Optional.of(judgement.verdict()),
        judgement.decidedBy(), judgement.gateReport(), gatlingReport, runRecordJson, clock);
  }

  /**
   * As {@link #save(RunSummary, String, Comparability, Judgement, Optional, Optional, Clock)}
   * under an id drawn beforehand with {@link #freeId}, so that reports naming the id can be
   * written before the run is stored.
   *
   * @param identity the run's identity, as {@link RunIdentity#of} gave it for the summary
   * @throws HistoryException when the id was taken meanwhile, or the folder cannot be written
   */
  public RunRecord save(String id, RunIdentity identity, RunSummary summary, String label,
      Comparability comparability, Judgement judgement, Optional<String> gatlingReport,
      Optional<String> runRecordJson, Clock clock) {
    return store(Optional.of(id), identity, summary, label, comparability,
        Optional.of(judgement.verdict()),
        judgement.decidedBy(), judgement.gateReport(), gatlingReport, runRecordJson, clock);
  }

  /** An id no stored run has, for the run of this summary. */
  public String freeId(RunSummary summary, Comparability comparability) {
    for (int attempt = 0; attempt < 5; attempt++) {
      String id = newId(summary, comparability);
      if (!Files.exists(folder.resolve(id + SUFFIX))) {
        return id;
      }
    }
    throw new HistoryException("cannot find a free run id in " + folder);
  }

  /** The stored run that is this run ({@link RunIdentity#matches}), if any, the first stored. */
  public static Optional<RunRecord> find(List<RunRecord> listed, RunIdentity run) {
    return listed.stream().filter(run::matches)
        .min(Comparator.comparing(RunRecord::recordedAt));
  }

  private RunRecord store(Optional<String> givenId, RunIdentity identity, RunSummary summary,
      String label, Comparability comparability, Optional<String> verdict, Optional<String> decidedBy,
      Optional<String> gateReport, Optional<String> gatlingReport, Optional<String> runRecordJson,
      Clock clock) {
    com.fasterxml.jackson.databind.JsonNode runRecord;
    try {
      runRecord = runRecordJson.isPresent() ? json.readTree(runRecordJson.get()) : null;
    } catch (IOException e) {
      throw new IllegalArgumentException("the run record is not JSON", e);
    }
    givenId.ifPresent(this::fileOf);
    Optional<String> fingerprint = Optional.of(identity.fingerprint());
    createFolder();
    for (int attempt = 0; attempt < 5; attempt++) {
      RunRecord record = new RunRecord(givenId.orElseGet(() -> newId(summary, comparability)),
          label == null ? "" : label, clock.instant(), summary.start(), summary.end(),
          comparability, verdict, summary.partial(), gatlingReport, decidedBy, gateReport,
          fingerprint);
      try {
        write(record.id(), RunFiles.toFile(record, summary, runRecord), false);
        return record;
      } catch (FileAlreadyExistsException e) {
        if (givenId.isPresent()) {
          throw new HistoryException("run id " + givenId.get() + " was taken in " + folder
              + " while the reports were written; the run was not stored", e);
        }
        // Another pipeline drew the same id in the same second: draw again.
      } catch (IOException e) {
        throw new HistoryException("cannot write to the history folder " + folder + ": "
            + oneLine(e), e);
      }
    }
    throw new HistoryException("cannot find a free run id in " + folder);
  }

  /** Every readable run, oldest first; unreadable files are listed as problems and skipped. */
  public Listing list() {
    List<RunRecord> runs = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    if (!Files.isDirectory(folder)) {
      return new Listing(runs, problems);
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*" + SUFFIX)) {
      for (Path file : files) {
        try {
          runs.add(RunFiles.record(read(file, headers)));
        } catch (IOException | RuntimeException e) {
          problems.add(file + ": unreadable, skipped (" + oneLine(e) + ")");
        }
      }
    } catch (IOException e) {
      throw new HistoryException("cannot list " + folder + ": " + e.getMessage(), e);
    }
    runs.sort(Comparator.comparing(RunRecord::runStart).thenComparing(RunRecord::id));
    problems.sort(String::compareTo);
    return new Listing(runs, problems);
  }

  /**
   * The run with this id, histograms included.
   *
   * @throws HistoryException when there is no such run or its file cannot be read
   */
  public StoredRun load(String id) {
    Path file = fileOf(id);
    if (!Files.isRegularFile(file)) {
      throw new HistoryException("no run " + id + " in " + folder);
    }
    try {
      RunFile content = read(file);
      return new StoredRun(RunFiles.record(content), RunFiles.summary(content));
    } catch (IOException | DataFormatException | RuntimeException e) {
      throw new HistoryException(file + ": unreadable (" + oneLine(e) + ")", e);
    }
  }

  /**
   * The run's totals per request: counts, KOs and latency histograms, without its per-second
   * blocks — a fraction of {@link #load}'s work, for reading many runs (the trend report).
   *
   * @throws HistoryException when there is no such run or its file cannot be read
   */
  public RunTotals loadTotals(String id) {
    Path file = fileOf(id);
    if (!Files.isRegularFile(file)) {
      throw new HistoryException("no run " + id + " in " + folder);
    }
    try {
      RunFile content = read(file, totals);
      java.util.TreeMap<io.casinoperf.gate.summary.RequestKey, RequestTotals> requests = new java.util.TreeMap<>();
      for (RunFile.RequestFile request : content.requests()) {
        requests.put(new io.casinoperf.gate.summary.RequestKey(
            request.groups() == null ? List.of() : request.groups(), request.name()), totals(request));
      }
      return new RunTotals(RunFiles.record(content), totals(content.all()), requests);
    } catch (IOException | DataFormatException | RuntimeException e) {
      throw new HistoryException(file + ": unreadable (" + oneLine(e) + ")", e);
    }
  }

  private static RequestTotals totals(RunFile.RequestFile request) throws DataFormatException {
    if (request == null || request.histogram() == null) {
      throw new DataFormatException("a request without its histogram");
    }
    org.HdrHistogram.Histogram latencies = HistogramCodec.decodeLatencies(request.histogram());
    if (latencies.getTotalCount() != request.count() || request.koCount() < 0 || request.koCount() > request.count()) {
      throw new DataFormatException("count " + request.count() + " and KOs " + request.koCount()
          + " disagree with the histogram's " + latencies.getTotalCount() + " responses");
    }
    return new RequestTotals(request.count(), request.koCount(), latencies);
  }

  /**
   * Records a verdict on a stored run by hand (e.g. to make it a baseline), atomically. The run's
   * deciding request is dropped: the new verdict is about the run as a whole.
   */
  public RunRecord markVerdict(String id, String verdict) {
    Path file = fileOf(id);
    if (!Files.isRegularFile(file)) {
      throw new HistoryException("no run " + id + " in " + folder);
    }
    try {
      RunFile old = read(file);
      RunFile marked = new RunFile(old.format(), old.id(), old.label(), old.recordedAt(),
          old.runStart(), old.runEnd(), old.partial(), verdict, null, old.comparability(),
          old.all(), old.requests(), old.gatlingReport(), old.gateReport(), old.runRecord(),
          old.phases(), old.fingerprint());
      write(id, marked, true);
      return RunFiles.record(marked);
    } catch (IOException | RuntimeException e) {
      throw new HistoryException(file + ": cannot mark (" + oneLine(e) + ")", e);
    }
  }

  private RunFile read(Path file) throws IOException {
    return read(file, json);
  }

  private RunFile read(Path file, ObjectMapper reader) throws IOException {
    RunFile content = reader.readValue(file.toFile(), RunFile.class);
    if (content == null || !RunFile.FORMAT.equals(content.format())) {
      throw new IOException("not a " + RunFile.FORMAT + " file (format "
          + (content == null ? "missing" : content.format()) + ")");
    }
    return content;
  }

  private void write(String id, RunFile content, boolean replace) throws IOException {
    Path target = fileOf(id);
    if (!replace && Files.exists(target)) {
      throw new FileAlreadyExistsException(target.toString());
    }
    Path temporary = Files.createTempFile(folder, "." + id, ".tmp");
    try {
      json.writeValue(temporary.toFile(), content);
      if (Files.getFileStore(temporary).supportsFileAttributeView(PosixFileAttributeView.class)) {
        // Temporary files are private; a stored run is for every reader of the history.
        Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-r--r--"));
      }
      if (replace) {
        move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
      } else {
        // A hard link fails if the target appeared meanwhile: no run is ever overwritten.
        Files.createLink(target, temporary);
      }
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  private static void move(Path from, Path to, StandardCopyOption replace) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, replace);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, replace);
    }
  }

  private void createFolder() {
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new HistoryException("cannot create the history folder " + folder + ": " + e, e);
    }
  }

  private Path fileOf(String id) {
    if (id == null || !ID.matcher(id).matches()) {
      throw new HistoryException("not a run id: '" + id + "' (expected like 20261127T101500Z-"
          + "flashspinpeaksimulation-3fa9c1)");
    }
    return folder.resolve(id + SUFFIX);
  }

  private static String newId(RunSummary summary, Comparability comparability) {
    String simulation = comparability.simulation();
    String simple = simulation.substring(simulation.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT)
        .replaceAll("[^a-z0-9._-]", "-");
    if (simple.isEmpty()) {
      simple = "run";
    }
    byte[] random = new byte[3];
    ThreadLocalRandom.current().nextBytes(random);
    return ID_TIME.format(summary.start()) + "-" + simple + "-" + HexFormat.of().formatHex(random);
  }

  private static String oneLine(Throwable e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return message.lines().findFirst().orElse(message);
  }
}
