package io.casinoperf.gate.verdict;

/**
 * The outcome of one check, with the rule that decided it and a sentence saying why. Ordered by
 * {@link #severity()}: a run's verdict is the most severe of its checks.
 */
public sealed interface Verdict {
  Rule rule();

  String reason();

  /**
   * −1 n/a, 0 pass, 1 improvement, 2 inconclusive, 3 no baseline, 4 regression, 5 aborted, 6
   * invalid.
   */
  int severity();

  /**
   * Short lower-case label for tables: n/a, pass, improvement, inconclusive, no baseline,
   * regression, aborted, invalid.
   */
  String label();

  /** The same check with another sentence saying why. */
  Verdict withReason(String reason);

  /**
   * A check that does not apply here and was not made (e.g. the SLO of a phase: SLOs hold for
   * the whole run). Never a pass: outputs show it as n/a, JUnit as skipped.
   */
  record NotApplicable(Rule rule, String reason) implements Verdict {
    public static final String LABEL = "n/a";

    public Verdict withReason(String reason) {
      return new NotApplicable(rule, reason);
    }

    public int severity() {
      return -1;
    }

    public String label() {
      return LABEL;
    }
  }

  record Pass(Rule rule, String reason) implements Verdict {
    public Verdict withReason(String reason) {
      return new Pass(rule, reason);
    }

    public int severity() {
      return 0;
    }

    public String label() {
      return "pass";
    }
  }

  record Improvement(Rule rule, String reason) implements Verdict {
    public Verdict withReason(String reason) {
      return new Improvement(rule, reason);
    }

    public int severity() {
      return 1;
    }

    public String label() {
      return "improvement";
    }
  }

  record Inconclusive(Rule rule, String reason) implements Verdict {
    public Verdict withReason(String reason) {
      return new Inconclusive(rule, reason);
    }

    public int severity() {
      return 2;
    }

    public String label() {
      return "inconclusive";
    }
  }

  /** A run that had to be compared with a baseline and had none: it fails, whatever its SLOs. */
  record NoBaseline(Rule rule, String reason) implements Verdict {
    public Verdict withReason(String reason) {
      return new NoBaseline(rule, reason);
    }

    public int severity() {
      return 3;
    }

    public String label() {
      return "no baseline";
    }
  }

  /** Worse than the baseline, or outside an absolute SLO. */
  record Regression(Rule rule, String reason) implements Verdict {
    public Verdict withReason(String reason) {
      return new Regression(rule, reason);
    }

    public int severity() {
      return 4;
    }

    public String label() {
      return "regression";
    }
  }

  /**
   * The run stopped itself before its end (its circuit breaker opened): whatever its numbers, it
   * is not a full run of the workload and never passes.
   */
  record Aborted(Rule rule, String reason) implements Verdict {
    public Verdict withReason(String reason) {
      return new Aborted(rule, reason);
    }

    public int severity() {
      return 5;
    }

    public String label() {
      return "aborted";
    }
  }

  /**
   * The injector, not the platform, limited the run (its run record says the injector was
   * saturated): its numbers measure the load generator, so it is neither a pass nor a regression,
   * and never a baseline.
   */
  record Invalid(Rule rule, String reason) implements Verdict {
    public Verdict withReason(String reason) {
      return new Invalid(rule, reason);
    }

    public int severity() {
      return 6;
    }

    public String label() {
      return "invalid";
    }
  }

  /** Whether this check failed on an absolute SLO rather than against the baseline. */
  default boolean isServiceLevelBreach() {
    return this instanceof Regression
        && (rule() == Rule.SLO_P99_BREACHED || rule() == Rule.SLO_ERRORS_BREACHED);
  }

  /** The more severe of the two; at equal severity an SLO breach outranks a baseline regression. */
  static Verdict worst(Verdict a, Verdict b) {
    if (b.severity() == a.severity()) {
      return b.isServiceLevelBreach() && !a.isServiceLevelBreach() ? b : a;
    }
    return b.severity() > a.severity() ? b : a;
  }
}
