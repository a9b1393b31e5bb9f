package io.casinoperf.gate.verdict;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The gate's judgement of a candidate run against its baseline.
 *
 * @param outcome the decision, from {@code overall}
 * @param overall the most severe verdict of all checks (or of the run: aborted, invalid, cut off)
 * @param decidedBy the request whose check {@code overall} is, by its path in the whole run (for a
 *     check of one phase of the workload, the request's path without the phase, which the reason
 *     names); {@value Gate#ALL_REQUESTS} for a check of all requests together and for a rule about
 *     the run as a whole (aborted, invalid, cut off, drift, money mismatch); empty for a pass
 * @param allRequests the checks of all requests together
 * @param requests the checks of each request, worst first
 * @param requestsToDetectTenPercent responses per side a run like this one needs for an 80 %
 *     chance of flagging a 10 % slower p99; empty when it cannot be estimated
 * @param noise the run-to-run spread the comparisons accounted for, or why it is not known yet
 */
public record RunVerdict(
    Outcome outcome,
    Verdict overall,
    Optional<String> decidedBy,
    RequestVerdict allRequests,
    List<RequestVerdict> requests,
    GateSettings settings,
    OptionalLong requestsToDetectTenPercent,
    RunNoise noise) {

  public RunVerdict {
    requests = List.copyOf(requests);
  }

  /**
   * Exit code for pipelines: 0 pass or improvement, 1 regression, SLO breach or aborted run, 3
   * inconclusive (1 when {@code inconclusiveFails}), 4 invalid.
   */
  public int exitCode(boolean inconclusiveFails) {
    return outcome.exitCode(inconclusiveFails
        ? Outcome.InconclusivePolicy.FAIL : Outcome.InconclusivePolicy.EXIT3);
  }
}
