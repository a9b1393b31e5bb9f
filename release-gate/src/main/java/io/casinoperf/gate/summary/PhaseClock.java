package io.casinoperf.gate.summary;

import io.casinoperf.run.RunRecord;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Which phase of the workload a moment of the run belongs to, from the phases of its run record:
 * a binary search over their windows, sorted by start. Immutable.
 */
public final class PhaseClock {
  private static final PhaseClock NONE = new PhaseClock(List.of());

  private final List<String> names;
  private final long[] starts;
  private final long[] ends;
  private final int[] phaseOfWindow;

  private PhaseClock(List<RunRecord.Phase> phases) {
    names = phases.stream().map(RunRecord.Phase::name).toList();
    List<long[]> windows = new ArrayList<>();
    for (int i = 0; i < phases.size(); i++) {
      for (RunRecord.Window window : phases.get(i).windows()) {
        windows.add(new long[] {window.fromMillis(), window.endMillis(), i});
      }
    }
    windows.sort(Comparator.comparingLong(w -> w[0]));
    starts = windows.stream().mapToLong(w -> w[0]).toArray();
    ends = windows.stream().mapToLong(w -> w[1]).toArray();
    phaseOfWindow = windows.stream().mapToInt(w -> (int) w[2]).toArray();
  }

  /** The clock of these phases (as a run record checked them: named, windows not overlapping). */
  public static PhaseClock of(List<RunRecord.Phase> phases) {
    return phases.isEmpty() ? NONE : new PhaseClock(phases);
  }

  /** A workload of one phase. */
  public static PhaseClock none() {
    return NONE;
  }

  /** The phases' names, in the record's order. */
  public List<String> names() {
    return names;
  }

  /**
   * The index (into {@link #names()}) of the phase at {@code millis} after the run's start, or −1
   * when no phase's window holds it.
   */
  public int phaseAt(long millis) {
    int at = Arrays.binarySearch(starts, millis);
    int window = at >= 0 ? at : -at - 2;
    return window >= 0 && millis < ends[window] ? phaseOfWindow[window] : -1;
  }
}
