package io.casinoperf.capacity.plan;

import io.casinoperf.capacity.series.Timestamps;

/**
 * A record of this package refused a value. Carries the field (a path relative to the record, such
 * as {@code end} or {@code resources[2].name}) so that a file reader can report the line it was
 * written on; to other callers it is an ordinary {@link IllegalArgumentException}.
 */
final class InvalidField extends IllegalArgumentException {
  private final String field;
  private final String problem;

  InvalidField(String field, String problem) {
    super(field + ": " + problem);
    this.field = field;
    this.problem = problem;
  }

  String field() {
    return field;
  }

  String problem() {
    return problem;
  }

  /** The text stripped of surrounding blanks; refused when absent or blank. */
  static String requireText(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidField(field, "required, and must not be blank");
    }
    return value.strip();
  }

  static void requireEndAfterStart(long startEpochSecond, long endEpochSecond) {
    if (endEpochSecond <= startEpochSecond) {
      throw new InvalidField("end", Timestamps.format(endEpochSecond)
          + " is not after start " + Timestamps.format(startEpochSecond));
    }
  }
}
