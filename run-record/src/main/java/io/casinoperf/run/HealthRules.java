package io.casinoperf.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Decides whether the injector limited a run. Each rule names a way a load generator stops
 * measuring the platform and starts measuring itself: requests sent late are timed from when they
 * were sent (coordinated omission), so a starved injector reports a calm platform, or a slow one,
 * at random. The thresholds and the measurements behind them are in docs/RUN-RECORD.md.
 *
 * <p>Pure: the same samples always give the same verdict.
 */
public final class HealthRules {
  private HealthRules() {}

  /**
   * The bounds of the rules.
   *
   * @param lagP99Millis the lag probe's 99th percentile over the run must stay at or below this
   * @param lagMaxMillis no wake-up may be later than this
   * @param longestGcPauseMillis no single collection may be longer than this
   * @param gcPausePercent collections may take at most this share of the run
   * @param arrivalLateP99Millis users may start at most this late against the plan (p99)
   * @param arrivalShortfallPercent at most this share of planned users may not have started
   * @param contendedMachineCpuPercent a second is contended when the machine is at least this busy
   * @param contendedOthersPercent … and other processes take at least this much of it
   * @param contendedSharePercent at most this share of the run's seconds may be contended
   */
  public record Thresholds(
      double lagP99Millis,
      double lagMaxMillis,
      double longestGcPauseMillis,
      double gcPausePercent,
      double arrivalLateP99Millis,
      double arrivalShortfallPercent,
      double contendedMachineCpuPercent,
      double contendedOthersPercent,
      double contendedSharePercent) {

    public static Thresholds defaults() {
      return new Thresholds(50, 100, 100, 5, 250, 2, 90, 25, 20);
    }

    /** The names of the bounds, as in the record and in {@code -Dhealth.<name>=<value>}. */
    public static final java.util.List<String> NAMES = java.util.List.of("lagP99Millis",
        "lagMaxMillis", "longestGcPauseMillis", "gcPausePercent", "arrivalLateP99Millis",
        "arrivalShortfallPercent", "contendedMachineCpuPercent", "contendedOthersPercent",
        "contendedSharePercent");

    /**
     * These bounds with some replaced, by name ({@link #NAMES}); throws {@link
     * IllegalArgumentException} naming an unknown name or a value that is not a number ≥ 0.
     */
    public Thresholds with(java.util.Map<String, String> overrides) {
      double[] values = {lagP99Millis, lagMaxMillis, longestGcPauseMillis, gcPausePercent,
          arrivalLateP99Millis, arrivalShortfallPercent, contendedMachineCpuPercent,
          contendedOthersPercent, contendedSharePercent};
      for (var entry : new java.util.TreeMap<>(overrides).entrySet()) {
        int index = NAMES.indexOf(entry.getKey());
        if (index < 0) {
          throw new IllegalArgumentException("health." + entry.getKey() + ": no such bound; expected"
              + " one of " + String.join(", ", NAMES));
        }
        double value;
        try {
          value = Double.parseDouble(entry.getValue().trim());
        } catch (NumberFormatException e) {
          value = Double.NaN;
        }
        if (!(value >= 0) || Double.isInfinite(value)) {
          throw new IllegalArgumentException("health." + entry.getKey() + "=" + entry.getValue()
              + ": expected a number >= 0");
        }
        values[index] = value;
      }
      return new Thresholds(values[0], values[1], values[2], values[3], values[4], values[5],
          values[6], values[7], values[8]);
    }
  }

  /** Whether in this second the machine was saturated and others held much of it. */
  public static boolean contended(InjectorHealth.Second second, Thresholds bounds) {
    return second.machineCpuPercent() >= bounds.contendedMachineCpuPercent()
        && second.machineCpuPercent() - second.processCpuPercent() >= bounds.contendedOthersPercent();
  }

  /** One sentence per rule that fired; empty when the injector stayed healthy. */
  public static List<String> reasons(InjectorHealth.Summary run, Thresholds bounds) {
    List<String> reasons = new ArrayList<>();
    if (run.lagP99Millis() > bounds.lagP99Millis()) {
      reasons.add(format("scheduling lag p99 %s ms (at most %s ms)",
          beyond(run.lagP99Millis(), bounds.lagP99Millis(), 0), plain(bounds.lagP99Millis())));
    }
    if (run.lagMaxMillis() > bounds.lagMaxMillis()) {
      reasons.add(format("the injector stalled for %s ms (at most %s ms)",
          beyond(run.lagMaxMillis(), bounds.lagMaxMillis(), 0), plain(bounds.lagMaxMillis())));
    }
    if (run.longestGcPauseMillis() > bounds.longestGcPauseMillis()) {
      reasons.add(format("a GC pause of %s ms (at most %s ms)",
          beyond(run.longestGcPauseMillis(), bounds.longestGcPauseMillis(), 0),
          plain(bounds.longestGcPauseMillis())));
    }
    double gcPercent = run.durationSeconds() == 0 ? 0
        : run.gcPauseMillis() / (10.0 * run.durationSeconds());
    if (gcPercent > bounds.gcPausePercent()) {
      reasons.add(format("GC pauses took %s %% of the run (at most %s %%)",
          beyond(gcPercent, bounds.gcPausePercent(), 1), plain(bounds.gcPausePercent())));
    }
    if (run.usersPlanned() > 0) {
      double shortfall = 100.0 * (run.usersPlanned() - run.usersStarted()) / run.usersPlanned();
      if (shortfall > bounds.arrivalShortfallPercent()) {
        reasons.add(format("%d of %d planned users started (%s %% short, at most %s %%)",
            run.usersStarted(), run.usersPlanned(),
            beyond(shortfall, bounds.arrivalShortfallPercent(), 1),
            plain(bounds.arrivalShortfallPercent())));
      }
      if (run.arrivalLateP99Millis() > bounds.arrivalLateP99Millis()) {
        reasons.add(format("users started up to %s ms behind the plan (p99; at most %s ms)",
            beyond(run.arrivalLateP99Millis(), bounds.arrivalLateP99Millis(), 0),
            plain(bounds.arrivalLateP99Millis())));
      }
    }
    double contendedPercent = run.durationSeconds() == 0 ? 0
        : 100.0 * run.contendedSeconds() / run.durationSeconds();
    if (contendedPercent > bounds.contendedSharePercent()) {
      reasons.add(format("the machine was oversubscribed in %d of %d s (other processes held"
              + " %.0f %% or more of a saturated CPU; at most %s %% of the run)",
          run.contendedSeconds(), run.durationSeconds(), bounds.contendedOthersPercent(),
          plain(bounds.contendedSharePercent())));
    }
    return reasons;
  }

  /** The verdict of {@link #reasons}. */
  public static InjectorHealth.Status status(List<String> reasons) {
    return reasons.isEmpty() ? InjectorHealth.Status.HEALTHY : InjectorHealth.Status.SATURATED;
  }

  /**
   * A measured value above its bound, with {@code decimals} decimals (at least as many as the
   * bound has) or as many more, up to three more, as it takes not to read as the bound itself:
   * 100.4 ms against 100 ms, not "100 ms (at most 100 ms)"; 12.6 against 12.5, not 13.
   */
  static String beyond(double value, double bound, int decimals) {
    int least = Math.max(decimals, Math.max(0,
        java.math.BigDecimal.valueOf(bound).stripTrailingZeros().scale()));
    int shown = least;
    while (shown < least + 3 && value != bound
        && round(value, shown).compareTo(round(bound, shown)) <= 0) {
      shown++;
    }
    return round(value, shown).toPlainString();
  }

  /** A bound as written: 100, 12.5. */
  static String plain(double bound) {
    return java.math.BigDecimal.valueOf(bound).stripTrailingZeros().toPlainString();
  }

  private static java.math.BigDecimal round(double value, int decimals) {
    return new java.math.BigDecimal(value).setScale(decimals, java.math.RoundingMode.HALF_EVEN);
  }

  private static String format(String pattern, Object... values) {
    return String.format(Locale.ROOT, pattern, values);
  }
}
