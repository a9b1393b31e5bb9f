package io.casinoperf.gate.verdict;

import io.casinoperf.gate.stats.PercentileChange;
import io.casinoperf.gate.stats.ShareChange;
import java.util.List;
import java.util.Optional;

/**
 * The gate's judgement of one request (or of all requests together).
 *
 * @param path the request's path ({@code Group / Name}); "All requests" for the whole run
 * @param percentiles p50, p95 and p99 of candidate against baseline; empty without a baseline
 * @param errorRate error rate of candidate against baseline; empty without a baseline
 * @param latency the p99 check against the baseline
 * @param errors the error-rate check against the baseline
 * @param serviceLevel the absolute SLO check of the candidate
 * @param candidateCount responses of the candidate
 * @param baselineCount responses of the baseline
 * @param candidateP99Millis the candidate's p99 (also without a baseline)
 * @param candidateErrorRate the candidate's error rate (also without a baseline)
 * @param intervalConfidence the two-sided confidence of the p99 change's interval that matches the
 *     decision: its lower bound (upper, for an improvement) excludes "no change" exactly when the
 *     one-sided test was significant at the level Holm–Bonferroni held it to in the run's family
 */
public record RequestVerdict(
    String path,
    List<PercentileChange> percentiles,
    Optional<ShareChange> errorRate,
    Verdict latency,
    Verdict errors,
    Verdict serviceLevel,
    long candidateCount,
    long baselineCount,
    long candidateP99Millis,
    double candidateErrorRate,
    double intervalConfidence) {

  public RequestVerdict {
    percentiles = List.copyOf(percentiles);
  }

  /** The most severe of the three checks. */
  public Verdict overall() {
    return Verdict.worst(Verdict.worst(latency, errors), serviceLevel);
  }

  /** The p99 comparison, if there is a baseline. */
  public Optional<PercentileChange> p99() {
    return percentiles.stream()
        .filter(change -> change.candidate().percentile() == GateSettings.DECIDING_PERCENTILE)
        .findFirst();
  }
}
