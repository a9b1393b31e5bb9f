package io.casinoperf.capacity.plan;

import io.casinoperf.capacity.series.Timestamps;
import java.util.Locale;

/**
 * The time the traffic metrics cover, and how far from it a calendar's times may lie. A time far
 * from the metrics is nearly always a slip in the year, and it would change the forecast without
 * a word: a past promotion or an incident there marks no data (so the promotion's hours are fitted
 * as ordinary traffic), and a planned promotion there asks the model to extrapolate further than
 * the history supports. So:
 *
 * <ul>
 *   <li>a past promotion or an incident must overlap the metrics, or lie within
 *       {@value #NEAR_DAYS} days of them (a calendar kept for longer than the metrics' retention
 *       may hold last year's promotions);
 *   <li>a planned promotion must end after the first metric, and start at most twice the
 *       metrics' length after the last one, and never more than {@value #MAX_LEAD_DAYS} days
 *       after it.
 * </ul>
 *
 * @param firstEpochSecond the traffic's first timestamp, epoch seconds
 * @param lastEpochSecond its last, at or after the first
 */
public record MetricsSpan(long firstEpochSecond, long lastEpochSecond) {
  /** How far before or after the metrics a past promotion or an incident may lie. */
  public static final int NEAR_DAYS = 366;
  /** The furthest ahead of the last metric a planned promotion may start. */
  public static final int MAX_LEAD_DAYS = 366;
  private static final long DAY = 86_400;

  public MetricsSpan {
    if (lastEpochSecond < firstEpochSecond) {
      throw new IllegalArgumentException("the last metric (" + lastEpochSecond
          + ") is before the first (" + firstEpochSecond + ")");
    }
  }

  /** The latest a planned promotion may start, epoch seconds. */
  public long latestPlannedStart() {
    return lastEpochSecond + Math.min(2 * (lastEpochSecond - firstEpochSecond), MAX_LEAD_DAYS * DAY);
  }

  /**
   * Checks a planned promotion's window against the rule above.
   *
   * @throws IllegalArgumentException whose message starts with the field ({@code start} or
   *     {@code end}) and says the rule
   */
  public void checkPlanned(long startEpochSecond, long endEpochSecond) {
    if (endEpochSecond <= firstEpochSecond) {
      throw new InvalidField("end", Timestamps.format(endEpochSecond) + " is not after the first metric ("
          + Timestamps.format(firstEpochSecond) + "): the forecast starts from the metrics");
    }
    long latest = latestPlannedStart();
    if (startEpochSecond > latest) {
      throw new InvalidField("start", Timestamps.format(startEpochSecond) + " is "
          + days(startEpochSecond - lastEpochSecond) + " days after the last metric ("
          + Timestamps.format(lastEpochSecond) + "); a planned promotion must start at most "
          + days(latest - lastEpochSecond) + " days after it (twice the "
          + days(lastEpochSecond - firstEpochSecond) + " days the metrics cover, and never more than "
          + MAX_LEAD_DAYS + ")");
    }
  }

  /**
   * Checks a past promotion or an incident against the rule above.
   *
   * @param what {@code "a past promotion"} or {@code "an incident"}, for the message
   * @throws IllegalArgumentException whose message starts with the field ({@code start} or
   *     {@code end}) and says the rule
   */
  void checkNear(String what, long startEpochSecond, long endEpochSecond) {
    String rule = "; " + what + " must overlap the metrics (" + Timestamps.format(firstEpochSecond)
        + " to " + Timestamps.format(lastEpochSecond) + ") or lie within " + NEAR_DAYS + " days of them";
    if (startEpochSecond > lastEpochSecond + NEAR_DAYS * DAY) {
      throw new InvalidField("start", Timestamps.format(startEpochSecond) + " is "
          + days(startEpochSecond - lastEpochSecond) + " days after the last metric ("
          + Timestamps.format(lastEpochSecond) + ")" + rule);
    }
    if (endEpochSecond < firstEpochSecond - NEAR_DAYS * DAY) {
      throw new InvalidField("end", Timestamps.format(endEpochSecond) + " is "
          + days(firstEpochSecond - endEpochSecond) + " days before the first metric ("
          + Timestamps.format(firstEpochSecond) + ")" + rule);
    }
  }

  private static String days(long seconds) {
    return String.format(Locale.ROOT, "%.0f", seconds / (double) DAY);
  }
}
