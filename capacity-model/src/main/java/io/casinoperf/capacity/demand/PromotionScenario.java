package io.casinoperf.capacity.demand;

/**
 * What a forecast assumes about promotions at the forecast time.
 *
 * @param type the promotion type running, or null for organic traffic
 * @param multiplier the planner's expected traffic multiplier, or NaN to use the effect learned
 *     from past promotions of the type
 */
public record PromotionScenario(String type, double multiplier) {
  public PromotionScenario {
    if (type == null && !Double.isNaN(multiplier)) {
      throw new IllegalArgumentException("a multiplier needs a promotion type");
    }
    if (!Double.isNaN(multiplier) && !(multiplier > 0 && Double.isFinite(multiplier))) {
      throw new IllegalArgumentException("the traffic multiplier must be positive, not " + multiplier);
    }
  }

  public static PromotionScenario organic() {
    return new PromotionScenario(null, Double.NaN);
  }

  public static PromotionScenario learned(String type) {
    return new PromotionScenario(type, Double.NaN);
  }

  public static PromotionScenario multiplied(String type, double multiplier) {
    return new PromotionScenario(type, multiplier);
  }

  boolean usesLearnedEffect() {
    return type != null && Double.isNaN(multiplier);
  }
}
