package io.casinoperf.gate.verdict;

/** Which rule of the gate decided a check (see docs/STATISTICS.md). */
public enum Rule {
  /** Slower beyond the tolerance and the minimum effect, and significant. */
  SIGNIFICANTLY_SLOWER,
  /** Faster beyond the tolerance and the minimum effect, and significant. */
  SIGNIFICANTLY_FASTER,
  /** Slower beyond the tolerance and the minimum effect, but not significant: cannot tell. */
  SLOWER_NOT_SIGNIFICANT,
  /** The change stays within the tolerance. */
  WITHIN_TOLERANCE,
  /** The relative change exceeds the tolerance but the absolute change is below the minimum. */
  BELOW_MINIMUM_EFFECT,
  /** Too few responses on one side for the percentile. */
  TOO_FEW_SAMPLES,
  /** More errors than the baseline, significantly and beyond the minimum increase. */
  MORE_ERRORS,
  /** The error rate is not significantly higher, or not by the minimum increase. */
  ERRORS_UNCHANGED,
  /** The candidate's p99 is above the absolute SLO. */
  SLO_P99_BREACHED,
  /** The candidate's error rate is above the absolute SLO. */
  SLO_ERRORS_BREACHED,
  /** The candidate meets the absolute SLOs. */
  SLO_MET,
  /** The request is new in the candidate: no baseline to compare with; SLOs only. */
  NEW_REQUEST,
  /** The baseline had this request; the candidate never sent it. */
  MISSING_IN_CANDIDATE,
  /** The run's circuit breaker stopped it before its end: the run as a whole is aborted. */
  STOPPED_BY_CIRCUIT_BREAKER,
  /** A log of the run was cut off: its figures are incomplete, so it never passes. */
  PARTIAL_LOG,
  /**
   * The whole run's p99 crept up across the stored runs and this one, significantly and beyond
   * the tolerance in all, though each step passed.
   */
  DRIFT,
  /**
   * A wallet's balance disagreed with its ledger (a reconcile request failed with {@link
   * Gate#MONEY_MISMATCH_PREFIX}): a regression whatever the counts, before anything else.
   */
  MONEY_MISMATCH,
  /**
   * A check of one phase of the workload that is made for the whole run only: its SLOs and its
   * error rate (the phase's p99 is compared with the same phase of the baseline).
   */
  WHOLE_RUN_ONLY,
  /** The injector was saturated (its run record says so): the run is invalid. */
  INJECTOR_SATURATED,
  /** No comparable baseline was stored and the command required one. */
  NO_BASELINE,
  /**
   * A request the run record names untimed: a correctness check run a fixed number of times,
   * judged on its errors only; its p99 checks are n/a.
   */
  UNTIMED
}
