package io.casinoperf.capacity.demand;

import io.casinoperf.capacity.algebra.Distributions;
import java.util.ArrayList;
import java.util.List;

/**
 * A fitted demand model: traffic as trend + daily, weekly (and yearly) seasonality + promotion
 * effects, on the log scale (multiplicative) or the original scale (additive), see {@link Spec},
 * plus a share of its own error one season earlier ({@link SeasonalCarry}).
 *
 * <p>Prediction intervals are empirical: the errors the model made on the validation block — the
 * most recent stretch of history, as long as the forecast horizon, predicted by a fit that had not
 * seen it — give the quantiles around the forecast. They therefore carry trend extrapolation,
 * autocorrelation and skew as they really were, not as a normal model would assume. The learned
 * effect of a promotion type adds its own uncertainty (standard error of its coefficient). The
 * backtest checks the resulting coverage.
 */
public final class DemandModel {
  private final Terms terms;
  private final double ridge;
  private final double conditionNumber;
  private final ForecastErrors errors;
  private final double[] coefficientVariance;
  private final long fromEpochSecond;
  private final long toEpochSecond;
  private final long points;
  private final List<PromotionEffect> effects;
  private final List<Part> parts;
  private final Decomposed decomposed;
  /** The promotion coefficients the decomposition adds, by column (0 where no part has one). */
  private final double[] promotionBeta;

  /**
   * The seasonal residual the forecast carries ({@link SeasonalCarry}): the weight, the season in
   * slots (0 for none), where the forecast starts, the step, and the residuals of the last
   * {@link SeasonalCarry#SEASONS_BACK} seasons before the start (NaN where none).
   */
  record Carry(double weight, int season, long startEpochSecond, long stepSeconds, double[] residuals) {
    /** The weighted residual added at {@code t} on the model's scale. */
    double at(long t) {
      if (season == 0 || weight == 0 || t < startEpochSecond) {
        return 0;
      }
      return weight * SeasonalCarry.at(residuals, season, (t - startEpochSecond) / stepSeconds);
    }
  }

  /**
   * One model of a combination: its spec, the columns it uses, their coefficients and the seasonal
   * residual it carries.
   */
  record Part(Spec spec, int[] columns, double[] beta, Carry carry) {
    double at(double[] row, long t) {
      return dot(row) + carry.at(t);
    }

    double dot(double[] row) {
      double sum = 0;
      for (int i = 0; i < columns.length; i++) {
        sum += beta[i] * row[columns[i]];
      }
      return sum;
    }
  }

  /**
   * The decomposition forecaster ({@link Decomposition}) as a member of the combination, fitted on
   * the model's scale up to {@code startEpochSecond}, from where it forecasts one point a step.
   */
  record Decomposed(Decomposition fit, long startEpochSecond, long stepSeconds) {
    double at(long t) {
      return fit.at(Math.max(0, Math.floorDiv(t - startEpochSecond, stepSeconds)));
    }
  }

  DemandModel(Terms terms, List<Part> parts, double ridge, double conditionNumber,
      ForecastErrors errors, double[] coefficientVariance, long fromEpochSecond, long toEpochSecond,
      long points, double[] promotionMeans, long[] promotionPoints, double meanLevel) {
    this(terms, parts, null, ridge, conditionNumber, errors, coefficientVariance, fromEpochSecond,
        toEpochSecond, points, promotionMeans, promotionPoints, meanLevel);
  }

  /**
   * A model whose forecast is the mean of its parts' on their common scale (the first part, the
   * one that forecast its validation blocks best alone, gives the coefficients' variances and the
   * description's lead) and, when not null, the decomposition's, which knows no calendar and adds
   * the regression parts' mean promotion coefficients; {@code errors} are the combination's own.
   */
  DemandModel(Terms terms, List<Part> parts, Decomposed decomposed, double ridge, double conditionNumber,
      ForecastErrors errors, double[] coefficientVariance, long fromEpochSecond, long toEpochSecond,
      long points, double[] promotionMeans, long[] promotionPoints, double meanLevel) {
    Part first = parts.get(0);
    for (Part part : parts) {
      if (part.spec().log() != first.spec().log()) {
        throw new IllegalArgumentException("the parts of a combination share one scale");
      }
    }
    this.parts = List.copyOf(parts);
    this.decomposed = decomposed;
    this.terms = terms;
    this.ridge = ridge;
    this.conditionNumber = conditionNumber;
    this.errors = errors;
    this.coefficientVariance = coefficientVariance;
    this.fromEpochSecond = fromEpochSecond;
    this.toEpochSecond = toEpochSecond;
    this.points = points;
    this.effects = effects(promotionMeans, promotionPoints, meanLevel);
    this.promotionBeta = new double[terms.columns];
    for (int type = 0; type < terms.promotionTypes.size(); type++) {
      int column = terms.firstPromotion + type;
      double b = promotionCoefficient(column);
      promotionBeta[column] = Double.isNaN(b) ? 0 : b;
    }
  }

  public Spec spec() {
    return parts.get(0).spec();
  }

  /**
   * The share of last season's residual the forecast adds ({@link SeasonalCarry}), 0 to 1; 0 when
   * the validation blocks were forecast best without it.
   */
  public double seasonalCarryWeight() {
    Carry carry = parts.get(0).carry();
    return carry.season() == 0 ? 0 : carry.weight();
  }

  /** The model in words: {@link Spec#describe()} and the seasonal residual it carries. */
  public String describe() {
    if (combined() == 1) {
      return describe(parts.get(0));
    }
    StringBuilder out = new StringBuilder("the mean of ").append(combined()).append(" models (");
    for (int i = 0; i < parts.size(); i++) {
      out.append(i == 0 ? "" : "; ").append(describe(parts.get(i)));
    }
    if (decomposed != null) {
      out.append("; ").append(decomposed.fit().describe(decomposed.stepSeconds()));
    }
    return out.append(')').toString();
  }

  private static String describe(Part part) {
    Carry carry = part.carry();
    Spec spec = part.spec();
    if (carry.season() == 0 || carry.weight() == 0) {
      return spec.describe();
    }
    long seconds = carry.season() * carry.stepSeconds();
    return spec.describe() + String.format(java.util.Locale.ROOT, ", plus %.1f × its error one %s earlier",
        carry.weight(), seconds == Terms.WEEK ? "week" : seconds == Terms.DAY ? "day" : seconds + " s");
  }

  /** How many models the forecast is the mean of (1 for a single model). */
  public int combined() {
    return parts.size() + (decomposed == null ? 0 : 1);
  }

  /** Number of regression terms used. */
  public int terms() {
    return parts.get(0).columns().length;
  }

  /** Ridge penalty applied (0 when the system was well-conditioned). */
  public double ridge() {
    return ridge;
  }

  public double conditionNumber() {
    return conditionNumber;
  }

  public long fittedFromEpochSecond() {
    return fromEpochSecond;
  }

  public long fittedToEpochSecond() {
    return toEpochSecond;
  }

  /** Data points the final fit used. */
  public long points() {
    return points;
  }

  /** Validation errors behind the intervals. */
  public int validationPoints() {
    return errors.size();
  }

  /** Effects of the promotion types seen in the fitted range, by type name. */
  public List<PromotionEffect> promotionEffects() {
    return effects;
  }

  /** The effect learned for a type, or null when the fitted range held none of it. */
  public PromotionEffect effect(String type) {
    for (PromotionEffect effect : effects) {
      if (effect.type().equals(type)) {
        return effect;
      }
    }
    return null;
  }

  /**
   * The regression parts' value at {@code t} with the past calendar's promotions (for plotting the
   * fit; the decomposition forecasts only).
   */
  public double fitted(long t) {
    double[] row = new double[terms.columns];
    terms.row(t, row, null);
    double sum = 0;
    for (Part part : parts) {
      sum += part.dot(row);
    }
    return back(sum / parts.size());
  }

  /** The median forecast. */
  public double median(long t, PromotionScenario scenario) {
    return quantile(t, 0.5, scenario);
  }

  /**
   * The {@code probability} quantile of traffic at {@code t} under the scenario.
   *
   * @throws IllegalArgumentException when the scenario uses the learned effect of a type the
   *     fitted range never saw
   */
  public double quantile(long t, double probability, PromotionScenario scenario) {
    return at(t, scenario).applyAsDouble(probability);
  }

  /**
   * Every quantile of traffic at {@code t} under the scenario, as a function of the probability:
   * the model's value at {@code t} is computed once, so drawing many quantiles at one time (a
   * simulation) costs one evaluation of the terms.
   *
   * @throws IllegalArgumentException when the scenario uses the learned effect of a type the
   *     fitted range never saw
   */
  public java.util.function.DoubleUnaryOperator at(long t, PromotionScenario scenario) {
    double[] override = new double[terms.promotionTypes.size()];
    double extraVariance = 0;
    if (scenario.usesLearnedEffect()) {
      int type = terms.promotionTypes.indexOf(scenario.type());
      int position = type < 0 ? -1 : position(terms.firstPromotion + type);
      if (position < 0) {
        throw new IllegalArgumentException("no past promotion of type '" + scenario.type()
            + "' in the fitted history: give an expected traffic multiplier");
      }
      override[type] = 1;
      extraVariance = coefficientVariance[position];
    }
    double[] row = new double[terms.columns];
    terms.row(t, row, override);
    double center = center(row, t);
    double variance = extraVariance;
    double multiplier = scenario.multiplier();
    return probability -> {
      double deviation = errors.quantile(probability, t, center);
      if (variance > 0) {
        // The intervals are centred on the forecast (ForecastErrors), so the effect's own
        // uncertainty adds in quadrature to the deviation from it.
        double z = Distributions.normalQuantile(probability);
        deviation = Math.copySign(Math.sqrt(deviation * deviation + z * z * variance), z);
      }
      double value = back(center + deviation);
      return Double.isNaN(multiplier) ? value : value * multiplier;
    };
  }

  /**
   * The quantile at {@code t} with the past calendar's promotions, as known in advance (for the
   * backtest, whose windows may hold past promotions).
   */
  double calendarQuantile(long t, double probability, double[] row) {
    terms.row(t, row, null);
    double center = center(row, t);
    return back(center + errors.quantile(probability, t, center));
  }

  /**
   * Quantile of the validation errors' deviation from their median ({@link ForecastErrors}),
   * whatever their lead time.
   */
  double errorQuantile(double probability) {
    return errors.quantile(probability);
  }

  double back(double transformed) {
    return spec().log() ? Math.exp(transformed) : Math.max(0, transformed);
  }

  /**
   * The mean of the members' values at {@code t} on the model's scale, row holding t's terms: the
   * regression parts' and, from its first forecast on, the decomposition's.
   */
  private double center(double[] row, long t) {
    double sum = 0;
    for (Part part : parts) {
      sum += part.at(row, t);
    }
    if (decomposed == null || t < decomposed.startEpochSecond()) {
      // Before its first forecast the decomposition has nothing to say: the past is the
      // regression's (the organic level around past promotions, for one).
      return sum / parts.size();
    }
    double promotions = 0;
    for (int type = 0; type < terms.promotionTypes.size(); type++) {
      int column = terms.firstPromotion + type;
      promotions += promotionBeta[column] * row[column];
    }
    return (sum + decomposed.at(t) + promotions) / combined();
  }

  /** The mean coefficient of a column over the parts that use it. */
  private double promotionCoefficient(int column) {
    double sum = 0;
    int n = 0;
    for (Part part : parts) {
      for (int i = 0; i < part.columns().length; i++) {
        if (part.columns()[i] == column) {
          sum += part.beta()[i];
          n++;
        }
      }
    }
    return n == 0 ? Double.NaN : sum / n;
  }

  private int position(int column) {
    int[] columns = parts.get(0).columns();
    for (int i = 0; i < columns.length; i++) {
      if (columns[i] == column) {
        return i;
      }
    }
    return -1;
  }

  private List<PromotionEffect> effects(double[] promotionMeans, long[] promotionPoints, double meanLevel) {
    List<PromotionEffect> out = new ArrayList<>();
    double z = Distributions.normalQuantile(0.95);
    for (int type = 0; type < terms.promotionTypes.size(); type++) {
      int position = position(terms.firstPromotion + type);
      if (position < 0) {
        continue;
      }
      double b = promotionCoefficient(terms.firstPromotion + type);
      double se = Math.sqrt(coefficientVariance[position]);
      String name = terms.promotionTypes.get(type);
      if (spec().log()) {
        out.add(new PromotionEffect(name, Math.exp(b), Math.exp(b - z * se), Math.exp(b + z * se),
            promotionPoints[type]));
      } else {
        // Additive effect over the organic level those windows would have had (or, should that
        // come out at or below zero, over the mean level of the fitted range).
        double base = promotionMeans[type] - b;
        if (!(base > 0)) {
          base = meanLevel;
        }
        out.add(new PromotionEffect(name, (base + b) / base, (base + b - z * se) / base,
            (base + b + z * se) / base, promotionPoints[type]));
      }
    }
    return List.copyOf(out);
  }
}
