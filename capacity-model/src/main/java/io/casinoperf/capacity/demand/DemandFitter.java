package io.casinoperf.capacity.demand;

import io.casinoperf.capacity.algebra.LeastSquares;
import io.casinoperf.capacity.series.RegularSeries;
import io.casinoperf.capacity.series.UnsuitableDataException;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;

/**
 * Fits the demand model, choosing its form by validation: the most recent stretches of history,
 * up to three blocks one forecast horizon long each, are held out in turn; every candidate (log or
 * linear scale, with or without trend, each Fourier order, each history window, level anchored to
 * the last day or week or not) is fitted on what comes before each block and scored on what it
 * did not see. The best candidate of each scale, with a trend and with a level only, gets the share
 * of last season's error it carries ({@link SeasonalCarry}); the four are compared on the original
 * scale over more blocks. The best of them and those nearly as good, with the seasonal
 * decomposition ({@link Decomposition}) when it is nearly as good too, are refitted on all of
 * their windows, and the forecast is their mean. Its errors on those blocks give the prediction
 * intervals.
 *
 * <p>One pass over the data accumulates per-day sums of {@code XᵀX} and {@code Xᵀy} for the
 * largest set of terms ({@link Moments}); each candidate is then a small system solved by {@link
 * LeastSquares}, so a year of one-minute points costs one pass, not one per candidate.
 */
public final class DemandFitter {
  private DemandFitter() {}

  /**
   * How to fit.
   *
   * @param horizonSeconds how far ahead the model is asked to forecast; also the length of the
   *     validation block
   * @param changepoints times where the trend may change slope (epoch seconds)
   * @param windowDays history windows to try, in days back from the end; 0 means all history
   * @param maxCondition condition number of XᵀX above which a ridge penalty is added
   */
  public record Settings(long horizonSeconds, long[] changepoints, int[] windowDays, double maxCondition,
      String requiredPromotionType) {
    public Settings {
      if (horizonSeconds < 1) {
        throw new IllegalArgumentException("the horizon must be positive");
      }
      changepoints = changepoints.clone();
      windowDays = windowDays.clone();
    }

    public Settings(long horizonSeconds, long[] changepoints, int[] windowDays, double maxCondition) {
      this(horizonSeconds, changepoints, windowDays, maxCondition, null);
    }

    /** All history, the last 13, 4 and 2 weeks; no changepoints; condition 1e10. */
    public static Settings defaults(long horizonSeconds) {
      return new Settings(horizonSeconds, new long[0], new int[] {0, 91, 28, 14}, 1e10);
    }

    public Settings withChangepoints(long[] epochSeconds) {
      return new Settings(horizonSeconds, epochSeconds, windowDays, maxCondition, requiredPromotionType);
    }

    /**
     * Only models whose history holds promotions of this type (when any past promotion of it is
     * in the data), so the effect a forecast needs is learned rather than windowed away.
     */
    public Settings requiring(String promotionType) {
      return new Settings(horizonSeconds, changepoints, windowDays, maxCondition, promotionType);
    }
  }

  /**
   * The series with its terms and sums, ready for any number of fits: prepare once, then {@link
   * #fit(Prepared)} and {@link Backtest#run(Prepared, int)} share the one pass over the data.
   */
  public static final class Prepared {
    final RegularSeries series;
    final Terms terms;
    final Moments moments;
    final long chunkSeconds;
    final Settings settings;
    final SortedMap<String, List<long[]>> promotions;

    Prepared(RegularSeries series, Terms terms, Moments moments, long chunkSeconds, Settings settings,
        SortedMap<String, List<long[]>> promotions) {
      this.series = series;
      this.promotions = promotions;
      this.terms = terms;
      this.moments = moments;
      this.chunkSeconds = chunkSeconds;
      this.settings = settings;
    }

    int slotsPerChunk() {
      return moments.slotsPerChunk;
    }

    /** The same series with these chunks left out of every sum. */
    Prepared excluding(int[] chunks) {
      Moments fewer = moments.excluding(chunks);
      return fewer == moments ? this
          : new Prepared(series, terms, fewer, chunkSeconds, settings, promotions);
    }

    /** Whether the log (multiplicative) models could be tried: every value above 0. */
    public boolean multiplicativeAllowed() {
      return moments.logAvailable;
    }
  }

  /**
   * Fits traffic, with the windows of past promotions by type (each {@code [start, end)} in epoch
   * seconds).
   *
   * @throws UnsuitableDataException when the series is constant or too short for any candidate
   */
  public static DemandModel fit(RegularSeries traffic, SortedMap<String, List<long[]>> promotions,
      Settings settings) {
    return fit(prepare(traffic, promotions, settings));
  }

  /** Fits a prepared series on all of it. */
  public static DemandModel fit(Prepared prepared) {
    return fitUpTo(prepared, prepared.moments.chunks);
  }

  /**
   * One pass over the data for every later fit.
   *
   * @throws UnsuitableDataException when the series is empty or constant
   */
  public static Prepared prepare(RegularSeries traffic, SortedMap<String, List<long[]>> promotions,
      Settings settings) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < traffic.slots(); i++) {
      double v = traffic.value(i);
      if (!Double.isNaN(v)) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
    }
    if (min > max) {
      throw new UnsuitableDataException(traffic.name() + " has no data points");
    }
    if (min == max) {
      throw new UnsuitableDataException(traffic.name() + " is constant (" + min
          + " at every point): there is no pattern to fit");
    }
    long step = traffic.stepSeconds();
    long chunkSeconds = Math.max(Terms.DAY, step);
    int slotsPerChunk = (int) Math.max(1, chunkSeconds / step);
    chunkSeconds = slotsPerChunk * step;
    long span = (long) traffic.slots() * step;
    Terms terms = new Terms(traffic.startEpochSecond(), step, span, settings.changepoints(), promotions);
    Moments moments = Moments.accumulate(traffic, terms, slotsPerChunk);
    return new Prepared(traffic, terms, moments, chunkSeconds, settings, promotions);
  }

  private record Candidate(Spec spec, double score) {}

  /** One fit of a candidate on its window before a block's start, before any anchoring. */
  private record BlockFit(int[] columns, double[] beta, LeastSquares.Solution solution) {}

  /** Selects and fits a model on chunks [0, toChunk). */
  static DemandModel fitUpTo(Prepared d, int toChunk) {
    return fitBetween(d, 0, toChunk);
  }

  /**
   * Selects and fits a model on chunks [fromChunk, toChunk) alone: nothing before or after them
   * reaches the choice, the fit or the intervals ("all history" is all of this range).
   */
  static DemandModel fitBetween(Prepared all, int fromChunk, int lastChunk) {
    // Days unlike their neighbours (an outage, a spike no calendar names) are left out of every
    // sum: fitting, validation and anchoring.
    Prepared d = all.excluding(anomalousDays(all, fromChunk, lastChunk));
    Moments m = d.moments;
    // Trailing days without data (an incident left out at the end, a feed that stopped, an
    // anomalous last day) hold nothing to validate on: the history, its blocks and its windows
    // end at the last day with data.
    int toChunk = lastChunk;
    while (toChunk > fromChunk && m.count(toChunk - 1, toChunk) == 0) {
      toChunk--;
    }
    if (toChunk == fromChunk) {
      throw new UnsuitableDataException(tooShort(d, fromChunk, lastChunk, 1));
    }
    int horizonChunks = (int) Math.max(1, Math.ceil((double) d.settings.horizonSeconds() / d.chunkSeconds));
    int validation = Math.min(horizonChunks, Math.max(1, (toChunk - fromChunk) / 4));
    // Three validation blocks with data, one horizon each, at the end of the history: a candidate
    // is fitted before each and scored on it, so the choice does not hang on one stretch of data.
    // A block an incident emptied does not count: the blocks reach further back instead.
    int blocks = 1;
    int withData = m.count(toChunk - validation, toChunk) > 0 ? 1 : 0;
    while (withData < 3 && toChunk - (blocks + 1) * validation - fromChunk >= 2 * validation) {
      blocks++;
      withData += m.count(toChunk - blocks * validation, toChunk - (blocks - 1) * validation) > 0 ? 1 : 0;
    }
    int[] anchors = d.chunkSeconds > Terms.DAY ? new int[] {0} : new int[] {0, 1, 7};
    final int required = requiredColumn(d, fromChunk, toChunk);
    // The best candidate of each scale, with a trend and with a level only: carrying last season's
    // error copies last season's level and shape, so a trend the model would add on top may help
    // or hurt, and only the blocks can tell.
    Candidate[] best = new Candidate[4];
    boolean[] forms = m.logAvailable(fromChunk, toChunk) ? new boolean[] {true, false} : new boolean[] {false};
    int smallest = Integer.MAX_VALUE;
    double[] sse = new double[anchors.length];
    for (int window : d.settings.windowDays()) {
      int windowChunks = chunks(d, window);
      int shortestTraining = toChunk - blocks * validation - fromChunk;
      if (window != 0 && windowChunks >= shortestTraining) {
        continue;
      }
      int maxYearly = (window == 0 ? shortestTraining : windowChunks) * d.chunkSeconds >= 2 * Terms.YEAR
          ? d.terms.maxYearly : 0;
      for (boolean log : forms) {
        for (boolean trend : new boolean[] {false, true}) {
          for (int daily = 0; daily <= d.terms.maxDaily; daily++) {
            for (int weekly = 0; weekly <= d.terms.maxWeekly; weekly++) {
              for (int yearly = 0; yearly <= maxYearly; yearly++) {
                for (int hourly = 0; hourly <= d.terms.maxHourly; hourly++) {
                Spec spec = new Spec(log, trend, daily, weekly, yearly, hourly, window, 0);
                // The final refit on the window up to the end must be possible (an incident may
                // have emptied the end of the history) and must hold the required promotion type.
                int finalFrom = window == 0 ? fromChunk : Math.max(fromChunk, toChunk - windowChunks);
                int[] finalColumns = usable(d, spec, finalFrom, toChunk);
                if (m.count(finalFrom, toChunk) < 2L * finalColumns.length + 2
                    || (required >= 0 && java.util.Arrays.stream(finalColumns).noneMatch(c -> c == required))) {
                  continue;
                }
                java.util.Arrays.fill(sse, 0);
                long counted = 0;
                boolean feasible = true;
                for (int b = 1; b <= blocks && feasible; b++) {
                  int trainEnd = toChunk - b * validation;
                  int validationEnd = trainEnd + validation;
                  BlockFit fit = fitBlock(d, spec, fromChunk, trainEnd);
                  smallest = Math.min(smallest, fit == null ? smallest : fit.columns().length);
                  long validationCount = m.count(trainEnd, validationEnd);
                  if (fit == null || validationCount == 0) {
                    feasible = fit != null;
                    continue;
                  }
                  counted += validationCount;
                  for (int a = 0; a < anchors.length; a++) {
                    double[] beta = anchored(d, fit, fromChunk, trainEnd, anchors[a], log);
                    sse[a] += m.sse(trainEnd, validationEnd, fit.columns(), beta, log);
                  }
                }
                if (!feasible || counted == 0) {
                  continue;
                }
                int form = (log ? 0 : 2) + (trend ? 1 : 0);
                for (int a = 0; a < anchors.length; a++) {
                  double score = sse[a] / counted;
                  if (best[form] == null || score < best[form].score()) {
                    best[form] = new Candidate(new Spec(log, trend, daily, weekly, yearly, hourly,
                        window, anchors[a]), score);
                  }
                }
                }
              }
            }
          }
        }
      }
    }
    if (java.util.Arrays.stream(best).allMatch(java.util.Objects::isNull)) {
      throw new UnsuitableDataException(tooShort(d, fromChunk, toChunk,
          smallest == Integer.MAX_VALUE ? 1 : smallest));
    }
    // The intervals need more errors than the choice does: the model is refitted before as many
    // more blocks as the history holds, up to a couple of months of blocks. On them each of the
    // best candidates gets the weight of its carried seasonal residual (SeasonalCarry) and its
    // mean absolute error over all those blocks.
    int intervalBlocks = intervalBlocks(m, fromChunk, toChunk, validation, blocks);
    int season = SeasonalCarry.seasonSlots(d, fromChunk, toChunk);
    Spec[] finalists = java.util.Arrays.stream(best).filter(java.util.Objects::nonNull).map(Candidate::spec)
        .toArray(Spec[]::new);
    Predictions[] predictions = predictions(d, finalists, fromChunk, toChunk,
        validation, intervalBlocks, season);
    double[] weights = new double[predictions.length];
    double[] errors = new double[predictions.length];
    int chosen = -1;
    for (int k = 0; k < predictions.length; k++) {
      Predictions p = predictions[k];
      weights[k] = SeasonalCarry.bestWeight(p.actual, p.center, p.carry, p.n, p.spec.log());
      errors[k] = p.n == 0 ? Double.POSITIVE_INFINITY
          : SeasonalCarry.absoluteError(p.actual, p.center, p.carry, 0, p.n, weights[k], p.spec.log()) / p.n;
      if (chosen < 0 || errors[k] < errors[chosen]) {
        chosen = k;
      }
    }
    // The finalists of the chosen scale that forecast the blocks nearly as well as the best, each
    // with its own carried share, averaged: a combination of a few sound models forecasts better
    // than the one that happened to do best on a few blocks (the M4 competition's lesson; here it
    // cut the worst origin of every real series to under twice seasonal-naive's error).
    java.util.List<Integer> members = new java.util.ArrayList<>();
    members.add(chosen);
    for (int k = 0; k < predictions.length; k++) {
      if (k != chosen && predictions[k].spec.log() == predictions[chosen].spec.log()
          && errors[k] <= errors[chosen] * MEMBER_TOLERANCE
          && predictions[k].samePoints(predictions[chosen])) {
        members.add(k);
      }
    }
    Predictions lead = predictions[chosen];
    boolean log = lead.spec.log();
    // The decomposition (a forecaster of another kind, see Decomposition) joins on the same terms.
    Spec[] memberSpecs = members.stream().map(k -> predictions[k].spec).toArray(Spec[]::new);
    Predictions decomposition = decomposedPredictions(d, fromChunk, toChunk, validation, intervalBlocks, log,
        memberSpecs);
    boolean decompose = decomposition != null && decomposition.samePoints(lead)
        && SeasonalCarry.absoluteError(decomposition.actual, decomposition.center, decomposition.carry, 0,
            decomposition.n, 0, log) / decomposition.n <= errors[chosen] * MEMBER_TOLERANCE;
    // The one it joins with is fitted up to the end of the data (a last day may be partial) and
    // forecasts from the step after it.
    int endSlot = Math.min(d.series.slots(), toChunk * d.slotsPerChunk());
    Decomposition fitted = decompose ? decomposition(d, fromChunk * d.slotsPerChunk(), endSlot, log) : null;
    DemandModel.Decomposed joined = fitted == null ? null : new DemandModel.Decomposed(fitted,
        d.series.startEpochSecond() + (long) endSlot * d.series.stepSeconds(), d.series.stepSeconds());
    decompose = joined != null;
    int count = members.size() + (decompose ? 1 : 0);
    double[] center = new double[lead.n];
    for (int k : members) {
      double[] levels = predictions[k].levels(weights[k]);
      for (int i = 0; i < lead.n; i++) {
        center[i] += levels[i] / count;
      }
    }
    if (decompose) {
      for (int i = 0; i < lead.n; i++) {
        center[i] += decomposition.center[i] / count;
      }
    }
    double[] combinedErrors = new double[lead.n];
    for (int i = 0; i < lead.n; i++) {
      combinedErrors[i] = (log ? Math.log(lead.actual[i]) : lead.actual[i]) - center[i];
    }
    java.util.List<Spec> specs = new java.util.ArrayList<>();
    double[] partWeights = new double[members.size()];
    for (int j = 0; j < members.size(); j++) {
      specs.add(predictions[members.get(j)].spec);
      partWeights[j] = weights[members.get(j)];
    }
    return refit(d, specs, partWeights, joined, fromChunk, toChunk, combinedErrors,
        java.util.Arrays.copyOf(lead.lead, lead.n), center, season);
  }

  /**
   * The most points of history the decomposition is fitted on: four weeks at five minutes, 5.6
   * days of one-minute points (whose weekly season it then leaves out). It is refitted before
   * every validation block, and on a year of one-minute data two weeks of points cost more time
   * than the whole regression.
   */
  static final int DECOMPOSITION_POINTS = 8_064;

  /**
   * The seasons the decomposition looks for, in slots: a day and a week for steps that divide a
   * day, a week for daily steps, none otherwise.
   */
  static int[] decompositionPeriods(Prepared d) {
    long step = d.series.stepSeconds();
    if (step < Terms.DAY && Terms.DAY % step == 0) {
      int day = (int) (Terms.DAY / step);
      return new int[] {day, 7 * day};
    }
    return step == Terms.DAY ? new int[] {7} : new int[0];
  }

  /**
   * The decomposition fitted on the slots before {@code endSlot} (at most the series' last), at
   * most {@link #DECOMPOSITION_POINTS} of them and none before {@code floorSlot}, on the model's
   * scale; null when too few points. Days left out as anomalous and steps inside a known
   * promotion are missing: it forecasts organic traffic, and a promotion's effect is the
   * regression's to add (a weekly promotion would otherwise become part of its weekly season and
   * be counted twice).
   */
  static Decomposition decomposition(Prepared d, int floorSlot, int endSlot, boolean log) {
    int end = Math.min(endSlot, d.series.slots());
    int from = Math.max(floorSlot, end - DECOMPOSITION_POINTS);
    int spc = d.slotsPerChunk();
    long step = d.series.stepSeconds();
    double[] y = new double[Math.max(0, end - from)];
    for (int i = from; i < end; i++) {
      double v = d.series.value(i);
      y[i - from] = Double.isNaN(v) || d.moments.isExcluded(i / spc) || (log && !(v > 0))
          || inPromotion(d, d.series.epochSecond(i), step) ? Double.NaN : log ? Math.log(v) : v;
    }
    return Decomposition.fit(y, decompositionPeriods(d));
  }

  /** Whether the step starting at {@code t} overlaps a known promotion of any type. */
  private static boolean inPromotion(Prepared d, long t, long step) {
    for (List<long[]> windows : d.promotions.values()) {
      for (long[] w : windows) {
        if (t < w[1] && t + step > w[0]) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * What the decomposition predicted on each of the last {@code blocks} validation blocks, refitted
   * before each, with the promotion effect the members of the mean ({@code members}, fitted before
   * the same block) give it, as the model will; null when it could not be fitted before any block.
   * Its points are those every finalist of the scale predicted unless one could not be fitted
   * before a block ({@link Predictions#samePoints} tells).
   */
  private static Predictions decomposedPredictions(Prepared d, int floor, int toChunk, int validation,
      int blocks, boolean log, Spec[] members) {
    int spc = d.slotsPerChunk();
    Predictions out = new Predictions(null, log, (int) d.moments.count(toChunk - blocks * validation, toChunk));
    double[] row = new double[d.terms.columns];
    boolean any = false;
    for (int b = blocks; b >= 1; b--) {
      int trainEnd = toChunk - b * validation;
      Decomposition fit = decomposition(d, floor * spc, trainEnd * spc, log);
      if (fit == null) {
        continue;
      }
      any = true;
      double[] promotion = promotionCoefficients(d, members, floor, trainEnd);
      int end = Math.min(d.series.slots(), (trainEnd + validation) * spc);
      for (int i = trainEnd * spc; i < end; i++) {
        double y = d.series.value(i);
        if (Double.isNaN(y) || d.moments.isExcluded(i / spc) || (log && !(y > 0))) {
          continue;
        }
        double effect = 0;
        if (promotion.length > 0) {
          d.terms.row(d.series.epochSecond(i), row, null);
          for (int type = 0; type < promotion.length; type++) {
            effect += promotion[type] * row[d.terms.firstPromotion + type];
          }
        }
        out.actual[out.n] = y;
        out.center[out.n] = fit.at(i - trainEnd * spc) + effect;
        out.lead[out.n++] = i - trainEnd * spc;
      }
    }
    return any && out.n > 0 ? out : null;
  }

  /**
   * Each promotion type's coefficient as the mean over the specs fitted before {@code trainEnd}
   * that have it (0 where none has), as {@link DemandModel} gives the decomposition.
   */
  private static double[] promotionCoefficients(Prepared d, Spec[] specs, int floor, int trainEnd) {
    int types = d.terms.promotionTypes.size();
    double[] sum = new double[types];
    int[] count = new int[types];
    for (Spec spec : specs) {
      BlockFit fit = types == 0 ? null : fitBlock(d, spec, floor, trainEnd);
      if (fit == null) {
        continue;
      }
      for (int c = 0; c < fit.columns().length; c++) {
        int type = fit.columns()[c] - d.terms.firstPromotion;
        if (type >= 0 && type < types) {
          sum[type] += fit.beta()[c];
          count[type]++;
        }
      }
    }
    for (int type = 0; type < types; type++) {
      sum[type] = count[type] == 0 ? 0 : sum[type] / count[type];
    }
    return sum;
  }

  /**
   * How much larger than the best finalist's mean absolute error on the validation blocks another
   * finalist's may be and still join the combination.
   */
  static final double MEMBER_TOLERANCE = 1.2;

  /**
   * Why chunks [fromChunk, toChunk) cannot be fitted, and how much more history would do: the
   * smallest model needs two points per term and two more before a validation block of a day.
   */
  private static String tooShort(Prepared d, int fromChunk, int toChunk, int terms) {
    long points = d.moments.count(fromChunk, toChunk);
    int withData = 0;
    for (int c = fromChunk; c < toChunk; c++) {
      withData += d.moments.count(c, c + 1) > 0 ? 1 : 0;
    }
    long perChunk = Math.max(1, d.slotsPerChunk());
    int needed = (int) Math.max(2, Math.ceil((2.0 * terms + 2) / perChunk) + 1);
    return String.format(java.util.Locale.ROOT, "%s has %d points on %s with data (incidents"
            + " and gaps left out): too few to fit and validate even the smallest model (%d term%s);"
            + " it needs at least %s of history with data%s", d.series.name(), points,
        inWords(d, withData), terms, terms == 1 ? "" : "s", inWords(d, needed),
        needed > withData ? String.format(java.util.Locale.ROOT, ", %d more", needed - withData) : "");
  }

  /** A number of chunks in words: "1 day", "3 days", or steps when a step is longer than a day. */
  private static String inWords(Prepared d, int n) {
    if (d.chunkSeconds == Terms.DAY) {
      return n + (n == 1 ? " day" : " days");
    }
    return n + (n == 1 ? " step" : " steps") + " of " + d.chunkSeconds + " s";
  }

  /** Fewest validation blocks behind the intervals, where the history holds them. */
  static final int MIN_INTERVAL_BLOCKS = 8;
  /** Fewest validation errors behind the intervals, where the history holds them. */
  static final int MIN_INTERVAL_ERRORS = 60;
  /** Most validation blocks behind the intervals. */
  static final int MAX_INTERVAL_BLOCKS = 60;

  /**
   * How many validation blocks the intervals' errors come from: at least those of the choice,
   * then more until there are {@link #MIN_INTERVAL_BLOCKS} blocks and {@link
   * #MIN_INTERVAL_ERRORS} errors, while the training before the oldest block stays two blocks
   * long.
   */
  static int intervalBlocks(Moments m, int fromChunk, int toChunk, int validation, int blocks) {
    int n = blocks;
    while (n < MAX_INTERVAL_BLOCKS && toChunk - (n + 1) * validation - fromChunk >= 2 * validation
        && (n < MIN_INTERVAL_BLOCKS || m.count(toChunk - n * validation, toChunk) < MIN_INTERVAL_ERRORS)) {
      n++;
    }
    return n;
  }

  /** The column of the required promotion type when chunks [fromChunk, toChunk) hold it, else -1. */
  private static int requiredColumn(Prepared d, int fromChunk, int toChunk) {
    String type = d.settings.requiredPromotionType();
    if (type == null || !d.terms.promotionTypes.contains(type)) {
      return -1;
    }
    int column = d.terms.firstPromotion + d.terms.promotionTypes.indexOf(type);
    return d.moments.diagonal(fromChunk, toChunk, column) > 0 ? column : -1;
  }

  private static int chunks(Prepared d, int days) {
    return (int) Math.ceil(days * (double) Terms.DAY / d.chunkSeconds);
  }

  /**
   * The candidate fitted on its window before {@code trainEnd}, never reaching before {@code
   * floor}; null when too few points.
   */
  private static BlockFit fitBlock(Prepared d, Spec spec, int floor, int trainEnd) {
    int from = spec.windowDays() == 0 ? floor : Math.max(floor, trainEnd - chunks(d, spec.windowDays()));
    int[] cols = usable(d, spec, from, trainEnd);
    if (d.moments.count(from, trainEnd) < 2L * cols.length + 2) {
      return null;
    }
    LeastSquares.Solution solution = LeastSquares.solve(d.moments.xtx(from, trainEnd, cols),
        d.moments.xty(from, trainEnd, cols, spec.log()), d.settings.maxCondition());
    return new BlockFit(cols, solution.coefficients(), solution);
  }

  /**
   * β with the intercept moved by the mean residual of the last {@code anchorDays} before
   * {@code trainEnd}: Σ residual = Σy − Σⱼ βⱼ Σxⱼ, and Σxⱼ is the intercept's row of XᵀX. Days
   * left out as anomalous ({@link #anomalousDays}) are not in the sums, so an outage on the last
   * day does not set the level.
   */
  private static double[] anchored(Prepared d, BlockFit fit, int floor, int trainEnd, int anchorDays,
      boolean log) {
    if (anchorDays == 0) {
      return fit.beta();
    }
    int from = Math.max(floor, trainEnd - chunks(d, anchorDays));
    long n = d.moments.count(from, trainEnd);
    if (n == 0) {
      return fit.beta();
    }
    double[] beta = fit.beta().clone();
    beta[0] += d.moments.residualSum(from, trainEnd, fit.columns(), fit.beta(), log) / n;
    return beta;
  }

  /** The band of an ordinary day, in robust standard deviations (1.4826 MAD) of the deviations. */
  static final double ANOMALY_BAND = 3.5;
  /** Days in a row beyond the band on one side that make a new level rather than an anomaly. */
  static final int NEW_LEVEL_DAYS = 3;
  /**
   * The last days of a history that are looked at for anomalies: where one sets the level and
   * tilts the trend. Further back, a day unlike the weeks before it is as often the start of
   * something recurring (a season, a weekly event) as an accident.
   */
  static final int RECENT_DAYS = 14;

  /**
   * Days among the last 14 of chunks [fromChunk, toChunk) unlike the weeks before them, to be
   * left out of fitting, validation and anchoring: an outage, a blizzard, a lost feed that no
   * calendar names. Only days far below their neighbours count: a day far above them may be the
   * start of a new level or a recurring event (a season, a weekly game), and discounting it would
   * under-provision, the one error a capacity plan must not make. A day's
   * mean (of log y where every value is positive) is compared with the median of the same
   * weekday in the four weeks before it (at least two of them); the day is anomalous when that
   * deviation lies beyond the median of the previous 28 days' deviations ± 3.5 robust standard
   * deviations. Only earlier days are looked at, so a backtest's origin never sees its future.
   * Days of a known promotion are never anomalous (their effect is learned), and three or more
   * anomalous days in a row on one side are a new level, kept. Only for series of daily chunks.
   */
  static int[] anomalousDays(Prepared d, int fromChunk, int toChunk) {
    int[] side = unusualDays(d, fromChunk, toChunk);
    if (side.length == 0) {
      return new int[0];
    }
    boolean log = d.moments.logAvailable(fromChunk, toChunk);
    double[] means = d.moments.chunkMeans(log);
    int span = toChunk - fromChunk;
    // Runs of NEW_LEVEL_DAYS or more on one side (days without data skipped) are a new level;
    // shorter runs of days below the band are anomalies. A capacity plan may discount an outage,
    // never a peak.
    java.util.List<Integer> out = new java.util.ArrayList<>();
    int i = 0;
    while (i < span) {
      if (side[i] == 0) {
        i++;
        continue;
      }
      int j = i;
      int run = 0;
      java.util.List<Integer> members = new java.util.ArrayList<>();
      while (j < span && (side[j] == side[i] || (side[j] == 0 && Double.isNaN(means[fromChunk + j])))) {
        if (side[j] != 0) {
          run++;
          members.add(fromChunk + j);
        }
        j++;
      }
      if (run < NEW_LEVEL_DAYS && side[i] < 0) {
        out.addAll(members);
      }
      i = j;
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * The first chunk of a new level that holds to the end of chunks [fromChunk, toChunk): a run of
   * {@link #NEW_LEVEL_DAYS} or more days in a row on one side of the band of {@link
   * #anomalousDays} (days without data skipped) that reaches the last day with data; {@code
   * fromChunk} when there is none. Last season's error is not carried from before it.
   */
  static int newLevelStart(Prepared d, int fromChunk, int toChunk) {
    int[] side = unusualDays(d, fromChunk, toChunk);
    if (side.length == 0) {
      return fromChunk;
    }
    boolean log = d.moments.logAvailable(fromChunk, toChunk);
    double[] means = d.moments.chunkMeans(log);
    int j = toChunk - fromChunk - 1;
    while (j >= 0 && Double.isNaN(means[fromChunk + j])) {
      j--;
    }
    if (j < 0 || side[j] == 0) {
      return fromChunk;
    }
    int level = side[j];
    int run = 0;
    int first = j;
    for (; j >= 0 && (side[j] == level || (side[j] == 0 && Double.isNaN(means[fromChunk + j]))); j--) {
      if (side[j] != 0) {
        run++;
        first = j;
      }
    }
    return run >= NEW_LEVEL_DAYS ? fromChunk + first : fromChunk;
  }

  /**
   * For each chunk of [fromChunk, toChunk): -1 or +1 when it is one of the last {@link
   * #RECENT_DAYS} days and lies below or above the band of {@link #anomalousDays}, else 0; an
   * empty array when the series is not one of daily chunks or is shorter than three weeks.
   */
  private static int[] unusualDays(Prepared d, int fromChunk, int toChunk) {
    if (d.chunkSeconds != Terms.DAY || toChunk - fromChunk < 21) {
      return new int[0];
    }
    boolean log = d.moments.logAvailable(fromChunk, toChunk);
    double[] means = d.moments.chunkMeans(log);
    int span = toChunk - fromChunk;
    double[] deviation = new double[span];
    java.util.Arrays.fill(deviation, Double.NaN);
    double[] same = new double[4];
    for (int c = fromChunk; c < toChunk; c++) {
      if (Double.isNaN(means[c])) {
        continue;
      }
      int k = 0;
      for (int week = 1; week <= 4; week++) {
        int earlier = c - 7 * week;
        if (earlier >= fromChunk && !Double.isNaN(means[earlier])) {
          same[k++] = means[earlier];
        }
      }
      if (k >= 2) {
        double[] sorted = java.util.Arrays.copyOf(same, k);
        java.util.Arrays.sort(sorted);
        deviation[c - fromChunk] = means[c] - io.casinoperf.capacity.algebra.SortedSample.quantile(sorted, 0.5);
      }
    }
    int[] side = new int[span];
    for (int c = Math.max(fromChunk, toChunk - RECENT_DAYS); c < toChunk; c++) {
      double x = deviation[c - fromChunk];
      if (Double.isNaN(x) || promotionDay(d, c)) {
        continue;
      }
      double[] previous = java.util.Arrays.stream(deviation, Math.max(0, c - fromChunk - 28), c - fromChunk)
          .filter(v -> !Double.isNaN(v)).sorted().toArray();
      if (previous.length < 7) {
        continue;
      }
      double median = io.casinoperf.capacity.algebra.SortedSample.quantile(previous, 0.5);
      double[] absolute = java.util.Arrays.stream(previous).map(v -> Math.abs(v - median)).sorted().toArray();
      double scale = 1.4826 * io.casinoperf.capacity.algebra.SortedSample.quantile(absolute, 0.5);
      if (scale > 0 && Math.abs(x - median) > ANOMALY_BAND * scale) {
        side[c - fromChunk] = x < median ? -1 : 1;
      }
    }
    return side;
  }

  /** Whether any known promotion covers part of this chunk. */
  private static boolean promotionDay(Prepared d, int chunk) {
    for (int type = 0; type < d.terms.promotionTypes.size(); type++) {
      if (d.moments.diagonal(chunk, chunk + 1, d.terms.firstPromotion + type) > 0) {
        return true;
      }
    }
    return false;
  }

  private static int[] usable(Prepared d, Spec spec, int from, int to) {
    int[] all = d.terms.columnsOf(spec);
    long rangeStart = d.series.startEpochSecond() + from * d.chunkSeconds;
    List<Integer> kept = new ArrayList<>();
    for (int col : all) {
      boolean hinge = col >= d.terms.firstHinge && col < d.terms.firstDaily;
      if (d.moments.diagonal(from, to, col) <= 0
          || (hinge && d.terms.changepoints[col - d.terms.firstHinge] <= rangeStart)) {
        continue;
      }
      kept.add(col);
    }
    return kept.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * What a spec predicted on each of the last {@code blocks} validation blocks, refitted before
   * each (oldest block first): the actual values, the model's values and the seasonal residuals
   * it would carry (both on its scale), and how many steps after the block's start each came.
   */
  private static final class Predictions {
    /** The regression finalist; null for the decomposition. */
    final Spec spec;
    final boolean log;
    final double[] actual;
    final double[] center;
    final double[] carry;
    final int[] lead;
    int n;

    Predictions(Spec spec, boolean log, int capacity) {
      this.spec = spec;
      this.log = log;
      this.actual = new double[capacity];
      this.center = new double[capacity];
      this.carry = new double[capacity];
      this.lead = new int[capacity];
    }

    /** Whether both predicted the same points (the same actual values at the same leads). */
    boolean samePoints(Predictions other) {
      return n == other.n
          && java.util.Arrays.equals(lead, 0, n, other.lead, 0, n)
          && java.util.Arrays.equals(actual, 0, n, other.actual, 0, n);
    }

    /** The forecasts on the model's scale with the carried residual at this weight. */
    double[] levels(double weight) {
      double[] out = new double[n];
      for (int i = 0; i < n; i++) {
        out[i] = center[i] + weight * carry[i];
      }
      return out;
    }

    /** The errors on the model's scale with the carried residual at this weight. */
    double[] errors(double weight) {
      double[] levels = levels(weight);
      double[] out = new double[n];
      for (int i = 0; i < n; i++) {
        out[i] = (log ? Math.log(actual[i]) : actual[i]) - levels[i];
      }
      return out;
    }
  }

  /**
   * {@link Predictions} of several specs on the same blocks: each point's terms, and each lagged
   * slot's, are evaluated once for all of them.
   */
  private static Predictions[] predictions(Prepared d, Spec[] specs, int floor, int toChunk,
      int validation, int blocks, int season) {
    double[] row = new double[d.terms.columns];
    int spc = d.slotsPerChunk();
    int capacity = (int) d.moments.count(toChunk - blocks * validation, toChunk);
    Predictions[] out = new Predictions[specs.length];
    for (int k = 0; k < specs.length; k++) {
      out[k] = new Predictions(specs[k], specs[k].log(), capacity);
    }
    int[][] columns = new int[specs.length][];
    double[][] betas = new double[specs.length][];
    boolean[] logs = new boolean[specs.length];
    for (int b = blocks; b >= 1; b--) {
      int trainEnd = toChunk - b * validation;
      boolean any = false;
      for (int k = 0; k < specs.length; k++) {
        BlockFit fit = fitBlock(d, specs[k], floor, trainEnd);
        columns[k] = fit == null ? new int[0] : fit.columns();
        betas[k] = fit == null ? null
            : anchored(d, fit, floor, trainEnd, specs[k].anchorDays(), specs[k].log());
        logs[k] = specs[k].log();
        any |= fit != null;
      }
      if (!any) {
        continue;
      }
      double[][] usedBetas = new double[specs.length][];
      for (int k = 0; k < specs.length; k++) {
        usedBetas[k] = betas[k] == null ? new double[0] : betas[k];
      }
      SeasonalCarry carry = new SeasonalCarry(d, columns, usedBetas, logs,
          newLevelStart(d, floor, trainEnd) * spc, trainEnd * spc, season);
      int end = Math.min(d.series.slots(), (trainEnd + validation) * spc);
      for (int i = trainEnd * spc; i < end; i++) {
        double y = d.series.value(i);
        if (Double.isNaN(y) || d.moments.isExcluded(i / spc)) {
          continue;
        }
        d.terms.row(d.series.epochSecond(i), row, null);
        for (int k = 0; k < specs.length; k++) {
          if (betas[k] == null || (logs[k] && !(y > 0))) {
            continue;
          }
          double center = 0;
          for (int c = 0; c < columns[k].length; c++) {
            center += betas[k][c] * row[columns[k][c]];
          }
          Predictions p = out[k];
          p.actual[p.n] = y;
          p.center[p.n] = center;
          p.carry[p.n] = carry.at(k, i);
          p.lead[p.n++] = i - trainEnd * spc;
        }
      }
    }
    return out;
  }

  /**
   * The final model: each spec refitted on its window up to {@code toChunk} with its carried share,
   * and the decomposition that joined them (null for none); the first spec gives the coefficients'
   * variances, the fitted range and the promotion means.
   */
  private static DemandModel refit(Prepared d, java.util.List<Spec> specs, double[] carryWeights,
      DemandModel.Decomposed decomposed, int floor, int toChunk, double[] validationErrors, int[] leads, double[] levels,
      int season) {
    Moments m = d.moments;
    long start = d.series.startEpochSecond();
    java.util.List<DemandModel.Part> parts = new java.util.ArrayList<>();
    LeastSquares.Solution solution = null;
    double[] coefficientVariance = null;
    int firstFrom = floor;
    for (int k = 0; k < specs.size(); k++) {
      Spec spec = specs.get(k);
      int from = spec.windowDays() == 0 ? floor : Math.max(floor, toChunk - chunks(d, spec.windowDays()));
      BlockFit fit = fitBlock(d, spec, floor, toChunk);
      int[] cols = fit.columns();
      double[] beta = anchored(d, fit, floor, toChunk, spec.anchorDays(), spec.log());
      double weight = carryWeights[k];
      double[] carried = weight == 0 ? new double[0]
          : new SeasonalCarry(d, cols, beta, spec.log(), newLevelStart(d, floor, toChunk) * d.slotsPerChunk(),
              toChunk * d.slotsPerChunk(), season).lastSeasons();
      parts.add(new DemandModel.Part(spec, cols, beta, new DemandModel.Carry(weight, weight == 0 ? 0 : season,
          start + toChunk * d.chunkSeconds, d.series.stepSeconds(), carried)));
      if (k == 0) {
        solution = fit.solution();
        firstFrom = from;
        long n = m.count(from, toChunk);
        double variance = m.sse(from, toChunk, cols, fit.beta(), spec.log()) / Math.max(1, n - cols.length);
        double[][] inverse = LeastSquares.inverse(m.xtx(from, toChunk, cols), solution.ridge());
        // Residuals of time series are rarely independent: inflate by the AR(1) factor (1 + ρ)/(1 − ρ)
        // of the validation errors, as the variance of a mean of correlated data is inflated.
        double rho = Math.max(0, Math.min(0.95, lagOneAutocorrelation(validationErrors)));
        double inflation = (1 + rho) / (1 - rho);
        coefficientVariance = new double[cols.length];
        for (int i = 0; i < cols.length; i++) {
          coefficientVariance[i] = variance * inverse[i][i] * inflation;
        }
      }
    }
    int from = firstFrom;
    long n = m.count(from, toChunk);
    int types = d.terms.promotionTypes.size();
    double[] promotionMeans = new double[types];
    long[] promotionPoints = new long[types];
    int[] single = new int[1];
    for (int type = 0; type < types; type++) {
      single[0] = d.terms.firstPromotion + type;
      double count = m.diagonal(from, toChunk, single[0]);
      promotionPoints[type] = Math.round(count);
      promotionMeans[type] = count > 0 ? m.xty(from, toChunk, single, false)[0] / count : Double.NaN;
    }
    long end = Math.min(d.series.epochSecond(d.series.slots() - 1), start + toChunk * d.chunkSeconds - 1);
    return new DemandModel(d.terms, parts, decomposed, solution.ridge(), solution.conditionNumber(),
        new ForecastErrors(validationErrors, leads, levels, start + toChunk * d.chunkSeconds,
            d.series.stepSeconds()), coefficientVariance,
        start + from * d.chunkSeconds, end, n, promotionMeans, promotionPoints,
        m.xty(from, toChunk, new int[] {0}, false)[0] / Math.max(1, n));
  }

  static double lagOneAutocorrelation(double[] x) {
    if (x.length < 3) {
      return 0;
    }
    double mean = 0;
    for (double v : x) {
      mean += v / x.length;
    }
    double numerator = 0;
    double denominator = 0;
    for (int i = 0; i < x.length; i++) {
      denominator += (x[i] - mean) * (x[i] - mean);
      if (i > 0) {
        numerator += (x[i] - mean) * (x[i - 1] - mean);
      }
    }
    return denominator == 0 ? 0 : numerator / denominator;
  }
}
