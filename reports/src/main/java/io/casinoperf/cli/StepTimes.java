package io.casinoperf.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * A command's steps timed on the wall clock, counted from the JVM's start, printed on stderr as
 * each ends ({@code --timings}): where the time of one call goes, start-up included, without a
 * profiler. The JVM counts from a moment after the process began (about 0.1 s of it comes
 * before), so the whole call, as {@code time} measures it, is a little longer. Off, it costs
 * nothing.
 */
final class StepTimes {
  private final PrintWriter err;
  private final long jvmStartMillis;
  private long lastMillis;

  private StepTimes(PrintWriter err) {
    this.err = err;
    this.jvmStartMillis = err == null ? 0 : ManagementFactory.getRuntimeMXBean().getStartTime();
  }

  /** Timings printed on {@code err} when {@code on}, none otherwise. */
  static StepTimes of(boolean on, PrintWriter err) {
    return new StepTimes(on ? err : null);
  }

  /** The step that just ended: its end and its length, in ms. */
  void done(String step) {
    if (err == null) {
      return;
    }
    long now = System.currentTimeMillis() - jvmStartMillis;
    err.println(String.format(Locale.ROOT, "timing: %-34s at %,6d ms  (%,5d ms)", step, now,
        now - lastMillis));
    err.flush();
    lastMillis = now;
  }
}
