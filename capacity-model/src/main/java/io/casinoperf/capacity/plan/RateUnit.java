package io.casinoperf.capacity.plan;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a traffic unit counts per what time: {@code requests/s} and {@code rps} are per second,
 * {@code requests per 5 min} per 300 s, {@code requests} (a count with no time) per step of the
 * series, and {@code %} or {@code bytes} no rate at all. Load-test steps measure requests per
 * second, so a traffic series compared with them must say, or let be inferred, its time basis.
 *
 * @param kind a rate with its own basis, a count per step of the series, or not a rate
 * @param basisSeconds the seconds one value covers, for a {@link Kind#RATE}; 0 otherwise
 */
public record RateUnit(Kind kind, long basisSeconds) {
  public enum Kind {
    /** A count per stated time: requests/s, per 5 min. */
    RATE,
    /** A count with no time: per step of the series. */
    COUNT_PER_STEP,
    /** A level, a share or a size: %, bytes; never a throughput. */
    NOT_A_RATE
  }

  private static final Pattern PER = Pattern.compile(
      "(?:/|\\bper\\s+|\\ba\\s+)(\\d+(?:\\.\\d+)?)?\\s*(s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?)\\b");
  private static final Pattern SHORT = Pattern.compile("\\b(rps|qps|tps|req/s)\\b|\\b(rpm)\\b");
  private static final Pattern LEVEL = Pattern.compile("%|\\bpercent\\b|\\bbytes?\\b|\\b[kmgt]i?b\\b");

  public static RateUnit parse(String unit) {
    String text = unit == null ? "" : unit.toLowerCase(Locale.ROOT).strip();
    Matcher per = PER.matcher(text);
    if (per.find()) {
      double count = per.group(1) == null ? 1 : Double.parseDouble(per.group(1));
      long seconds = Math.round(count * switch (per.group(2).charAt(0)) {
        case 's' -> 1;
        case 'm' -> 60;
        case 'h' -> 3_600;
        default -> 86_400;
      });
      return new RateUnit(Kind.RATE, Math.max(1, seconds));
    }
    Matcher abbreviation = SHORT.matcher(text);
    if (abbreviation.find()) {
      return new RateUnit(Kind.RATE, abbreviation.group(1) != null ? 1 : 60);
    }
    if (LEVEL.matcher(text).find()) {
      return new RateUnit(Kind.NOT_A_RATE, 0);
    }
    return new RateUnit(Kind.COUNT_PER_STEP, 0);
  }

  /** The seconds one value covers on a series of this step. */
  public long basisSeconds(long stepSeconds) {
    return switch (kind) {
      case RATE -> basisSeconds;
      case COUNT_PER_STEP -> stepSeconds;
      case NOT_A_RATE -> 0;
    };
  }
}
