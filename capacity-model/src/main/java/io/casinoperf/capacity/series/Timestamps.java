package io.casinoperf.capacity.series;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads a timestamp in any of the forms metric exports use, to epoch seconds (UTC unless an offset
 * is given): epoch seconds ({@code 1400030040}, fractions allowed), epoch milliseconds (13
 * digits), ISO-8601 with offset ({@code 2014-05-14T01:14:00Z}), local date-time
 * ({@code 2014-05-14 01:14:00} or with {@code T}), or a date ({@code 2014-05-14}, midnight).
 * Numbers at or above 10^11 are milliseconds (10^11 seconds is the year 5138).
 */
public final class Timestamps {
  private static final double MILLIS_THRESHOLD = 1e11;
  private static final DateTimeFormatter LOCAL =
      DateTimeFormatter.ofPattern("yyyy-MM-dd[ ]['T']HH:mm[:ss][.SSS]", Locale.ROOT);
  // Compiled once: a metrics file calls this for every row (525,600 times for a year of minutes).
  private static final Pattern NUMBER = Pattern.compile("[0-9]+(\\.[0-9]+)?");
  private static final Pattern OFFSET_SUFFIX = Pattern.compile(".*[+-][0-9]{2}:?[0-9]{2}$");

  private Timestamps() {}

  /**
   * @throws IllegalArgumentException with what was expected, when the text is none of the forms
   */
  public static long toEpochSeconds(String text) {
    String t = text.strip();
    if (t.isEmpty()) {
      throw new IllegalArgumentException("empty timestamp");
    }
    if (NUMBER.matcher(t).matches()) {
      double number = Double.parseDouble(t);
      return number >= MILLIS_THRESHOLD
          ? Math.floorDiv((long) number, 1000)
          : (long) Math.floor(number);
    }
    try {
      if (t.length() == 10) {
        return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
      }
      if (t.endsWith("Z") || OFFSET_SUFFIX.matcher(t).matches()) {
        return OffsetDateTime.parse(t.replace(' ', 'T')).toEpochSecond();
      }
      return LocalDateTime.parse(t, LOCAL).toEpochSecond(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("timestamp '" + text + "' is not epoch seconds,"
          + " epoch milliseconds, ISO-8601 or yyyy-MM-dd[ HH:mm:ss]");
    }
  }

  /** For messages: the epoch second as an ISO-8601 instant. */
  public static String format(long epochSecond) {
    return Instant.ofEpochSecond(epochSecond).toString();
  }
}
