package io.casinoperf.capacity.demand;

/**
 * What past promotions of one type did to traffic, as learned by the fit.
 *
 * @param type the promotion type
 * @param multiplier traffic during the promotion over traffic without it (1.8 = +80 %)
 * @param low90 lower end of its 90 % confidence interval
 * @param high90 upper end
 * @param points data points inside promotions of this type in the fitted range
 */
public record PromotionEffect(String type, double multiplier, double low90, double high90, long points) {}
