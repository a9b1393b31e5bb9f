package io.casinoperf.capacity.forecast;

import io.casinoperf.capacity.algebra.SortedSample;
import io.casinoperf.capacity.demand.Backtest;
import io.casinoperf.capacity.demand.DemandFitter;
import io.casinoperf.capacity.demand.DemandModel;
import io.casinoperf.capacity.demand.PromotionEffect;
import io.casinoperf.capacity.demand.PromotionRamp;
import io.casinoperf.capacity.demand.PromotionScenario;
import io.casinoperf.capacity.forecast.CapacityForecast.DemandSummary;
import io.casinoperf.capacity.forecast.CapacityForecast.NodePlan;
import io.casinoperf.capacity.forecast.CapacityForecast.Planned;
import io.casinoperf.capacity.forecast.CapacityForecast.Quantiles;
import io.casinoperf.capacity.forecast.CapacityForecast.ResourceForecast;
import io.casinoperf.capacity.forecast.CapacityForecast.Runway;
import io.casinoperf.capacity.forecast.CapacityForecast.TrafficForecast;
import io.casinoperf.capacity.forecast.CapacityForecast.Usl;
import io.casinoperf.capacity.plan.MetricsSpan;
import io.casinoperf.capacity.plan.PlannedPromotion;
import io.casinoperf.capacity.plan.Promotion;
import io.casinoperf.capacity.plan.RateUnit;
import io.casinoperf.capacity.plan.Resource;
import io.casinoperf.capacity.queueing.NodeService;
import io.casinoperf.capacity.queueing.NodeSizing;
import io.casinoperf.capacity.resource.ResourceFit;
import io.casinoperf.capacity.resource.ResourceModel;
import io.casinoperf.capacity.series.RegularSeries;
import io.casinoperf.capacity.series.Timestamps;
import io.casinoperf.capacity.series.UnsuitableDataException;
import io.casinoperf.capacity.usl.LoadStep;
import io.casinoperf.capacity.usl.UslFit;
import io.casinoperf.capacity.usl.UslModel;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.SplittableRandom;

/**
 * From cleaned inputs to the answer: fit demand, backtest it, find the planned promotion's peak,
 * carry the traffic's uncertainty into each resource by simulation (traffic drawn from its
 * forecast distribution, then the resource's residual and curve uncertainty drawn on top), and
 * turn the quantiles into node counts, headroom and runway.
 */
public final class CapacityForecaster {
  private static final double[] LEVELS = {0.5, 0.9, 0.99};
  /** Daily peaks for the runway are searched on a 15-minute grid. */
  private static final long RUNWAY_STEP = 900;

  private CapacityForecaster() {}

  /**
   * @throws UnsuitableDataException when the data cannot support the models, or the planned
   *     promotion type has no history and no multiplier
   */
  public static CapacityForecast forecast(ForecastInputs in, ForecastSettings settings) {
    RegularSeries traffic = in.traffic();
    SortedMap<String, List<long[]>> past = ForecastBacktest.pastPromotions(in.calendar());
    DemandFitter.Settings fit = ForecastBacktest.fitSettings(settings.fit(), in.calendar());
    DemandFitter.Prepared prepared = DemandFitter.prepare(traffic, past, fit);
    // The backtest refits at each origin from the same prepared sums, which nothing changes: it
    // runs on a second thread while this one fits the model on all the history.
    CompletableFuture<Backtest.Result> backtesting = settings.backtestOrigins() > 0
        ? backtestBeside(prepared, settings.backtestOrigins()) : null;
    DemandModel demand = DemandFitter.fit(prepared);
    List<Finding> warnings = new ArrayList<>(in.warnings());
    List<Finding> assumptions = new ArrayList<>();
    Backtest.Result backtest = backtesting == null ? null : backtest(backtesting, warnings);

    long lastData = traffic.epochSecond(traffic.slots() - 1);
    Window window = window(in, lastData, fit.horizonSeconds());
    Scenario scenario = scenario(window, demand, assumptions);
    checkWindow(window, traffic, lastData, fit.horizonSeconds(), prepared, warnings);

    long peakAt = peakTime(demand, scenario.scenario(), window.start, window.end, traffic.stepSeconds());
    Planned planned = scenario.planned(demand, peakAt);
    double[] trafficQ = new double[LEVELS.length];
    for (int i = 0; i < LEVELS.length; i++) {
      trafficQ[i] = demand.quantile(peakAt, LEVELS[i], scenario.scenario());
    }
    double maxObserved = max(traffic);
    if (!Double.isFinite(trafficQ[2]) || trafficQ[2] > 1000 * maxObserved) {
      throw new UnsuitableDataException(String.format(Locale.ROOT, "the forecast peak traffic (P99 %.4g)"
          + " is more than 1000× the highest ever seen (%.4g): check the planned window and multiplier",
          trafficQ[2], maxObserved));
    }
    double decisionTraffic = demand.quantile(peakAt, settings.decisionQuantile(), scenario.scenario());
    assumptions.add(new Finding.OrganicModel(demand.describe()));
    assumptions.add(new Finding.DecisionQuantile(settings.decisionQuantile()));

    UslModel usl = null;
    NodePlan trafficNodes = null;
    CapacityForecast.LatencyPlan latency = null;
    DailyPeaks peaks = new DailyPeaks(demand, lastData, settings.runwayDays());
    if (!in.loadSteps().isEmpty()) {
      try {
        usl = UslFit.fit(in.loadSteps());
      } catch (IllegalArgumentException e) {
        throw new UnsuitableDataException("load-test steps: " + e.getMessage());
      }
      uslWarnings(in, usl, warnings);
      TrafficNodes nodes = throughputNodes(in, demand, peaks, usl, trafficQ, decisionTraffic, settings,
          traffic.stepSeconds(), assumptions, warnings);
      if (nodes != null) {
        trafficNodes = nodes.plan();
        latency = nodes.latency();
      }
    }

    SplittableRandom random = new SplittableRandom(settings.seed());
    ForecastCharts.Band band = ForecastCharts.trafficBand(demand, scenario.scenario(), lastData,
        window.start, window.end, traffic.stepSeconds());
    List<ResourceForecast> resources = new ArrayList<>();
    List<CapacityForecast.SeriesChart> resourceCharts = new ArrayList<>();
    List<CapacityForecast.RelationChart> relationCharts = new ArrayList<>();
    PeakDemand peak = new PeakDemand(demand, scenario.scenario(), peakAt, trafficQ, decisionTraffic, peaks, band);
    for (Resource resource : in.plan().resources()) {
      RegularSeries series = in.resources().get(resource.name());
      Relation chosen = relation(in, resource, traffic, series, decisionTraffic, assumptions);
      ResourceModel relation = chosen.model();
      resources.add(resource(in, resource, series, chosen, peak, window, settings, random, warnings,
          assumptions));
      resourceCharts.add(ForecastCharts.resource(series, resource, relation, traffic, demand, band));
      relationCharts.add(ForecastCharts.relation(resource.name(), traffic, series, relation, trafficQ[2]));
    }

    TrafficForecast trafficForecast = new TrafficForecast(traffic.name(), in.plan().traffic().unit(),
        Instant.ofEpochSecond(peakAt), new Quantiles(trafficQ[0], trafficQ[1], trafficQ[2]), maxObserved,
        new DemandSummary(demand.describe(), demand.terms(), demand.points(),
            Instant.ofEpochSecond(demand.fittedFromEpochSecond()),
            Instant.ofEpochSecond(demand.fittedToEpochSecond()), demand.ridge(),
            demand.validationPoints(), demand.promotionEffects()),
        backtest, trafficNodes, CapacityForecast.PeakCheck.of(trafficQ[0], maxObserved,
            planned.multiplierSource() == CapacityForecast.MultiplierSource.NONE ? 1 : planned.multiplier()),
        latency, shape(traffic, in.plan().traffic().unit(), demand, scenario.scenario(), window, past));
    CapacityForecast.Charts charts = new CapacityForecast.Charts(
        ForecastCharts.traffic(traffic, in.plan().traffic().unit(), demand, band,
            trafficNodes == null || trafficNodes.currentNodes() == 0 ? null
                : trafficNodes.usableCapacity()), resourceCharts,
        relationCharts, usl == null ? null : ForecastCharts.usl(in.loadSteps(), usl),
        promotionSpans(in, window), incidentSpans(in));
    return new CapacityForecast(CapacityForecast.SCHEMA, planned, trafficForecast, resources,
        usl == null ? null : usl(usl), in.data(), concat(warnings, assumptions), settings.decisionQuantile(),
        charts);
  }

  /** How far before and after the planned window the rehearsal's shape reaches. */
  private static final long SHAPE_MARGIN = 3_600;
  /** The most points a shape has; a long window is sampled more coarsely. */
  private static final int SHAPE_POINTS = 2_000;

  /**
   * The window's traffic over time, the promotion's effect ramped in and out as past promotions
   * of its type were ({@link PromotionRamp}): at each quantile, organic + share × (planned −
   * organic), so the full effect is the forecast's own figure.
   */
  private static CapacityForecast.TrafficShape shape(RegularSeries traffic, String unit, DemandModel demand,
      PromotionScenario scenario, Window window, SortedMap<String, List<long[]>> past) {
    PromotionRamp ramp = window.type == null ? null
        : PromotionRamp.learn(traffic, demand, window.type, past.getOrDefault(window.type, List.of()))
            .orElse(PromotionRamp.step(window.type));
    long from = window.start - SHAPE_MARGIN;
    long to = window.end + SHAPE_MARGIN;
    long step = Math.max(traffic.stepSeconds(), (to - from) / SHAPE_POINTS + 1);
    List<CapacityForecast.ShapePoint> points = new ArrayList<>();
    for (long t = from; t <= to; t += step) {
      double share = ramp == null ? 0 : ramp.shareAt(t, window.start, window.end);
      java.util.function.DoubleUnaryOperator organic = demand.at(t, PromotionScenario.organic());
      java.util.function.DoubleUnaryOperator planned = ramp == null ? organic : demand.at(t, scenario);
      double[] q = new double[LEVELS.length];
      for (int i = 0; i < LEVELS.length; i++) {
        double base = organic.applyAsDouble(LEVELS[i]);
        q[i] = Math.max(0, base + share * (planned.applyAsDouble(LEVELS[i]) - base));
      }
      points.add(new CapacityForecast.ShapePoint(Instant.ofEpochSecond(t), q[0], q[1], q[2]));
    }
    RateUnit rate = RateUnit.parse(unit);
    Long basis = rate.kind() == RateUnit.Kind.NOT_A_RATE ? null : rate.basisSeconds(traffic.stepSeconds());
    return new CapacityForecast.TrafficShape(ramp == null ? 0 : ramp.promotions(),
        ramp == null ? 0 : ramp.riseSeconds(), ramp == null ? 0 : ramp.fallSeconds(), step, basis, points);
  }

  private static List<Finding> concat(List<Finding> first, List<Finding> second) {
    List<Finding> all = new ArrayList<>(first);
    all.addAll(second);
    return all;
  }

  /** The backtest's result with what it warns of, or null with the reason it was skipped. */
  private static Backtest.Result backtest(CompletableFuture<Backtest.Result> backtesting,
      List<Finding> warnings) {
    try {
      Backtest.Result backtest = joined(backtesting);
      if (!backtest.beatsSeasonalNaive()) {
        warnings.add(new Finding.BacktestLoses(backtest.mase(), backtest.naiveMase()));
      }
      if (Math.abs(backtest.coverage90() - 0.9) > 0.1) {
        warnings.add(new Finding.BacktestCoverage(backtest.coverage90()));
      }
      return backtest;
    } catch (UnsuitableDataException e) {
      warnings.add(new Finding.BacktestSkipped(e.getMessage()));
      return null;
    }
  }

  /**
   * The traffic scenario of the window and where its multiplier comes from; {@code planned} is
   * null when the multiplier is learned, known only at the peak ({@link #planned}).
   */
  private record Scenario(PromotionScenario scenario, Planned planned, Window window,
      PromotionEffect learned) {
    Planned planned(DemandModel demand, long peakAt) {
      if (planned != null) {
        return planned;
      }
      double effective = demand.median(peakAt, scenario) / demand.median(peakAt, PromotionScenario.organic());
      return new Planned(window.name, window.type, Instant.ofEpochSecond(window.start),
          Instant.ofEpochSecond(window.end), effective, CapacityForecast.MultiplierSource.LEARNED, learned);
    }
  }

  private static Scenario scenario(Window window, DemandModel demand, List<Finding> assumptions) {
    Instant start = Instant.ofEpochSecond(window.start);
    Instant end = Instant.ofEpochSecond(window.end);
    if (window.type == null) {
      return new Scenario(PromotionScenario.organic(), new Planned(window.name, null, start, end, 1,
          CapacityForecast.MultiplierSource.NONE, null), window, null);
    }
    PromotionEffect learned = demand.effect(window.type);
    if (!Double.isNaN(window.multiplier)) {
      assumptions.add(new Finding.PlannerMultiplier(window.name, window.multiplier, window.type, learned));
      return new Scenario(PromotionScenario.multiplied(window.type, window.multiplier),
          new Planned(window.name, window.type, start, end, window.multiplier,
              CapacityForecast.MultiplierSource.PLANNER, learned), window, learned);
    }
    if (learned != null) {
      assumptions.add(new Finding.LearnedMultiplier(window.name, window.type, learned));
      return new Scenario(PromotionScenario.learned(window.type), null, window, learned);
    }
    throw new UnsuitableDataException("the planned promotion's type '" + window.type
        + "' has no past promotion in the fitted history: give planned.multiplier in the calendar");
  }

  /** Refuses a planned window too far from the history; warns of one the forecast serves badly. */
  private static void checkWindow(Window window, RegularSeries traffic, long lastData, long horizon,
      DemandFitter.Prepared prepared, List<Finding> warnings) {
    if (window.type != null) {
      // The calendar reader holds a file to the same rule; this holds calendars built in code.
      try {
        new MetricsSpan(traffic.epochSecond(0), lastData).checkPlanned(window.start, window.end);
      } catch (IllegalArgumentException e) {
        throw new UnsuitableDataException("planned." + e.getMessage());
      }
    }
    if (window.start < lastData) {
      warnings.add(new Finding.WindowBeforeHistoryEnds(Instant.ofEpochSecond(lastData)));
    } else if (window.start - lastData > horizon) {
      warnings.add(new Finding.WindowBeyondHorizon(window.start - lastData, horizon));
    }
    if (traffic.stepSeconds() > window.end - window.start) {
      warnings.add(new Finding.StepLongerThanWindow(traffic.stepSeconds(), window.end - window.start));
    }
    if (!prepared.multiplicativeAllowed()) {
      warnings.add(new Finding.AdditiveOnly(traffic.name()));
    }
  }

  /** Traffic at the window's peak, as every resource is forecast from it. */
  private record PeakDemand(DemandModel demand, PromotionScenario scenario, long at, double[] quantiles,
      double decisionTraffic, DailyPeaks dailyPeaks, ForecastCharts.Band band) {}

  /** One resource at the peak: its quantiles by simulation, its nodes and its runway. */
  /** A resource's relation to traffic, and where it was learned. */
  private record Relation(ResourceModel model, CapacityForecast.RelationSource source) {}

  /**
   * The resource against traffic from history, or from the capacity probe when its load steps
   * have the resource's series as a column and it reaches traffic history did not: history where
   * the decision's traffic lies within what it saw (the platform itself, at that load), else the
   * one that saw the higher traffic, so the least is extrapolated. History that cannot be related
   * (too few common points, constant) leaves the probe, when there is one.
   */
  private static Relation relation(ForecastInputs in, Resource resource, RegularSeries traffic,
      RegularSeries series, double decisionTraffic, List<Finding> assumptions) {
    java.util.Optional<ResourceModel> probe = probeRelation(in, resource, traffic.stepSeconds());
    ResourceModel history;
    try {
      history = ResourceFit.fit(traffic, series);
    } catch (UnsuitableDataException e) {
      if (probe.isEmpty()) {
        throw e;
      }
      assumptions.add(new Finding.RelationFromProbe(resource.name(), probe.get().points(),
          probe.get().maxTraffic(), Double.NaN, decisionTraffic, e.getMessage()));
      return new Relation(probe.get(), CapacityForecast.RelationSource.PROBE);
    }
    if (probe.isPresent() && decisionTraffic > history.maxTraffic()
        && probe.get().maxTraffic() > history.maxTraffic()) {
      assumptions.add(new Finding.RelationFromProbe(resource.name(), probe.get().points(),
          probe.get().maxTraffic(), history.maxTraffic(), decisionTraffic, null));
      return new Relation(probe.get(), CapacityForecast.RelationSource.PROBE);
    }
    return new Relation(history, CapacityForecast.RelationSource.HISTORY);
  }

  /**
   * The probe's relation for the resource, when the load steps have its series as a column and
   * the traffic is a rate: a level's throughput per second in the traffic's units, times today's
   * nodes for a resource measured per node.
   */
  private static java.util.Optional<ResourceModel> probeRelation(ForecastInputs in, Resource resource,
      long stepSeconds) {
    if (in.loadSteps().isEmpty()) {
      return java.util.Optional.empty();
    }
    RateUnit rate = RateUnit.parse(in.plan().traffic().unit());
    if (rate.kind() == RateUnit.Kind.NOT_A_RATE) {
      return java.util.Optional.empty();
    }
    double toTraffic = rate.basisSeconds(stepSeconds) * (resource.perNode() ? Math.max(1, resource.nodes()) : 1);
    return ResourceFit.fitProbe(resource.series(), in.loadSteps(), resource.series(), toTraffic);
  }

  private static ResourceForecast resource(ForecastInputs in, Resource resource, RegularSeries series,
      Relation chosen, PeakDemand peak, Window window, ForecastSettings settings,
      SplittableRandom random, List<Finding> warnings, List<Finding> assumptions) {
    ResourceModel relation = chosen.model();
    double[] draws = simulate(peak.demand(), peak.scenario(), peak.at(), relation, settings.draws(), random);
    double[] value = new double[LEVELS.length];
    for (int i = 0; i < LEVELS.length; i++) {
      value[i] = SortedSample.quantile(draws, LEVELS[i]);
    }
    double decisionValue = SortedSample.quantile(draws, settings.decisionQuantile());
    double decisionTraffic = peak.decisionTraffic();
    boolean extrapolated = decisionTraffic > relation.maxTraffic();
    if (decisionTraffic > 1.1 * relation.maxTraffic()) {
      warnings.add(new Finding.RelationExtrapolated(resource.name(), settings.decisionQuantile(),
          decisionTraffic, relation.maxTraffic()));
    }
    Runway runway = runway(peak.demand(), peak.dailyPeaks(), relation, resource, settings, random);
    NodePlan nodes = nodePlan(resource, value, decisionValue, runway);
    limitWarnings(resource, series, runway, window, warnings);
    assumptions.add(new Finding.ResourceLimit(resource.name(), resource.limit(), resource.unit(),
        resource.perNode(), resource.nodes(), resource.redundancy()));
    return new ResourceForecast(resource.name(), resource.series(), resource.unit(),
        resource.perNode(), relation.describe(in.plan().traffic().series())
            + (chosen.source() == CapacityForecast.RelationSource.PROBE ? ", from the capacity probe's levels" : ""),
        relation.rSquared(),
        new Quantiles(value[0], value[1], value[2]),
        new Quantiles(resource.demand(Math.max(0, value[0])), resource.demand(Math.max(0, value[1])),
            resource.demand(Math.max(0, value[2]))),
        nodes, extrapolated, chosen.source());
  }

  /** Past promotions and the planned one, for the charts. */
  private static List<CapacityForecast.Span> promotionSpans(ForecastInputs in, Window window) {
    List<CapacityForecast.Span> promotions = new ArrayList<>();
    for (Promotion p : in.calendar().past()) {
      promotions.add(new CapacityForecast.Span(p.name(), p.type(), Instant.ofEpochSecond(p.startEpochSecond()),
          Instant.ofEpochSecond(p.endEpochSecond()), false));
    }
    if (window.type != null) {
      promotions.add(new CapacityForecast.Span(window.name, window.type, Instant.ofEpochSecond(window.start),
          Instant.ofEpochSecond(window.end), true));
    }
    return promotions;
  }

  private static List<CapacityForecast.Span> incidentSpans(ForecastInputs in) {
    return in.calendar().incidents().stream()
        .map(i -> new CapacityForecast.Span(i.name(), "incident", Instant.ofEpochSecond(i.startEpochSecond()),
            Instant.ofEpochSecond(i.endEpochSecond()), false))
        .toList();
  }

  private record Window(String name, String type, long start, long end, double multiplier) {}

  private static Window window(ForecastInputs in, long lastData, long horizon) {
    if (in.calendar().planned().isEmpty()) {
      return new Window("organic peak, next " + Timestamps.span(horizon), null, lastData + 1,
          lastData + horizon, Double.NaN);
    }
    PlannedPromotion p = in.calendar().planned().get();
    return new Window(p.name(), p.type(), p.startEpochSecond(), p.endEpochSecond(),
        p.expectedMultiplier().isPresent() ? p.expectedMultiplier().getAsDouble() : Double.NaN);
  }

  /** When the median peaks in [start, end), searched on the given step. */
  static long peakTime(DemandModel demand, PromotionScenario scenario, long start, long end, long step) {
    long best = start;
    double bestValue = Double.NEGATIVE_INFINITY;
    for (long t = start; t < end; t += step) {
      double v = demand.median(t, scenario);
      if (v > bestValue) {
        bestValue = v;
        best = t;
      }
    }
    return best;
  }

  private static double[] simulate(DemandModel demand, PromotionScenario scenario, long t,
      ResourceModel relation, int draws, SplittableRandom random) {
    double[] out = new double[draws];
    java.util.function.DoubleUnaryOperator quantile = demand.at(t, scenario);
    for (int i = 0; i < draws; i++) {
      double traffic = quantile.applyAsDouble(uniform(random));
      out[i] = relation.draw(traffic, uniform(random), random.nextGaussian());
    }
    Arrays.sort(out);
    return out;
  }

  private static double uniform(SplittableRandom random) {
    return (random.nextInt(1_000_000) + 0.5) / 1_000_000;
  }

  private static NodePlan nodePlan(Resource r, double[] value, double decisionValue, Runway runway) {
    int[] needed = new int[value.length];
    for (int i = 0; i < value.length; i++) {
      needed[i] = r.nodesNeeded(Math.max(0, value[i]));
    }
    int decisionNodes = r.nodesNeeded(Math.max(0, decisionValue));
    double headroom = r.headroom(Math.max(0, decisionValue));
    CapacityForecast.Fit fit;
    int more = 0;
    if (headroom >= 0) {
      fit = CapacityForecast.Fit.FITS;
    } else if (r.perNode() || r.nodes() > 1) {
      fit = CapacityForecast.Fit.NEEDS_MORE;
      more = decisionNodes - r.nodes();
    } else {
      fit = CapacityForecast.Fit.DOES_NOT_FIT;
    }
    return new NodePlan(r.limit(), r.nodes(), r.redundancy(), r.usableCapacity(),
        new CapacityForecast.NodeCounts(needed[0], needed[1], needed[2]), headroom,
        decision(fit, more, r.perNode() ? "node" : "instance", decisionNodes), runway, fit, more);
  }

  /** The decision in words, as forecast.json's {@code decision} carries it. */
  static String decision(CapacityForecast.Fit fit, int more, String what, int needed) {
    return switch (fit) {
      case FITS -> "fits";
      case NEEDS_MORE -> "needs " + more + " more " + what + (more == 1 ? "" : "s");
      case DOES_NOT_FIT -> "does not fit";
      case COUNT_ONLY -> needed + " " + what + "s (today's count not given)";
    };
  }

  /** The traffic's node plan and, with a latency SLO, the queueing behind its count. */
  private record TrafficNodes(NodePlan plan, CapacityForecast.LatencyPlan latency) {}

  private static TrafficNodes throughputNodes(ForecastInputs in, DemandModel demand, DailyPeaks peaks,
      UslModel usl, double[] trafficQ, double decisionTraffic, ForecastSettings settings,
      long stepSeconds, List<Finding> assumptions, List<Finding> warnings) {
    // The load-test steps measure requests per second; the traffic may count per minute, per
    // 5 minutes or per step. The node's capacity is put in the traffic's own unit.
    String unit = in.plan().traffic().unit();
    RateUnit rate = RateUnit.parse(unit);
    if (rate.kind() == RateUnit.Kind.NOT_A_RATE) {
      throw new UnsuitableDataException("the traffic's unit '" + unit + "' is not a rate, and the"
          + " load-test steps measure requests per second: give traffic.unit in the capacity file"
          + " as a rate, such as requests/s or requests per 5 min");
    }
    long basis = rate.basisSeconds(stepSeconds);
    if (basis != 1) {
      assumptions.add(new Finding.RateBasis(unit, basis, rate.kind() == RateUnit.Kind.COUNT_PER_STEP));
    }
    double perNode = usl.maxThroughput() * settings.throughputTarget() * basis;
    if (!Double.isFinite(perNode)) {
      warnings.add(new Finding.NoThroughputLimit());
      return null;
    }
    int current = in.plan().traffic().nodes();
    int spares = in.plan().traffic().redundancy();
    int[] needed = new int[trafficQ.length];
    for (int i = 0; i < trafficQ.length; i++) {
      needed[i] = nodes(trafficQ[i], perNode, spares);
    }
    int decisionNodes = nodes(decisionTraffic, perNode, spares);
    CapacityForecast.LatencyPlan latency = null;
    if (settings.latency() != null) {
      // The throughput target bounds each node's utilisation; the SLO may ask for more nodes.
      LatencySizing sizing = new LatencySizing(NodeService.of(usl, in.loadSteps()), settings.latency(),
          settings.throughputTarget(), basis);
      for (int i = 0; i < trafficQ.length; i++) {
        needed[i] = Math.max(needed[i], sized(sizing.size(trafficQ[i]), spares));
      }
      NodeSizing atDecision = sizing.size(decisionTraffic);
      int throughputAlone = decisionNodes - spares;
      decisionNodes = Math.max(decisionNodes, sized(atDecision, spares));
      latency = sizing.plan(decisionTraffic, atDecision, throughputAlone, Math.max(0, current - spares));
      assumptions.add(sizing.assumption());
      sizing.warning(atDecision).ifPresent(warnings::add);
    }
    double usable = perNode * Math.max(0, current - spares);
    double headroom = current == 0 ? Double.NaN : (usable - decisionTraffic) / usable;
    CapacityForecast.Fit fit = current == 0 ? CapacityForecast.Fit.COUNT_ONLY
        : decisionNodes <= current ? CapacityForecast.Fit.FITS : CapacityForecast.Fit.NEEDS_MORE;
    int more = fit == CapacityForecast.Fit.NEEDS_MORE ? decisionNodes - current : 0;
    assumptions.add(new Finding.NodeThroughput(settings.throughputTarget(), perNode,
        in.plan().traffic().unit(), spares));
    Runway runway = current == 0 ? null : trafficRunway(demand, peaks, usable, settings);
    return new TrafficNodes(new NodePlan(perNode, current, spares, usable,
        new CapacityForecast.NodeCounts(needed[0], needed[1], needed[2]),
        Double.isNaN(headroom) ? null : headroom, decision(fit, more, "node", decisionNodes), runway,
        fit, more), latency);
  }

  /** A queueing sizing's count with the spares; 0 when no count meets the SLO (throughput decides). */
  private static int sized(NodeSizing sizing, int spares) {
    return sizing.nodes() > 0 ? sizing.nodes() + spares : 0;
  }

  private static void uslWarnings(ForecastInputs in, UslModel usl, List<Finding> warnings) {
    double lowest = in.loadSteps().stream().mapToDouble(LoadStep::concurrency).min().orElse(0);
    double highest = in.loadSteps().stream().mapToDouble(LoadStep::concurrency).max().orElse(0);
    double measured = in.loadSteps().stream().mapToDouble(LoadStep::throughputPerSecond).max().orElse(0);
    if (Double.isFinite(usl.peakConcurrency())
        && (usl.peakConcurrency() < lowest || usl.peakConcurrency() > highest)) {
      warnings.add(new Finding.UslPeakOutsideSteps(usl.peakConcurrency(), lowest, highest));
    }
    if (Double.isFinite(usl.maxThroughput()) && usl.maxThroughput() > 1.5 * measured) {
      warnings.add(new Finding.UslMaximumAboveMeasured(usl.maxThroughput(), measured));
    }
    if (usl.rSquared() < 0.9) {
      warnings.add(new Finding.UslPoorFit(usl.rSquared()));
    }
  }

  private static int nodes(double traffic, double perNode, int spares) {
    double whole = Math.max(1, Math.ceil(traffic / perNode - 1e-9));
    return (int) Math.min(Integer.MAX_VALUE, whole + spares);
  }

  /**
   * When the organic median peaks on each day after the history, computed once a day is first
   * asked for and shared by every runway (traffic and each resource search the same days).
   */
  private static final class DailyPeaks {
    private final DemandModel demand;
    private final LocalDate first;
    private final long[] peaks;

    DailyPeaks(DemandModel demand, long lastData, int days) {
      this.demand = demand;
      this.first = LocalDate.ofInstant(Instant.ofEpochSecond(lastData), ZoneOffset.UTC).plusDays(1);
      this.peaks = new long[Math.max(0, days)];
      Arrays.fill(peaks, Long.MIN_VALUE);
    }

    int days() {
      return peaks.length;
    }

    LocalDate day(int i) {
      return first.plusDays(i);
    }

    long peak(int i) {
      if (peaks[i] == Long.MIN_VALUE) {
        long dayStart = day(i).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
        peaks[i] = peakTime(demand, PromotionScenario.organic(), dayStart, dayStart + 86_399, RUNWAY_STEP);
      }
      return peaks[i];
    }
  }

  private static Runway trafficRunway(DemandModel demand, DailyPeaks peaks, double usable,
      ForecastSettings settings) {
    return runway(peaks, usable,
        peak -> demand.median(peak, PromotionScenario.organic()),
        peak -> demand.quantile(peak, settings.decisionQuantile(), PromotionScenario.organic()));
  }

  /**
   * The first day whose organic daily peak needs more than the usable capacity, at the median and
   * at the decision quantile, searched day by day up to {@code runwayDays} ahead.
   *
   * @param atMedian the demand at a time, at the median
   * @param atDecision the demand at a time, at the decision quantile
   */
  private static Runway runway(DailyPeaks peaks, double usable,
      java.util.function.LongToDoubleFunction atMedian,
      java.util.function.LongToDoubleFunction atDecision) {
    LocalDate p50 = null;
    LocalDate p90 = null;
    for (int day = 0; day < peaks.days() && (p50 == null || p90 == null); day++) {
      long peak = peaks.peak(day);
      if (p50 == null && atMedian.applyAsDouble(peak) > usable) {
        p50 = peaks.day(day);
      }
      if (p90 == null && atDecision.applyAsDouble(peak) > usable) {
        p90 = peaks.day(day);
      }
    }
    return new Runway(p50, p90, peaks.day(peaks.days() - 1));
  }

  /**
   * A history that already went past the limit (the limit may be wrong, or the platform ran hot),
   * and a runway that ends before the planned window does (organic growth alone runs out of
   * capacity, whatever the promotion brings).
   */
  private static void limitWarnings(Resource resource, RegularSeries series, Runway runway,
      Window window, List<Finding> warnings) {
    int highest = -1;
    for (int i = 0; i < series.slots(); i++) {
      double v = series.value(i);
      if (!Double.isNaN(v) && (highest < 0 || v > series.value(highest))) {
        highest = i;
      }
    }
    if (highest >= 0) {
      double max = series.value(highest);
      boolean over = resource.perNode() ? max > resource.limit()
          : resource.demand(Math.max(0, max)) > resource.usableCapacity();
      if (over) {
        warnings.add(new Finding.HistoryAboveLimit(resource.name(), max, resource.unit(), resource.perNode(),
            Instant.ofEpochSecond(series.epochSecond(highest)),
            resource.perNode() ? resource.limit() : resource.usableCapacity()));
      }
    }
    LocalDate windowEnd = LocalDate.ofInstant(Instant.ofEpochSecond(window.end), ZoneOffset.UTC);
    LocalDate within = runway.p50() != null && !runway.p50().isAfter(windowEnd) ? runway.p50()
        : runway.p90() != null && !runway.p90().isAfter(windowEnd) ? runway.p90() : null;
    if (within != null) {
      warnings.add(new Finding.RunwayInsideWindow(resource.name(), within,
          within.equals(runway.p50()) ? "P50" : "P90"));
    }
  }

  /**
   * A resource's runway: its demand at the median is the relation's mean at median traffic; at
   * the decision quantile, a smaller simulation of the same kind as the peak's.
   */
  private static Runway runway(DemandModel demand, DailyPeaks peaks, ResourceModel relation,
      Resource resource, ForecastSettings settings, SplittableRandom random) {
    return runway(peaks, resource.usableCapacity(),
        peak -> resource.demand(Math.max(0, relation.mean(demand.median(peak, PromotionScenario.organic())))),
        peak -> resource.demand(Math.max(0, SortedSample.quantile(
            simulate(demand, PromotionScenario.organic(), peak, relation, 400, random),
            settings.decisionQuantile()))));
  }


  private static Usl usl(UslModel m) {
    return new Usl(m.sigma(), m.kappa(), m.lambda(), finite(m.sigmaStandardError()),
        finite(m.kappaStandardError()), finite(m.lambdaStandardError()), m.rSquared(), m.steps(),
        finite(m.peakConcurrency()), finite(m.maxThroughput()));
  }

  private static Double finite(double v) {
    return Double.isFinite(v) ? v : null;
  }

  private static double max(RegularSeries s) {
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < s.slots(); i++) {
      double v = s.value(i);
      if (!Double.isNaN(v)) {
        max = Math.max(max, v);
      }
    }
    return max;
  }

  /** {@link Backtest#run(DemandFitter.Prepared, int)} on a thread of its own, which ends with it. */
  private static CompletableFuture<Backtest.Result> backtestBeside(DemandFitter.Prepared prepared, int origins) {
    CompletableFuture<Backtest.Result> result = new CompletableFuture<>();
    Thread thread = new Thread(() -> {
      try {
        result.complete(Backtest.run(prepared, origins));
      } catch (Throwable e) {
        result.completeExceptionally(e);
      }
    }, "casinoperf-backtest");
    thread.setDaemon(true);
    thread.start();
    return result;
  }

  /** The backtest's result, or what it threw, as if it had run on this thread. */
  private static Backtest.Result joined(CompletableFuture<Backtest.Result> backtest) {
    try {
      return backtest.join();
    } catch (java.util.concurrent.CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw e;
    }
  }
}
