package io.casinoperf.gate.verdict;

import java.util.List;
import java.util.OptionalLong;

/**
 * The gate's judgement of a candidate run against its baseline.
 *
 * @param overall the most severe verdict of all checks
 * @param allRequests the checks of all requests together
 * @param requests the checks of each request, worst first
 * @param requestsToDetectTenPercent responses per side a run like this one needs for an 80 %
 *     chance of flagging a 10 % slower p99; empty when it cannot be estimated
 */
public record RunVerdict(
    Verdict overall,
    RequestVerdict allRequests,
    List<RequestVerdict> requests,
    GateSettings settings,
    OptionalLong requestsToDetectTenPercent) {

  public RunVerdict {
    requests = List.copyOf(requests);
  }

  /**
   * Exit code for pipelines: 0 pass or improvement, 1 regression, SLO breach or aborted run, 3
   * inconclusive.
   */
  public int exitCode(boolean inconclusiveFails) {
    return switch (overall.severity()) {
      case 3, 4 -> 1;
      case 2 -> inconclusiveFails ? 1 : 3;
      default -> 0;
    };
  }
}
