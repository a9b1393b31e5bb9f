package io.casinoperf.gate.history;

import java.time.Instant;
import java.util.Optional;

/**
 * One stored run's metadata, without its histograms.
 *
 * @param id unique in its history folder, sortable by time: {@code 20261127T101500Z-<simulation>-<hex>}
 * @param label the version or commit the run tested, as the pipeline named it
 * @param recordedAt when it was stored
 * @param verdict the gate's outcome label ({@link io.casinoperf.gate.verdict.Outcome#label()}), if judged
 * @param partial true when one of its logs was cut off
 * @param gatlingReport where Gatling's HTML report of the run was when it was stored, if known
 * @param decidedBy the request whose check decided the gate's verdict, by its path ("All requests"
 *     for all requests together or the run as a whole); empty for a pass, a run not judged or
 *     marked by hand, and runs stored before the gate recorded it
 * @param gateReport the absolute path of the gate.html the gate wrote for the run, if known
 * @param fingerprint the run's {@link RunIdentity#fingerprint()}; empty for runs stored before the
 *     history kept it
 */
public record RunRecord(
    String id,
    String label,
    Instant recordedAt,
    Instant runStart,
    Instant runEnd,
    Comparability comparability,
    Optional<String> verdict,
    boolean partial,
    Optional<String> gatlingReport,
    Optional<String> decidedBy,
    Optional<String> gateReport,
    Optional<String> fingerprint) {

  /** A run stored without its fingerprint. */
  public RunRecord(String id, String label, Instant recordedAt, Instant runStart, Instant runEnd,
      Comparability comparability, Optional<String> verdict, boolean partial,
      Optional<String> gatlingReport, Optional<String> decidedBy, Optional<String> gateReport) {
    this(id, label, recordedAt, runStart, runEnd, comparability, verdict, partial, gatlingReport,
        decidedBy, gateReport, Optional.empty());
  }

  /** A run whose reports and deciding request are not known. */
  public RunRecord(String id, String label, Instant recordedAt, Instant runStart, Instant runEnd,
      Comparability comparability, Optional<String> verdict, boolean partial) {
    this(id, label, recordedAt, runStart, runEnd, comparability, verdict, partial, Optional.empty(),
        Optional.empty(), Optional.empty());
  }

  /**
   * Whether the run measured the workload as it was, as far as the gate could tell: complete, and
   * judged pass, improvement or inconclusive (not a regression, SLO breach, aborted or invalid run).
   * The run-to-run spread is estimated from such runs: leaving out the inconclusive ones would leave
   * out the runs the environment moved most, and underestimate the spread.
   */
  public boolean unchanged() {
    return !partial && verdict.flatMap(io.casinoperf.gate.verdict.Outcome::ofLabel)
        .filter(o -> o.passed() || o == io.casinoperf.gate.verdict.Outcome.INCONCLUSIVE).isPresent();
  }

  /** Whether the run may serve as a baseline: judged pass or improvement, and complete. */
  public boolean passed() {
    return !partial && verdict.flatMap(io.casinoperf.gate.verdict.Outcome::ofLabel)
        .filter(io.casinoperf.gate.verdict.Outcome::passed).isPresent();
  }
}
