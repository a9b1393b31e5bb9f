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

  /**
   * Whether Gatling counts a request OK, for the live metrics. The user's failed mark is Gatling's
   * own and is left as it is (marking a user failed marks its open groups KO too): a user that had
   * not failed before the request failed it exactly when it is failed now. For a user already
   * failed, the mark says nothing new and the request's answer decides: OK for a 1xx–3xx status,
   * as a request whose own checks pass has; a 2xx whose body check failed is then counted OK.
   *
   * @param status the response's status, null without a response
   */
  public static boolean isOk(boolean failedBefore, boolean failedNow, Number status) {
    if (!failedBefore) {
      return !failedNow;
    }
    return status != null && status.intValue() < 400;
  }
}
