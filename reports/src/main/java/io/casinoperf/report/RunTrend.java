package io.casinoperf.report;

import io.casinoperf.gate.history.HistoryException;
import io.casinoperf.gate.history.RunHistory;
import io.casinoperf.gate.history.RunRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The runs of one simulation across releases, oldest recorded first, as trend.html shows them:
 * per run its label, verdict and the request that decided it, and per request its count, p99 and
 * error rate.
 *
 * <p>p99 is {@link RequestStats#percentileMillis}(99), the nearest-rank percentile of every
 * response (OK or KO) that the gate judges SLOs by; error rate is the KO share. Runs are read one
 * at a time and only these numbers are kept, so hundreds of runs take little memory.
 *
 * @param simulation the simulation class whose runs these are
 * @param chosenByDefault true when no simulation was asked for and the newest run's was taken
 * @param otherSimulations the history's other simulations with their number of runs
 * @param requests "All requests" first, then every request path seen in any run, sorted
 * @param problems one line per history file that could not be read (skipped)
 */
public record RunTrend(String simulation, boolean chosenByDefault, Map<String, Integer> otherSimulations,
    List<Run> runs, List<String> requests, List<String> problems) {
  public static final String ALL_REQUESTS = "All requests";

  public RunTrend {
    if (runs.isEmpty()) {
      throw new IllegalArgumentException("a trend needs at least one run");
    }
    otherSimulations = Map.copyOf(otherSimulations);
    runs = List.copyOf(runs);
    requests = List.copyOf(requests);
    problems = List.copyOf(problems);
  }

  /** How the gate judged a run, as the trend's table and counts show it. */
  public enum Outcome {
    /** Judged pass or improvement and complete: eligible as a baseline. */
    PASS("pass", "●"),
    /** Judged regression: slower, more errors, outside an SLO, drift or a money mismatch. */
    REGRESSION("regression", "▲"),
    /** Judged inconclusive, cut off (partial), or not judged. */
    INCONCLUSIVE("inconclusive", "◆"),
    /** Stopped by its circuit breaker: a run up to then, not of the whole workload. */
    ABORTED("aborted", "✕"),
    /** Its injector was saturated: the numbers measure the load generator, not the platform. */
    INVALID("invalid", "□");

    private final String cssClass;
    private final String symbol;

    Outcome(String cssClass, String symbol) {
      this.cssClass = cssClass;
      this.symbol = symbol;
    }

    /** The class of the run's table row and badge. */
    public String cssClass() {
      return cssClass;
    }

    /** The marker's shape as a character, the same shape the charts draw. */
    public String symbol() {
      return symbol;
    }

    static Outcome of(RunRecord record) {
      Optional<io.casinoperf.gate.verdict.Outcome> judged =
          record.verdict().flatMap(io.casinoperf.gate.verdict.Outcome::ofLabel);
      if (judged.isPresent()) {
        // Case labels are the gate's outcomes; what is returned, the trend's.
        switch (judged.get()) {
          case REGRESSION, SLO_BREACH:
            return REGRESSION;
          case ABORTED:
            return ABORTED;
          case INVALID:
            return INVALID;
          default:
            break;
        }
      }
      return record.passed() ? PASS : INCONCLUSIVE;
    }
  }

  /** What a run's point on one request's chart shows. */
  public enum Marker {
    PASS,
    REGRESSION,
    INCONCLUSIVE,
    /** A regression or inconclusive verdict that another request's check decided: a plain point here. */
    JUDGED_ELSEWHERE,
    ABORTED,
    INVALID;

    /** Whether the chart's line joins the point: only runs whose numbers measure the platform. */
    public boolean onLine() {
      return this != ABORTED && this != INVALID;
    }
  }

  /**
   * One request in one run.
   *
   * @param p99Millis nearest-rank p99 of all responses, ms (0 when there were none)
   * @param errorRate KO share in [0, 1]
   */
  public record Point(long count, long p99Millis, double errorRate) {
    static Point of(RunHistory.RequestTotals stats) {
      return new Point(stats.count(), stats.p99Millis(), stats.errorRate());
    }
  }

  /**
   * One stored run.
   *
   * @param lastPassBefore the latest passing run of the same workload recorded before this one
   *     (the gate's default baseline at the time), or null
   * @param points by request path; "All requests" always present
   * @param gateReport the gate.html the gate wrote for this run, when it was recorded and no run
   *     recorded later had its gate.html written to the same path (which would have replaced it);
   *     whether it is still on disk is not checked here
   */
  public record Run(RunRecord record, Outcome outcome, RunRecord lastPassBefore, Map<String, Point> points,
      Optional<String> gateReport) {
    public Run {
      points = Map.copyOf(points);
    }

    /** The label, or the id's random suffix when the run has none: what the chart axis shows. */
    public String axisLabel() {
      return record.label().isBlank() ? shortId(record) : record.label();
    }

    public Point all() {
      return points.get(ALL_REQUESTS);
    }

    /**
     * The run's marker on the chart of this request. Passes, aborted and invalid runs are marked
     * alike on every chart: eligibility as a baseline and numbers that do not measure the platform
     * hold for the whole run. A regression or inconclusive verdict is marked on the chart of the
     * request that decided it ("All requests" for all requests together and for rules about the
     * whole run); on the others the run is {@link Marker#JUDGED_ELSEWHERE}. A run whose deciding
     * request is not known (stored before the gate recorded it, marked by hand, not judged) is
     * marked on every chart.
     */
    public Marker markerOn(String path) {
      return switch (outcome) {
        case PASS -> Marker.PASS;
        case ABORTED -> Marker.ABORTED;
        case INVALID -> Marker.INVALID;
        case REGRESSION, INCONCLUSIVE -> {
          if (record.decidedBy().filter(decider -> !decider.equals(path)).isPresent()) {
            yield Marker.JUDGED_ELSEWHERE;
          }
          yield outcome == Outcome.REGRESSION ? Marker.REGRESSION : Marker.INCONCLUSIVE;
        }
      };
    }

    static String shortId(RunRecord record) {
      return record.id().substring(record.id().lastIndexOf('-') + 1);
    }
  }

  /**
   * Reads the runs of one simulation from a history folder.
   *
   * @param simulation a simulation class, or its simple name when that is unambiguous; empty
   *     for the simulation of the newest recorded run
   * @throws HistoryException when the history holds no readable run, or none of the simulation
   */
  public static RunTrend read(RunHistory history, Optional<String> simulation) {
    RunHistory.Listing listing = history.list();
    // A run stored twice (gated again before the history kept fingerprints) is one point.
    List<RunRecord> recorded = new ArrayList<>(
        io.casinoperf.gate.history.Baselines.distinct(listing.runs()));
    recorded.sort(Comparator.comparing(RunRecord::recordedAt).thenComparing(RunRecord::runStart)
        .thenComparing(RunRecord::id));
    if (recorded.isEmpty()) {
      throw new HistoryException("no runs in " + history.folder()
          + (listing.problems().isEmpty() ? "" : " (" + listing.problems().size() + " unreadable files)"));
    }
    Map<String, Integer> counts = new TreeMap<>();
    recorded.forEach(r -> counts.merge(r.comparability().simulation(), 1, Integer::sum));
    String chosen = simulation.isPresent()
        ? choose(simulation.get(), counts, history)
        : recorded.get(recorded.size() - 1).comparability().simulation();
    Map<String, Integer> others = new TreeMap<>(counts);
    others.remove(chosen);
    // Each gate.html path is the report of the last run recorded with it: a later gate that wrote
    // to the same folder replaced the page (recorded is oldest first, so later runs win).
    Map<String, String> lastWriter = new HashMap<>();
    recorded.forEach(r -> r.gateReport().ifPresent(page -> lastWriter.put(page, r.id())));

    List<Run> runs = new ArrayList<>();
    List<String> problems = new ArrayList<>(listing.problems());
    TreeSet<String> paths = new TreeSet<>();
    List<RunRecord> passed = new ArrayList<>();
    for (RunRecord record : recorded) {
      if (!record.comparability().simulation().equals(chosen)) {
        continue;
      }
      RunHistory.RunTotals totals;
      try {
        totals = history.loadTotals(record.id());
      } catch (HistoryException e) {
        // One damaged file (counts that disagree with its histograms) never hides the others.
        problems.add(e.getMessage() + ", skipped");
        continue;
      }
      Map<String, Point> points = new LinkedHashMap<>();
      points.put(ALL_REQUESTS, Point.of(totals.all()));
      totals.requests().forEach((key, stats) -> {
        points.put(key.path(), Point.of(stats));
        paths.add(key.path());
      });
      Outcome outcome = Outcome.of(record);
      Optional<String> gateReport =
          record.gateReport().filter(page -> lastWriter.get(page).equals(record.id()));
      runs.add(new Run(record, outcome, lastPassOfSameWorkload(passed, record), points, gateReport));
      if (outcome == Outcome.PASS) {
        passed.add(record);
      }
    }
    List<String> requests = new ArrayList<>();
    requests.add(ALL_REQUESTS);
    paths.remove(ALL_REQUESTS);
    requests.addAll(paths);
    return new RunTrend(chosen, simulation.isEmpty(), others, runs, requests, problems);
  }

  private static RunRecord lastPassOfSameWorkload(List<RunRecord> passed, RunRecord run) {
    for (int i = passed.size() - 1; i >= 0; i--) {
      if (passed.get(i).comparability().sameWorkload(run.comparability())) {
        return passed.get(i);
      }
    }
    return null;
  }

  private static String choose(String asked, Map<String, Integer> counts, RunHistory history) {
    if (counts.containsKey(asked)) {
      return asked;
    }
    List<String> bySimpleName = counts.keySet().stream()
        .filter(name -> name.substring(name.lastIndexOf('.') + 1).equals(asked))
        .toList();
    if (bySimpleName.size() == 1) {
      return bySimpleName.get(0);
    }
    throw new HistoryException("no runs of simulation " + asked + " in " + history.folder()
        + (bySimpleName.isEmpty() ? "" : " (ambiguous: " + String.join(", ", bySimpleName) + ")")
        + "; it holds " + counts.entrySet().stream()
            .map(e -> e.getKey() + " (" + e.getValue() + (e.getValue() == 1 ? " run)" : " runs)"))
            .collect(Collectors.joining(", ")));
  }
}
