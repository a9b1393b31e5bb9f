package io.casinoperf.capacity.forecast;

import io.casinoperf.capacity.demand.Backtest;
import io.casinoperf.capacity.demand.PromotionEffect;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The answer for a planned promotion, as written to {@code forecast.json} (schema {@value
 * #SCHEMA}, documented in docs/FORECAST.md). Times are {@link Instant}s and days {@link
 * LocalDate}s (UTC), written as ISO-8601 text; quantities are in the units of their series.
 */
public record CapacityForecast(String schema, Planned planned, TrafficForecast traffic,
    List<ResourceForecast> resources, Usl usl, List<SeriesQuality> data,
    List<Finding> findings, double decisionQuantile, Charts charts) {
  public static final String SCHEMA = "casinoperf-forecast/1";

  public CapacityForecast {
    resources = List.copyOf(resources);
    data = List.copyOf(data);
    findings = List.copyOf(findings);
  }

  /** This forecast with {@code earlier} put before its own findings (what reading the input found). */
  public CapacityForecast withEarlierFindings(List<Finding> earlier) {
    List<Finding> all = new java.util.ArrayList<>(earlier);
    all.addAll(findings);
    return new CapacityForecast(schema, planned, traffic, resources, usl, data, all, decisionQuantile, charts);
  }

  /** The findings that qualify the figures, in the order they were found. */
  @com.fasterxml.jackson.annotation.JsonIgnore
  public List<Finding> warnings() {
    return findings.stream().filter(f -> f.severity() == Finding.Severity.WARNING).toList();
  }

  /** The findings the figures rest on, in the order they were found. */
  @com.fasterxml.jackson.annotation.JsonIgnore
  public List<Finding> assumptions() {
    return findings.stream().filter(f -> f.severity() == Finding.Severity.ASSUMPTION).toList();
  }

  /**
   * The promotion forecast for.
   *
   * @param multiplier the traffic multiplier used (1 for organic traffic)
   * @param multiplierSource where the multiplier came from
   * @param learnedEffect what past promotions of the type did, or null
   */
  public record Planned(String name, String type, Instant start, Instant end, double multiplier,
      MultiplierSource multiplierSource, PromotionEffect learnedEffect) {}

  /** Where a forecast's traffic multiplier came from; written in lower case in forecast.json. */
  public enum MultiplierSource {
    /** The planner gave it in the calendar. */
    PLANNER,
    /** Past promotions of the planned type, in the history, taught it. */
    LEARNED,
    /** No promotion is planned: organic traffic, multiplier 1. */
    NONE;

    @com.fasterxml.jackson.annotation.JsonValue
    public String json() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    @com.fasterxml.jackson.annotation.JsonCreator
    public static MultiplierSource of(String json) {
      return valueOf(json.toUpperCase(java.util.Locale.ROOT));
    }
  }

  /** Quantiles of a quantity at the peak. */
  public record Quantiles(double p50, double p90, double p99) {}

  /**
   * @param peakAt when the median forecast peaks inside the promotion window
   * @param peak the peak's quantiles
   * @param maxObserved the highest traffic in the history
   * @param model the chosen demand model in words
   * @param nodes the traffic planned against the USL throughput of one node, or null
   * @param latency the response time at the peak by queueing theory, or null without load-test
   *     steps, a throughput limit or a latency SLO; when present, {@code nodes} counts what meets
   *     its SLO as well as the throughput target
   * @param shape the traffic through the planned window and around it, for a rehearsal; null in
   *     files written before it was added
   */
  public record TrafficForecast(String series, String unit, Instant peakAt, Quantiles peak,
      double maxObserved, DemandSummary model, Backtest.Result backtest, NodePlan nodes,
      PeakCheck peakCheck, LatencyPlan latency, TrafficShape shape) {}

  /**
   * The planned window's traffic over time at P50, P90 and P99, from an hour before it to an hour
   * after, in the traffic's unit: organic traffic, plus the promotion's effect as much of it as
   * past promotions of the type had at that offset from their start or end (their ramp), so a load
   * test can rise and fall the way real traffic did.
   *
   * @param promotionsLearned past promotions the ramp was learned from; 0 when the window holds
   *     the whole effect at once (no past promotion of the type, or no promotion planned)
   * @param riseSeconds how long those promotions took to rise from 10 % to 90 % of their effect
   * @param fallSeconds and to fall back from 90 % to 10 % after their end
   * @param basisSeconds the seconds the traffic's unit counts over (1 for requests/s, 300 for
   *     requests per 5 min); null when the unit is not a rate
   */
  public record TrafficShape(int promotionsLearned, long riseSeconds, long fallSeconds, long stepSeconds,
      Long basisSeconds, List<ShapePoint> points) {
    public TrafficShape {
      points = List.copyOf(points);
    }
  }

  /** The traffic's quantiles at one time of a {@link TrafficShape}. */
  public record ShapePoint(Instant at, double p50, double p90, double p99) {}

  /**
   * Will the response-time percentile hold at the decision quantile's peak? One node is a queue's
   * workers ({@code io.casinoperf.capacity.queueing.NodeService}: the probe's low-load service
   * time, the USL's maximum throughput); the node count is the smallest that keeps the percentile
   * within the SLO and the utilisation within the throughput target (docs/STATISTICS.md, "Will
   * p99 hold at the peak?").
   *
   * @param percentile the response-time percentile held to the SLO (99)
   * @param sloMillis its SLO
   * @param routing how arrivals reach the nodes: {@code split} (each node its own queue) or
   *     {@code pooled} (one queue for all)
   * @param workersPerNode requests one node serves at once
   * @param serviceMillis each worker's mean service time, the USL's contention folded in
   * @param serviceScv the service time's squared coefficient of variation
   * @param lowLoadMillis the mean response time at the probe's lowest level (or 1000/λ)
   * @param measuredAtConcurrency that level; null when the steps carry no mean and it is 1000/λ
   * @param scvMeasured false when the steps carry no SCV and 1 (exponential) is assumed
   * @param arrivalsPerSecond the peak at the decision quantile, per second
   * @param nodes the smallest node count meeting both, spares not included; null when none does
   * @param throughputNodes the count the throughput target alone asks for, spares not included
   * @param sloReachable false when the service time alone is slower than the SLO
   * @param predicted the queue at {@code nodes} (at the largest count tried when null)
   * @param today the queue with today's nodes less the spares, or null without today's count
   * @param curve the percentile at each node count from the first stable one
   */
  public record LatencyPlan(double percentile, double sloMillis, String routing, int workersPerNode,
      double serviceMillis, double serviceScv, double lowLoadMillis, Double measuredAtConcurrency,
      boolean scvMeasured, double arrivalsPerSecond, Integer nodes, int throughputNodes,
      boolean sloReachable, QueueAt predicted, QueueAt today, List<QueueAt> curve) {
    public LatencyPlan {
      curve = List.copyOf(curve);
    }
  }

  /**
   * The queue with a given node count: each node's utilisation, the probability that a request
   * waits, its mean wait and the response-time percentile (null where the queue is unstable).
   */
  public record QueueAt(int nodes, double utilisation, double waitProbability, Double meanWaitMillis,
      Double percentileMillis) {}

  /**
   * The forecast's P50 peak against the history: a peak far above anything seen that no planned
   * or learned promotion multiplier explains is the model's own extrapolation (a trend carried
   * too far, a level anchored to an anomaly), flagged in every output.
   *
   * @param ratio P50 peak ÷ the highest value in the history
   * @param multiplier the promotion multiplier applied to the organic peak (1 without one)
   * @param unexplained {@code ratio} ÷ {@code multiplier}: how far the organic forecast alone goes
   *     beyond the history
   * @param bound the largest {@code unexplained} ratio taken without a flag
   * @param implausible whether {@code unexplained} exceeds {@code bound}
   */
  public record PeakCheck(double ratio, double multiplier, double unexplained, double bound,
      boolean implausible) {
    /** The largest P50 peak, as a multiple of the history's highest value, taken without a flag. */
    public static final double BOUND = 3;

    public static PeakCheck of(double peakP50, double highestSeen, double multiplier) {
      double ratio = highestSeen > 0 ? peakP50 / highestSeen : Double.NaN;
      double applied = multiplier > 0 && Double.isFinite(multiplier) ? multiplier : 1;
      double unexplained = ratio / applied;
      return new PeakCheck(ratio, applied, unexplained, BOUND, unexplained > BOUND);
    }
  }

  /** The demand model, summarised. */
  public record DemandSummary(String description, int terms, long points, Instant fittedFrom,
      Instant fittedTo, double ridge, int validationPoints, List<PromotionEffect> promotionEffects) {}

  /**
   * One resource at the peak.
   *
   * @param relation the resource-on-traffic fit in words
   * @param value the resource's series at the peak (per node when perNode, for today's nodes)
   * @param demand in capacity units (value × nodes when perNode)
   * @param extrapolated whether the P90 traffic is beyond the highest traffic the relation saw
   * @param relationFrom whether the relation was learned from history or from the capacity probe
   */
  public record ResourceForecast(String name, String series, String unit, boolean perNode,
      String relation, double rSquared, Quantiles value, Quantiles demand, NodePlan nodes,
      boolean extrapolated, RelationSource relationFrom) {}

  /** Where a resource's relation to traffic was learned. */
  public enum RelationSource {
    /** The resource and the traffic over the same past times. */
    HISTORY,
    /** The capacity probe's levels: throughput and the resource's mean at each. */
    PROBE;

    @com.fasterxml.jackson.annotation.JsonValue
    public String json() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * Nodes against the limit.
   *
   * @param limit per node (or instance), in the series' unit
   * @param currentNodes nodes (instances) today
   * @param redundancy spares kept
   * @param usableCapacity limit × (nodes − spares), in demand units
   * @param nodesNeeded at P50, P90, P99, spares included
   * @param headroom (usable − demand) ÷ usable at the decision quantile; negative does not fit;
   *     null when today's node count is not known
   * @param decision "fits", "needs N more nodes" or "does not fit", at the decision quantile
   * @param runway the first day organic demand (no promotion) crosses the usable capacity
   * @param fit the decision as a type ({@code decision} is it in words, for readers of the JSON)
   * @param more for {@link Fit#NEEDS_MORE}, how many more nodes (instances); else 0
   */
  public record NodePlan(double limit, int currentNodes, int redundancy, double usableCapacity,
      NodeCounts nodesNeeded, Double headroom, String decision, Runway runway, Fit fit, int more) {}

  /** The decision on one resource at the decision percentile. */
  public enum Fit {
    /** Today's capacity holds the demand. */
    FITS,
    /** More nodes (or instances) than today's hold it: {@link NodePlan#more()} of them. */
    NEEDS_MORE,
    /** A single instance that is not scaled out does not hold it. */
    DOES_NOT_FIT,
    /** Today's count is not given: only the count needed is known. */
    COUNT_ONLY
  }

  /** Nodes needed at P50, P90 and P99, spares included. */
  public record NodeCounts(int p50, int p90, int p99) {}

  /**
   * @param p50 first day the median daily peak crosses the capacity, or null
   * @param p90 first day its decision quantile does, or null
   * @param searchedUntil the last day searched
   */
  public record Runway(LocalDate p50, LocalDate p90, LocalDate searchedUntil) {}

  /** The USL fit of the load-test steps. */
  public record Usl(double sigma, double kappa, double lambda, Double sigmaStandardError,
      Double kappaStandardError, Double lambdaStandardError, double rSquared, int steps,
      Double peakConcurrency, Double maxThroughput) {}

  /** What cleaning did to one series. */
  public record SeriesQuality(String series, String file, long stepSeconds, int points,
      int duplicatesMerged, int filledSteps, List<String> longGaps, int excludedPoints) {
    public SeriesQuality {
      longGaps = List.copyOf(longGaps);
    }
  }

  /**
   * What the capacity report draws: each series over time, each relation, the USL curve and the
   * calendar.
   *
   * @param usl null without load-test steps
   */
  public record Charts(SeriesChart traffic, List<SeriesChart> resources,
      List<RelationChart> relations, UslChart usl, List<Span> promotions, List<Span> incidents) {
    public Charts {
      resources = List.copyOf(resources);
      relations = List.copyOf(relations);
      promotions = List.copyOf(promotions);
      incidents = List.copyOf(incidents);
    }
  }

  /**
   * A series over time: history in buckets (epoch seconds of each bucket's start, the mean and
   * the maximum inside it), the model's fitted values there, and the forecast band.
   *
   * @param capacity the series value at which today's nodes are full (usable capacity, per node
   *     when per-node), or null for traffic
   */
  public record SeriesChart(String series, String unit, long[] times, double[] mean, double[] max,
      double[] fitted, long[] forecastTimes, double[] p05, double[] p50, double[] p95,
      Double capacity) {}

  /** Traffic–resource pairs (a sample) and the fitted relation with its 90 % band. */
  public record RelationChart(String resource, double[] traffic, double[] value,
      double[] curveTraffic, double[] curveMean, double[] curveP05, double[] curveP95,
      double maxTrafficSeen) {}

  /** The load-test steps and the fitted USL curve. */
  public record UslChart(double[] concurrency, double[] throughput, double[] curveConcurrency,
      double[] curveThroughput) {}

  /** A promotion or incident window on the time axis. */
  public record Span(String name, String type, Instant start, Instant end, boolean planned) {}
}
