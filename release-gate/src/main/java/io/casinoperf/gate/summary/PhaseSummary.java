package io.casinoperf.gate.summary;

import java.util.Collections;
import java.util.SortedMap;

/**
 * The requests of one phase of a run's workload (see {@link PhaseClock}): those that started
 * inside its windows.
 *
 * @param name the phase's name, as the run record gives it
 * @param all every request of the phase
 * @param requests per request, sorted by path
 */
public record PhaseSummary(String name, RequestStats all, SortedMap<RequestKey, RequestStats> requests) {
  public PhaseSummary {
    requests = Collections.unmodifiableSortedMap(requests);
  }

  /** How a request of a phase is named in verdicts and reports: {@code peak: Spin}. */
  public static String label(String phase, String path) {
    return phase + ": " + path;
  }
}
