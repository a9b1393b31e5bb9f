package io.casinoperf.scenarios.live;

/**
 * Told the outcome of every guarded request as it happens (the run's live metrics). Called from
 * Gatling's threads after each request: it must be quick and thread-safe.
 */
@FunctionalInterface
public interface RequestObserver {
  /**
   * @param request the request's name, as Gatling's report names it
   * @param ok whether Gatling counts it OK: a response, and every check passed
   * @param responseMillis Gatling's response time; for a request without response, the time
   *     until its failure
   */
  void requestDone(String request, boolean ok, long responseMillis);
}
