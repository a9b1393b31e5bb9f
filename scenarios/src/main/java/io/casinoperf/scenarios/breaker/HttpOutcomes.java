package io.casinoperf.scenarios.breaker;

/** Which outcomes of an HTTP request the circuit breaker counts as errors. */
public final class HttpOutcomes {
  private HttpOutcomes() {}

  /**
   * True when no response came (connection refused or reset, timeout: {@code status} is null) or
   * the response was a 5xx or a 429: the platform failing or shedding load. A response that fails
   * one of the scenario's own checks (a wrong balance, a 409 for a short wallet) is the gate's
   * business, not a reason to stop the run.
   */
  public static boolean isError(Number status) {
    if (status == null) {
      return true;
    }
    int code = status.intValue();
    return code >= 500 || code == 429;
  }
}
