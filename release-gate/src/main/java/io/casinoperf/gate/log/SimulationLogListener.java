package io.casinoperf.gate.log;

import java.util.List;

/**
 * Receives the records of a {@code simulation.log} in file order. Timestamps are milliseconds
 * since {@link RunHeader#start()}. Group lists run from the outermost group inwards and are empty
 * outside any group; they are shared between records and must not be modified. Every method does
 * nothing unless overridden.
 */
public interface SimulationLogListener {

  default void onRun(RunHeader run) {}

  /**
   * One request and its response (or its failure to get one).
   *
   * @param ok false for a KO: a failed check, a connection error, a timeout
   * @param message the KO's message; empty for OK
   */
  default void onRequest(
      List<String> groups, String name, int startMillis, int endMillis, boolean ok, String message) {}

  /** A virtual user of {@code scenario} starting ({@code start}) or ending. */
  default void onUser(String scenario, boolean start, int timestampMillis) {}

  /**
   * A group closing.
   *
   * @param groups the group's own path, ending with its name
   * @param cumulatedResponseMillis the sum of its requests' response times
   */
  default void onGroup(
      List<String> groups, int startMillis, int endMillis, int cumulatedResponseMillis, boolean ok) {}

  /** An action that could not even be built (e.g. a missing session attribute); not a request. */
  default void onError(String message, int timestampMillis) {}
}
