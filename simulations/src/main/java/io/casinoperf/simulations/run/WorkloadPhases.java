package io.casinoperf.simulations.run;

import io.casinoperf.run.RunRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The phases of workloads that have more than one, as the run record names them: a steady
 * {@value #BASE} with a flash {@value #PEAK} inside it.
 */
public final class WorkloadPhases {
  public static final String BASE = "base";
  public static final String PEAK = "peak";

  private WorkloadPhases() {}

  /**
   * A base that runs all through, with a peak from {@code peakStart} to {@code peakEnd} (after
   * the start of injection): the requests that start in that window are the peak's, every other
   * request the base's. A peak of no length leaves one phase, the base, and no phases at all.
   */
  public static List<RunRecord.Phase> baseWithPeak(Duration peakStart, Duration peakEnd) {
    if (peakEnd.compareTo(peakStart) <= 0) {
      return List.of();
    }
    List<RunRecord.Window> base = new ArrayList<>();
    if (peakStart.compareTo(Duration.ZERO) > 0) {
      base.add(RunRecord.Window.between(Duration.ZERO, peakStart));
    }
    base.add(RunRecord.Window.from(peakEnd));
    return List.of(new RunRecord.Phase(BASE, base),
        new RunRecord.Phase(PEAK, List.of(RunRecord.Window.between(peakStart, peakEnd))));
  }
}
