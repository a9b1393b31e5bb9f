package io.casinoperf.mocks.conditions;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How the platform behaves: the good day, two kinds of bad day to rehearse, and a queue of workers
 * whose response times queueing theory predicts.
 */
public enum Mode {
  /** Log-normal latencies with the normal median and spread; no faults. */
  NORMAL,
  /** A slower median and a much wider spread: the tail grows, nothing fails. */
  DEGRADED,
  /**
   * Normal latencies, but a share of requests answer 503, a share lose their connection and a
   * share of balance pushes are never sent.
   */
  FAULTY,
  /**
   * A queue instead of added latency: a fixed number of workers serve the requests one at a time,
   * first come first served, each for a service time drawn from an exponential, log-normal or
   * constant distribution of a given mean; a request that finds them all busy waits. The platform
   * as queueing theory models it (M/M/c, M/G/c), to check the capacity model's predictions.
   */
  QUEUE;

  /** The mode named {@code text}, in any case, or an error listing the modes. */
  @JsonCreator
  public static Mode parse(String text) {
    for (Mode mode : values()) {
      if (mode.name().equalsIgnoreCase(text == null ? "" : text.trim())) {
        return mode;
      }
    }
    throw new IllegalArgumentException(
        "unknown mode '" + text + "': expected one of " + names());
  }

  public static String names() {
    return Arrays.stream(values()).map(Mode::label).collect(Collectors.joining(", "));
  }

  /** The lower-case name used in properties and JSON. */
  @JsonValue
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
