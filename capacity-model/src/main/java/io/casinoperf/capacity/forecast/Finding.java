package io.casinoperf.capacity.forecast;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.casinoperf.capacity.demand.PromotionEffect;
import java.time.Instant;
import java.time.LocalDate;

/**
 * What the forecast found worth saying beside its figures, as data: a warning (read the figures
 * with it in mind) or an assumption (what they rest on). The model states the facts; the command
 * line and the reports put them into words. In forecast.json each is an object whose {@code kind}
 * names its type.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.SIMPLE_NAME, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(Finding.Text.class),
    @JsonSubTypes.Type(Finding.RepeatsDropped.class),
    @JsonSubTypes.Type(Finding.BacktestLoses.class),
    @JsonSubTypes.Type(Finding.BacktestCoverage.class),
    @JsonSubTypes.Type(Finding.BacktestSkipped.class),
    @JsonSubTypes.Type(Finding.WindowBeforeHistoryEnds.class),
    @JsonSubTypes.Type(Finding.WindowBeyondHorizon.class),
    @JsonSubTypes.Type(Finding.StepLongerThanWindow.class),
    @JsonSubTypes.Type(Finding.AdditiveOnly.class),
    @JsonSubTypes.Type(Finding.RelationExtrapolated.class),
    @JsonSubTypes.Type(Finding.NoThroughputLimit.class),
    @JsonSubTypes.Type(Finding.UslPeakOutsideSteps.class),
    @JsonSubTypes.Type(Finding.UslMaximumAboveMeasured.class),
    @JsonSubTypes.Type(Finding.UslPoorFit.class),
    @JsonSubTypes.Type(Finding.HistoryAboveLimit.class),
    @JsonSubTypes.Type(Finding.RunwayInsideWindow.class),
    @JsonSubTypes.Type(Finding.PlannerMultiplier.class),
    @JsonSubTypes.Type(Finding.LearnedMultiplier.class),
    @JsonSubTypes.Type(Finding.OrganicModel.class),
    @JsonSubTypes.Type(Finding.DecisionQuantile.class),
    @JsonSubTypes.Type(Finding.RateBasis.class),
    @JsonSubTypes.Type(Finding.NodeThroughput.class),
    @JsonSubTypes.Type(Finding.ResourceLimit.class),
    @JsonSubTypes.Type(Finding.RelationFromProbe.class),
    @JsonSubTypes.Type(Finding.PrometheusWarning.class),
    @JsonSubTypes.Type(Finding.QueueingModel.class),
    @JsonSubTypes.Type(Finding.SloNotMet.class),
})
public sealed interface Finding {
  /** Whether a finding qualifies the figures or states what they rest on. */
  enum Severity {
    WARNING,
    ASSUMPTION
  }

  @JsonIgnore
  Severity severity();

  /** A finding that qualifies the figures. */
  sealed interface Warning extends Finding {
    @Override
    default Severity severity() {
      return Severity.WARNING;
    }
  }

  /** A finding the figures rest on. */
  sealed interface Assumption extends Finding {
    @Override
    default Severity severity() {
      return Severity.ASSUMPTION;
    }
  }

  /**
   * A finding already in words: a warning or assumption of a forecast.json written before
   * findings were typed.
   */
  record Text(Severity level, String text) implements Finding {
    @Override
    public Severity severity() {
      return level;
    }
  }

  /**
   * Exact repeats of samples (same time, same value) were dropped from a series; the first repeat
   * is at {@code line} of {@code file}, repeating {@code firstLine}, or (for a file without lines,
   * such as Prometheus JSON) at {@code at}.
   */
  record RepeatsDropped(String series, String file, int count, long line, long firstLine, Instant at)
      implements Warning {}

  /** The backtest's MASE is not below seasonal-naive's. */
  record BacktestLoses(double mase, double naiveMase) implements Warning {}

  /** The backtest's 90 % intervals held a share of the actual values more than 10 points off 90 %. */
  record BacktestCoverage(double coverage90) implements Warning {}

  /** The history held no backtest origin; the reason. */
  record BacktestSkipped(String reason) implements Warning {}

  /** The planned window starts before the history's last point. */
  record WindowBeforeHistoryEnds(Instant lastData) implements Warning {}

  /**
   * The planned window starts further after the history than the horizon the intervals were
   * calibrated on.
   */
  record WindowBeyondHorizon(long gapSeconds, long horizonSeconds) implements Warning {}

  /** The series' step is longer than the planned window: the forecast is of a step's mean. */
  record StepLongerThanWindow(long stepSeconds, long windowSeconds) implements Warning {}

  /** The traffic has values at or below 0, so only linear-scale models were tried. */
  record AdditiveOnly(String series) implements Warning {}

  /**
   * A series read from a Prometheus server came with a warning: the server's own ({@code
   * warnings} in its answer), points that were not numbers and were left out, or samples further
   * apart than the step.
   */
  record PrometheusWarning(String series, String server, String text) implements Warning {}

  /** A resource's relation is used beyond the highest traffic it was seen with. */
  record RelationExtrapolated(String resource, double quantile, double traffic, double highestSeen)
      implements Warning {}

  /** The load-test steps show no throughput limit (κ = σ = 0). */
  record NoThroughputLimit() implements Warning {}

  /** The USL's peak concurrency lies outside the concurrencies tested. */
  record UslPeakOutsideSteps(double peakConcurrency, double lowest, double highest) implements Warning {}

  /** The USL's maximum throughput is far above the highest measured (per second, per node). */
  record UslMaximumAboveMeasured(double maximum, double measured) implements Warning {}

  /** The USL fits the load-test steps poorly. */
  record UslPoorFit(double rSquared) implements Warning {}

  /** A resource's history already went above its limit (per node, or the usable capacity). */
  record HistoryAboveLimit(String resource, double value, String unit, boolean perNode, Instant at,
      double limit) implements Warning {}

  /**
   * Organic growth alone fills a resource's capacity on {@code day}, before the planned window
   * ends, at the given quantile ({@code P50} or the decision quantile's label).
   */
  record RunwayInsideWindow(String resource, LocalDate day, String quantile) implements Warning {}

  /** The window's traffic is the planner's multiple of organic traffic; what past ones did. */
  record PlannerMultiplier(String window, double multiplier, String type, PromotionEffect pastEffect)
      implements Assumption {}

  /** The window's traffic follows past promotions of its type. */
  record LearnedMultiplier(String window, String type, PromotionEffect effect) implements Assumption {}

  /** Organic traffic follows the fitted model, in words. */
  record OrganicModel(String model) implements Assumption {}

  /** Decisions are taken at this quantile. */
  record DecisionQuantile(double quantile) implements Assumption {}

  /**
   * The traffic counts per {@code basisSeconds} (its unit names no time when {@code perStep}), so
   * the load test's per-second throughput is multiplied by that many seconds.
   */
  record RateBasis(String unit, long basisSeconds, boolean perStep) implements Assumption {}

  /** One application node carries a share of its USL maximum throughput, with spares. */
  record NodeThroughput(double share, double perNode, String unit, int spares) implements Assumption {}

  /**
   * A resource's relation to traffic was learned from the capacity probe's levels, not history.
   *
   * @param levels the probe's levels that measured it
   * @param probeHighest the highest traffic the probe reached, in the traffic's units (for a
   *     per-node resource: a level's throughput × today's nodes)
   * @param historyHighest the highest traffic history saw the resource with; NaN when history
   *     could not relate them
   * @param decisionTraffic the traffic at the decision quantile's peak
   * @param historyUnusable why history could not relate them, or null
   */
  record RelationFromProbe(String resource, int levels, double probeHighest, double historyHighest,
      double decisionTraffic, String historyUnusable) implements Assumption {}

  /** A resource's limit, today's count and spares. */
  record ResourceLimit(String resource, double limit, String unit, boolean perNode, int nodes,
      int redundancy) implements Assumption {}

  /**
   * The traffic's node count also keeps a response-time percentile within its SLO, each node a
   * queue of {@code workers} workers serving in {@code serviceMillis} on average (SCV {@code scv},
   * assumed 1 unless {@code scvMeasured}); the probe measured {@code lowLoadMillis} at concurrency
   * {@code measuredAt} (null: it is the USL's 1/λ).
   */
  record QueueingModel(double percentile, double sloMillis, String routing, int workers,
      double serviceMillis, double scv, double lowLoadMillis, Double measuredAt, boolean scvMeasured)
      implements Assumption {}

  /**
   * No node count up to {@code nodesTried} keeps the percentile within its SLO; when not {@code
   * reachable}, the service time alone ({@code serviceAloneMillis} at that percentile) misses it.
   */
  record SloNotMet(double percentile, double sloMillis, double serviceAloneMillis, boolean reachable,
      int nodesTried) implements Warning {}
}
