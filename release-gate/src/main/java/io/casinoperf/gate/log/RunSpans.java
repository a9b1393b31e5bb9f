package io.casinoperf.gate.log;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The injectors of one run load at the same time, so their logs overlap in time. Logs that follow
 * each other without overlap are more likely two runs of the same simulation given together by
 * mistake: merged, their counts would add and their percentiles mix two workloads.
 */
public final class RunSpans {
  private RunSpans() {}

  /**
   * One log with records, from its start to its last record (a log without record has no span).
   */
  public record Span(Path file, long startEpochMillis, long endEpochMillis) {}

  /** One warning per log that started after every log before it had ended; none when all overlap. */
  public static List<String> gaps(List<Span> spans) {
    List<Span> byStart = new ArrayList<>(spans);
    byStart.sort(Comparator.comparingLong(Span::startEpochMillis));
    List<String> warnings = new ArrayList<>();
    Span latest = null;
    for (Span span : byStart) {
      if (latest != null && span.startEpochMillis() > latest.endEpochMillis()) {
        warnings.add(String.format(Locale.ROOT,
            "%s started %s after %s had ended, and no log overlaps both: injectors of one run load"
                + " at the same time; were these two runs?",
            span.file(), human(span.startEpochMillis() - latest.endEpochMillis()), latest.file()));
      }
      if (latest == null || span.endEpochMillis() > latest.endEpochMillis()) {
        latest = span;
      }
    }
    return warnings;
  }

  private static String human(long millis) {
    Duration gap = Duration.ofMillis(millis);
    if (gap.toMinutes() >= 120) {
      return gap.toHours() + " h";
    }
    if (gap.toSeconds() >= 120) {
      return gap.toMinutes() + " min";
    }
    return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
  }
}
