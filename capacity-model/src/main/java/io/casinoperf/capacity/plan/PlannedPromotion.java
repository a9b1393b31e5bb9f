package io.casinoperf.capacity.plan;

import java.util.OptionalDouble;

/**
 * The promotion to plan capacity for.
 *
 * @param startEpochSecond when it begins, epoch seconds (UTC)
 * @param endEpochSecond when it ends, epoch seconds; after the start
 * @param expectedMultiplier the traffic expected during the promotion as a multiple of the usual
 *     traffic at that time (3.0 = three times); empty when the campaign team gives none and the
 *     model is to learn it from past promotions of the same type
 * @throws IllegalArgumentException for a blank name or type, an end not after the start, or a
 *     multiplier that is not a positive finite number
 */
public record PlannedPromotion(String name, String type, long startEpochSecond,
    long endEpochSecond, OptionalDouble expectedMultiplier) {
  public PlannedPromotion {
    name = InvalidField.requireText("name", name);
    type = InvalidField.requireText("type", type);
    InvalidField.requireEndAfterStart(startEpochSecond, endEpochSecond);
    if (expectedMultiplier == null) {
      expectedMultiplier = OptionalDouble.empty();
    }
    if (expectedMultiplier.isPresent()
        && !(expectedMultiplier.getAsDouble() > 0 && Double.isFinite(expectedMultiplier.getAsDouble()))) {
      throw new InvalidField("multiplier", expectedMultiplier.getAsDouble()
          + " is not a positive number (3.0 = three times the usual traffic)");
    }
  }

  public long durationSeconds() {
    return endEpochSecond - startEpochSecond;
  }
}
