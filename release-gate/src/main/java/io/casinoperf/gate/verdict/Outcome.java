package io.casinoperf.gate.verdict;

import java.util.Locale;

/**
 * The gate's decision on a run, ordered from best to worst; every output and the history show
 * this value and its exit code, and none derives its own.
 */
public enum Outcome {
  /** No check worse than the baseline beyond tolerance; SLOs met. */
  PASS(0),
  /** Significantly faster than the baseline, nothing worse. */
  IMPROVEMENT(0),
  /** The data cannot decide (too few samples, not significant, a log cut off). */
  INCONCLUSIVE(3),
  /**
   * Judged on its SLOs only because no comparable baseline was stored, where the baseline was
   * required ({@code --require-baseline}): a failure, never a pass.
   */
  NO_BASELINE(1),
  /** Significantly worse than the baseline. */
  REGRESSION(1),
  /** Outside an absolute SLO, whatever the baseline. */
  SLO_BREACH(1),
  /** The run's circuit breaker stopped it before its end. */
  ABORTED(1),
  /** The injector limited the run: it measured the load generator, not the platform. */
  INVALID(4);

  private final int exitCode;

  Outcome(int exitCode) {
    this.exitCode = exitCode;
  }

  /** The exit code with the inconclusive policy applied. */
  public int exitCode(InconclusivePolicy policy) {
    if (this == INCONCLUSIVE) {
      return switch (policy) {
        case EXIT3 -> 3;
        case PASS -> 0;
        case FAIL -> 1;
      };
    }
    return exitCode;
  }

  /** Whether a run with this outcome may serve as a baseline. */
  public boolean passed() {
    return this == PASS || this == IMPROVEMENT;
  }

  /** Lower case, words apart: {@code pass}, {@code slo breach}, {@code invalid}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  /** The outcome of a label as {@link #label()} writes it (the history stores labels). */
  public static java.util.Optional<Outcome> ofLabel(String label) {
    for (Outcome outcome : values()) {
      if (outcome.label().equals(label)) {
        return java.util.Optional.of(outcome);
      }
    }
    return java.util.Optional.empty();
  }

  /** The outcome a run's most severe check stands for. */
  static Outcome of(Verdict overall) {
    if (overall instanceof Verdict.Pass || overall instanceof Verdict.NotApplicable) {
      return PASS;
    } else if (overall instanceof Verdict.Improvement) {
      return IMPROVEMENT;
    } else if (overall instanceof Verdict.Inconclusive) {
      return INCONCLUSIVE;
    } else if (overall instanceof Verdict.NoBaseline) {
      return NO_BASELINE;
    } else if (overall instanceof Verdict.Regression) {
      return overall.isServiceLevelBreach() ? SLO_BREACH : REGRESSION;
    } else if (overall instanceof Verdict.Aborted) {
      return ABORTED;
    }
    return INVALID;
  }

  /** What an inconclusive verdict exits with ({@code --inconclusive}). */
  public enum InconclusivePolicy {
    /** Exit 3: the pipeline decides. */
    EXIT3,
    /** Exit 0. */
    PASS,
    /** Exit 1. */
    FAIL
  }
}
