package io.casinoperf.capacity.plan;

/**
 * A promotion that ran, as the history's record of it. Promotions of one {@code type} (say
 * {@code free-spins}) are expected to move traffic alike, which is what lets the past ones predict
 * a planned one. Names and types are stripped of surrounding blanks and compared exactly.
 *
 * @param startEpochSecond when it began, epoch seconds (UTC)
 * @param endEpochSecond when it ended, epoch seconds; after the start
 * @throws IllegalArgumentException for a blank name or type, or an end not after the start
 */
public record Promotion(String name, String type, long startEpochSecond, long endEpochSecond) {
  public Promotion {
    name = InvalidField.requireText("name", name);
    type = InvalidField.requireText("type", type);
    InvalidField.requireEndAfterStart(startEpochSecond, endEpochSecond);
  }

  public long durationSeconds() {
    return endEpochSecond - startEpochSecond;
  }
}
