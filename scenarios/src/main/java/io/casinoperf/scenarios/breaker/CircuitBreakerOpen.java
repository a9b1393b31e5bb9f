package io.casinoperf.scenarios.breaker;

/**
 * Thrown on purpose while building the {@value Guard#TRIP_REQUEST} request, so that Gatling writes
 * the breaker's reason into the run's log as an error record. No stack trace: it is a message.
 */
final class CircuitBreakerOpen extends RuntimeException {
  private static final long serialVersionUID = 1L;

  CircuitBreakerOpen(String message) {
    super(message, null, false, false);
  }
}
