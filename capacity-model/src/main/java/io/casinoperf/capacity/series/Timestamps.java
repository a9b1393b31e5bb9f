package io.casinoperf.capacity.series;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads a timestamp in any of the forms metric exports use, to epoch seconds (UTC unless an offset
 * is given): epoch seconds ({@code 1400030040}, fractions allowed and cut to the second), epoch
 * milliseconds ({@code 1400030040000}), ISO-8601 with offset ({@code 2014-05-14T01:14:00Z}), local
 * date-time ({@code 2014-05-14 01:14:00} or with {@code T}), or a date ({@code 2014-05-14},
 * midnight).
 *
 * <p>Every timestamp must lie from {@value #FIRST_YEAR} up to, not including, {@value
 * #END_YEAR}. That range is also what tells seconds from milliseconds: a number is epoch seconds
 * when it is a time in the range read as seconds, epoch milliseconds when it is one read as
 * milliseconds (the two never overlap), and refused otherwise — so {@code 45620} is not taken for
 * a moment in 1970, nor {@code 99999999999} for one in the year 5138. Numbers that look like Excel
 * serial dates (days since 1899-12-30), epoch microseconds or epoch nanoseconds are refused with a
 * message that says so.
 */
public final class Timestamps {
  /** The first year a timestamp may fall in. */
  public static final int FIRST_YEAR = 2000;
  /** The year no timestamp may reach. */
  public static final int END_YEAR = 2100;

  private static final long FIRST = LocalDate.of(FIRST_YEAR, 1, 1).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
  private static final long END = LocalDate.of(END_YEAR, 1, 1).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
  private static final String YEARS = FIRST_YEAR + " to " + (END_YEAR - 1);
  /** Excel counts days from 1899-12-30 (for dates after February 1900). */
  private static final LocalDate EXCEL_DAY_ZERO = LocalDate.of(1899, 12, 30);
  private static final long EXCEL_FIRST = ChronoUnit.DAYS.between(EXCEL_DAY_ZERO, LocalDate.of(FIRST_YEAR, 1, 1));
  private static final long EXCEL_END = ChronoUnit.DAYS.between(EXCEL_DAY_ZERO, LocalDate.of(END_YEAR, 1, 1));
  private static final DateTimeFormatter LOCAL =
      DateTimeFormatter.ofPattern("yyyy-MM-dd[ ]['T']HH:mm[:ss][.SSS]", Locale.ROOT);
  // Compiled once: a metrics file calls this for every row (525,600 times for a year of minutes).
  private static final Pattern NUMBER = Pattern.compile("[0-9]+(\\.[0-9]+)?");
  private static final Pattern OFFSET_SUFFIX = Pattern.compile(".*[+-][0-9]{2}:?[0-9]{2}$");
  private static final String FORMS = "epoch seconds, epoch milliseconds, ISO-8601 or yyyy-MM-dd[ HH:mm:ss]";

  private Timestamps() {}

  /** A well-formed date or date-time outside {@value #FIRST_YEAR} up to {@value #END_YEAR}. */
  public static final class OutOfRangeException extends IllegalArgumentException {
    OutOfRangeException(String message) {
      super(message);
    }
  }

  /**
   * @throws IllegalArgumentException with what was expected, when the text is none of the forms
   *     or not a time from {@value #FIRST_YEAR} up to {@value #END_YEAR}
   */
  public static long toEpochSeconds(String text) {
    String t = text.strip();
    if (t.isEmpty()) {
      throw new IllegalArgumentException("empty timestamp");
    }
    if (NUMBER.matcher(t).matches()) {
      return fromNumber(text, Double.parseDouble(t));
    }
    long epochSecond;
    try {
      if (t.length() == 10) {
        epochSecond = LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
      } else if (t.endsWith("Z") || OFFSET_SUFFIX.matcher(t).matches()) {
        epochSecond = OffsetDateTime.parse(t.replace(' ', 'T')).toEpochSecond();
      } else {
        epochSecond = LocalDateTime.parse(t, LOCAL).toEpochSecond(ZoneOffset.UTC);
      }
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("timestamp '" + text + "' is not " + FORMS);
    }
    if (epochSecond < FIRST || epochSecond >= END) {
      throw new OutOfRangeException("timestamp '" + text + "' is not a time from " + YEARS);
    }
    return epochSecond;
  }

  private static long fromNumber(String text, double number) {
    if (number >= FIRST && number < END) {
      return (long) Math.floor(number);
    }
    if (number >= FIRST * 1e3 && number < END * 1e3) {
      return Math.floorDiv((long) number, 1000);
    }
    String prefix = "timestamp '" + text + "' ";
    if (number >= EXCEL_FIRST && number < EXCEL_END) {
      long seconds = EXCEL_DAY_ZERO.atStartOfDay(ZoneOffset.UTC).toEpochSecond() + Math.round(number * 86_400);
      throw new IllegalArgumentException(prefix + "looks like an Excel serial date (" + format(seconds)
          + " if it is one); export ISO-8601 or epoch seconds");
    }
    if (number >= FIRST * 1e6 && number < END * 1e6) {
      throw new IllegalArgumentException(prefix + "looks like epoch microseconds; export epoch seconds"
          + " or milliseconds");
    }
    if (number >= FIRST * 1e9 && number < END * 1e9) {
      throw new IllegalArgumentException(prefix + "looks like epoch nanoseconds; export epoch seconds"
          + " or milliseconds");
    }
    throw new IllegalArgumentException(prefix + "is not a time from " + YEARS
        + " as epoch seconds nor as epoch milliseconds");
  }

  /**
   * A length of time as a planner reads it: whole days as days ({@code 7 days}, {@code 1 day}),
   * else whole hours ({@code 12 h}), else minutes ({@code 90 min}), else seconds.
   */
  public static String span(long seconds) {
    if (seconds > 0 && seconds % 86_400 == 0) {
      long days = seconds / 86_400;
      return days + (days == 1 ? " day" : " days");
    }
    if (seconds > 0 && seconds % 3_600 == 0) {
      return seconds / 3_600 + " h";
    }
    if (seconds > 0 && seconds % 60 == 0) {
      return seconds / 60 + " min";
    }
    return seconds + " s";
  }

  /** For messages: the epoch second as an ISO-8601 instant. */
  public static String format(long epochSecond) {
    return Instant.ofEpochSecond(epochSecond).toString();
  }
}
