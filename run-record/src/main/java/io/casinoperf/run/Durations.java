package io.casinoperf.run;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one way the product writes a length of time, on the command line, in run parameters and in
 * profile files: a whole number with a unit — {@code 250ms}, {@code 90s}, {@code 5m} (or {@code
 * 5min}), {@code 2h}, {@code 7d}, {@code 2w} — or a plain whole number of seconds ({@code 90}).
 * Case and surrounding blanks do not matter. Each caller states the smallest length it accepts.
 */
public final class Durations {
  /** What a user is told when a value is not a duration. */
  public static final String EXPECTED = "expected a duration such as 250ms, 90s, 5m, 1h or 7d";

  private static final Pattern DURATION = Pattern.compile("(\\d{1,18})\\s*(ms|s|m|min|h|d|w)?");

  private Durations() {}

  /**
   * Parses {@code text}; throws {@link IllegalArgumentException} with {@link #EXPECTED} (or the
   * minimum) as its message when it is not a duration of at least {@code minimum}.
   */
  public static Duration parse(String text, Duration minimum) {
    Duration value = parse(text);
    if (value.compareTo(minimum) < 0) {
      throw new IllegalArgumentException("expected at least " + format(minimum));
    }
    return value;
  }

  /** Parses {@code text} (zero allowed); throws {@link IllegalArgumentException} otherwise. */
  public static Duration parse(String text) {
    Matcher m = DURATION.matcher(text == null ? "" : text.strip().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException(EXPECTED);
    }
    long n = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2);
    try {
      return switch (unit) {
        case "ms" -> Duration.ofMillis(n);
        case "s" -> Duration.ofSeconds(n);
        case "m", "min" -> Duration.ofSeconds(Math.multiplyExact(n, 60L));
        case "h" -> Duration.ofSeconds(Math.multiplyExact(n, 3_600L));
        case "d" -> Duration.ofSeconds(Math.multiplyExact(n, 86_400L));
        default -> Duration.ofSeconds(Math.multiplyExact(n, 7 * 86_400L));
      };
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(EXPECTED + " (this one is too long)");
    }
  }

  /**
   * The shortest text {@link #parse} reads back as {@code duration}, in the largest whole unit:
   * {@code 90s}, {@code 5m}, {@code 250ms}, {@code 0s}.
   */
  public static String format(Duration duration) {
    long millis = duration.toMillis();
    if (millis % 1000 != 0) {
      return millis + "ms";
    }
    long seconds = millis / 1000;
    if (seconds == 0) {
      return "0s";
    }
    long[] sizes = {7 * 86_400L, 86_400L, 3_600L, 60L};
    String[] units = {"w", "d", "h", "m"};
    for (int i = 0; i < sizes.length; i++) {
      if (seconds % sizes[i] == 0) {
        return seconds / sizes[i] + units[i];
      }
    }
    return seconds + "s";
  }
}
