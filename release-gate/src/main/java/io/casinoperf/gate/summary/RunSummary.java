package io.casinoperf.gate.summary;

import io.casinoperf.gate.log.RunHeader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * What a run did, from one or more {@code simulation.log} files of it (one per injector): counts,
 * errors and response-time histograms per request and for all requests, the groups' durations,
 * users, and a per-second timeline. Merging injectors adds their histograms and counts, so
 * percentiles of the merged run are those of one histogram fed every response.
 *
 * <p>Histograms are returned as they are held: treat them as read-only.
 *
 * @param injectors the run header of each log, in the order read
 * @param start the earliest injector start
 * @param end the latest response (or other record) seen, across injectors
 * @param all every request of the run
 * @param requests per request, sorted by path
 * @param groups per group path (response time = group duration), sorted by path
 * @param errors records of actions that could not be built (not requests), by message (KO and
 *     error messages are trimmed, as Gatling's report shows them)
 * @param partial true when a log ended inside a record: the run is incomplete
 * @param warnings one line each, for the user (e.g. which file was cut short)
 * @param phases the requests of each phase of the workload, in the run record's order; empty
 *     when the run was read without phases
 */
public record RunSummary(
    List<RunHeader> injectors,
    Instant start,
    Instant end,
    RequestStats all,
    SortedMap<RequestKey, RequestStats> requests,
    SortedMap<RequestKey, RequestStats> groups,
    long usersStarted,
    long usersEnded,
    Map<String, Long> errors,
    Timeline timeline,
    boolean partial,
    List<String> warnings,
    List<PhaseSummary> phases) {

  /**
   * Name of the request a run's circuit breaker fails to build on purpose when it stops the run:
   * Gatling logs the failure as an error record {@code "Circuit breaker: <exception>: stopped the
   * run: <reason>"}.
   */
  public static final String CIRCUIT_BREAKER_REQUEST = "Circuit breaker";
  /** What precedes the reason in that record's message. */
  public static final String CIRCUIT_BREAKER_STOPPED = "stopped the run: ";

  /** A KO message and how often it occurred. */
  public record ErrorCount(String message, long count) {}

  public RunSummary {
    injectors = List.copyOf(injectors);
    requests = Collections.unmodifiableSortedMap(requests);
    groups = Collections.unmodifiableSortedMap(groups);
    errors = Map.copyOf(errors);
    warnings = List.copyOf(warnings);
    phases = List.copyOf(phases);
  }

  /** A run read without phases. */
  public RunSummary(List<RunHeader> injectors, Instant start, Instant end, RequestStats all,
      SortedMap<RequestKey, RequestStats> requests, SortedMap<RequestKey, RequestStats> groups,
      long usersStarted, long usersEnded, Map<String, Long> errors, Timeline timeline,
      boolean partial, List<String> warnings) {
    this(injectors, start, end, all, requests, groups, usersStarted, usersEnded, errors, timeline,
        partial, warnings, List.of());
  }

  public String simulationClass() {
    return injectors.get(0).simulationClass();
  }

  public String gatlingVersion() {
    return injectors.get(0).gatlingVersion();
  }

  public Duration duration() {
    return Duration.between(start, end);
  }

  /**
   * Why the run's circuit breaker stopped it: one reason per injector whose breaker opened (two
   * injectors with the same reason give it twice), sorted; empty when it ran to its end.
   */
  public List<String> circuitBreakerStops() {
    String mark = CIRCUIT_BREAKER_REQUEST + ": ";
    List<String> reasons = new ArrayList<>();
    errors.forEach((message, count) -> {
      int at = message.startsWith(mark) ? message.indexOf(CIRCUIT_BREAKER_STOPPED, mark.length()) : -1;
      if (at >= 0) {
        String reason = message.substring(at + CIRCUIT_BREAKER_STOPPED.length()).strip();
        for (long i = 0; i < count; i++) {
          reasons.add(reason);
        }
      }
    });
    Collections.sort(reasons);
    return List.copyOf(reasons);
  }

  /** The {@code limit} most frequent KO messages over all requests, most frequent first. */
  public List<ErrorCount> topErrors(int limit) {
    return all.koMessages().entrySet().stream()
        .map(e -> new ErrorCount(e.getKey(), e.getValue()))
        .sorted(Comparator.comparingLong(ErrorCount::count).reversed()
            .thenComparing(ErrorCount::message))
        .limit(limit)
        .toList();
  }
}
