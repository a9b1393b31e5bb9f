package io.casinoperf.capacity.rehearsal;

import io.casinoperf.capacity.forecast.CapacityForecast;
import io.casinoperf.capacity.forecast.CapacityForecast.ShapePoint;
import io.casinoperf.capacity.queueing.MultiServerQueue;
import io.casinoperf.capacity.queueing.NodeSizing;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A load profile that rehearses a forecast promotion on staging ({@code rehearsal.json}, schema
 * {@value #SCHEMA}, documented in docs/FORECAST.md): the forecast's traffic through the window,
 * ramped as past promotions of its type were, at P50, P90 and P99, scaled from production to
 * staging by staging nodes ÷ production nodes and put per second, with the request mix of one
 * player session and, when the forecast sized nodes by queueing, the p99 the staging nodes should
 * show at the peak.
 *
 * @param forecast which forecast it comes from; {@code id} is what makes rehearsals comparable
 * @param scaling how production traffic became staging traffic
 * @param ramp how the promotion's effect rose and fell in the past, or null for organic traffic
 * @param mix requests of each name in one player session ({@code login=1, lobby=1, spin=5})
 * @param peak staging requests per second at the peak, all requests
 * @param peakByRequest the same per request name, by the mix
 * @param points staging requests per second through the window and an hour either side, each
 *     with its offset from the first
 * @param node one node as the forecast's queueing model saw it, or null without one
 * @param predictedP99Millis at each quantile's peak, the p99 the staging nodes should give by
 *     that model; null without a model or where the nodes would be overloaded
 */
public record RehearsalProfile(String schema, Forecast forecast, Scaling scaling, Ramp ramp,
    Map<String, Integer> mix, Quantiles peak, Map<String, Quantiles> peakByRequest,
    List<Point> points, Node node, Quantiles predictedP99Millis) {

  public static final String SCHEMA = "casinoperf-rehearsal/1";
  /** The request mix of the flash-peak simulation's player session. */
  public static final Map<String, Integer> FLASH_PEAK_MIX = orderedMix("login", 1, "lobby", 1, "spin", 5);

  public RehearsalProfile {
    mix = mix == null ? null : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(mix));
    peakByRequest = peakByRequest == null ? Map.of()
        : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(peakByRequest));
    points = points == null ? null : List.copyOf(points);
  }

  /**
   * @param id a digest of what the forecast says (the window, its multiplier, its quantiles and
   *     the model): the same inputs and seed give the same id
   */
  public record Forecast(String id, String promotion, String type, Instant start, Instant end,
      Instant peakAt, String series, String unit) {}

  /**
   * @param stagingNodes nodes the rehearsal loads
   * @param productionNodes nodes that serve the forecast peak in production, spares not counted
   *     (with N+k, the rehearsal is of k nodes down)
   * @param ratio staging ÷ production: what every rate was multiplied by
   * @param basisSeconds seconds the traffic's unit counts over (per 5 minutes: 300), divided out
   * @param source where the production count came from, in words
   */
  public record Scaling(int stagingNodes, Double productionNodes, double ratio, long basisSeconds,
      String source) {}

  public record Ramp(int promotionsLearned, long riseSeconds, long fallSeconds) {}

  public record Quantiles(Double p50, Double p90, Double p99) {
    /** The quantile named {@code p50}, {@code p90} or {@code p99}. */
    public Double get(String name) {
      return switch (name) {
        case "p50" -> p50;
        case "p90" -> p90;
        case "p99" -> p99;
        default -> throw new IllegalArgumentException("expected p50, p90 or p99, not " + name);
      };
    }
  }

  /** Staging requests per second at a time, {@code offsetSeconds} after the profile's first. */
  public record Point(long offsetSeconds, Instant at, double p50, double p90, double p99) {
    public double get(String quantile) {
      return new Quantiles(p50, p90, p99).get(quantile);
    }
  }

  /**
   * One node for the embedded platform's queue mode to stand in for: {@code -Dmode=queue
   * -Dqueue.workers=W -Dqueue.serviceMillis=S -Dqueue.serviceScv=V} on one staging node.
   */
  public record Node(int workers, double serviceMillis, double serviceScv, String routing) {}

  /**
   * The profile of a forecast.
   *
   * @param stagingNodes nodes on staging, ≥ 1
   * @param stagingRatio staging ÷ production when given (then {@code stagingNodes} is only
   *     reported), else null to take it from the forecast's node plan
   * @param mix requests of each name in one session; at least one request
   * @throws IllegalArgumentException when the forecast has no shape (written before it had), its
   *     traffic's unit is not a rate, no
   *     production node count can be found and no ratio is given, or the mix is empty
   */
  public static RehearsalProfile of(CapacityForecast f, int stagingNodes, Double stagingRatio,
      Map<String, Integer> mix) {
    CapacityForecast.TrafficForecast t = f.traffic();
    if (t.shape() == null) {
      throw new IllegalArgumentException("the forecast has no traffic shape to rehearse");
    }
    if (t.shape().basisSeconds() == null) {
      throw new IllegalArgumentException("the traffic's unit '" + t.unit() + "' is not a rate, so it"
          + " cannot become requests per second for a load test");
    }
    long basisSeconds = t.shape().basisSeconds();
    if (stagingNodes < 1) {
      throw new IllegalArgumentException("staging nodes must be >= 1, not " + stagingNodes);
    }
    int perSession = mix.values().stream().mapToInt(Integer::intValue).sum();
    if (mix.isEmpty() || perSession < 1 || mix.values().stream().anyMatch(n -> n < 0)) {
      throw new IllegalArgumentException("the request mix needs at least one request, none negative");
    }
    Double production = productionNodes(f);
    double ratio;
    String source;
    if (stagingRatio != null) {
      ratio = stagingRatio;
      source = "given";
    } else if (production != null) {
      ratio = stagingNodes / production;
      source = f.traffic().latency() != null && f.traffic().latency().nodes() != null
          ? "the nodes that hold the p99 SLO at the decision quantile, spares not counted"
          : "the nodes the forecast plans at the decision quantile, spares not counted";
    } else {
      throw new IllegalArgumentException("no production node count to scale from: give load-test"
          + " steps (the forecast then counts the nodes) or the staging ratio");
    }
    double toStaging = ratio / basisSeconds;
    List<Point> points = new ArrayList<>();
    long first = t.shape().points().get(0).at().getEpochSecond();
    for (ShapePoint p : t.shape().points()) {
      points.add(new Point(p.at().getEpochSecond() - first, p.at(), p.p50() * toStaging,
          p.p90() * toStaging, p.p99() * toStaging));
    }
    Quantiles peak = new Quantiles(t.peak().p50() * toStaging, t.peak().p90() * toStaging,
        t.peak().p99() * toStaging);
    Map<String, Quantiles> byRequest = new LinkedHashMap<>();
    mix.forEach((name, count) -> byRequest.put(name, new Quantiles(peak.p50() * count / perSession,
        peak.p90() * count / perSession, peak.p99() * count / perSession)));
    CapacityForecast.LatencyPlan l = t.latency();
    Node node = l == null ? null : new Node(l.workersPerNode(), l.serviceMillis(), l.serviceScv(), l.routing());
    Quantiles predicted = node == null ? new Quantiles(null, null, null)
        : new Quantiles(p99(node, peak.p50(), stagingNodes, l.percentile()),
            p99(node, peak.p90(), stagingNodes, l.percentile()),
            p99(node, peak.p99(), stagingNodes, l.percentile()));
    CapacityForecast.Planned planned = f.planned();
    return new RehearsalProfile(SCHEMA,
        new Forecast(id(f), planned.name(), planned.type(), planned.start(), planned.end(), t.peakAt(),
            t.series(), t.unit()),
        new Scaling(stagingNodes, production, ratio, basisSeconds, source),
        planned.type() == null ? null : new Ramp(t.shape().promotionsLearned(), t.shape().riseSeconds(),
            t.shape().fallSeconds()),
        mix, peak, byRequest, points, node, predicted);
  }

  /**
   * Production nodes serving the decision quantile's peak, spares not counted: the queueing
   * count, else the count the plan needs (today's when it fits), less the spares; null without a
   * node plan.
   */
  static Double productionNodes(CapacityForecast f) {
    CapacityForecast.NodePlan n = f.traffic().nodes();
    if (n == null) {
      return null;
    }
    CapacityForecast.LatencyPlan l = f.traffic().latency();
    if (l != null && l.nodes() != null) {
      return (double) Math.max(l.nodes(), l.throughputNodes());
    }
    int planned = switch (n.fit() == null ? CapacityForecast.Fit.COUNT_ONLY : n.fit()) {
      case NEEDS_MORE -> n.currentNodes() + n.more();
      case FITS -> n.currentNodes();
      default -> n.nodesNeeded().p90();
    };
    return (double) Math.max(1, planned - n.redundancy());
  }

  /** p99 on {@code nodes} staging nodes at {@code perSecond}, routed as the forecast's; null when overloaded. */
  private static Double p99(Node node, double perSecond, int nodes, double percentile) {
    MultiServerQueue queue = NodeSizing.Routing.valueOf(node.routing().toUpperCase(Locale.ROOT))
        .queue(perSecond / 1000, node.serviceMillis(), node.serviceScv(), node.workers(), nodes);
    if (!queue.stable()) {
      return null;
    }
    double value = queue.responsePercentile(percentile);
    return Double.isFinite(value) ? value : null;
  }

  /** A digest of the forecast's answer: window, multiplier, series, peak quantiles and model. */
  static String id(CapacityForecast f) {
    CapacityForecast.Planned p = f.planned();
    CapacityForecast.TrafficForecast t = f.traffic();
    String content = String.join("\n", p.name(), String.valueOf(p.type()), p.start().toString(),
        p.end().toString(), String.format(Locale.ROOT, "%.6g", p.multiplier()), t.series(), t.unit(),
        t.peakAt().toString(), String.format(Locale.ROOT, "%.6g %.6g %.6g", t.peak().p50(), t.peak().p90(),
            t.peak().p99()), t.model().description());
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /** The mix {@code name=count,…} as a command line gives it: names of letters, digits and dashes. */
  public static Map<String, Integer> parseMix(String text) {
    Map<String, Integer> mix = new LinkedHashMap<>();
    for (String part : text.split(",")) {
      String[] pair = part.strip().split("=", -1);
      if (pair.length != 2 || !pair[0].strip().matches("[A-Za-z][A-Za-z0-9_-]*")) {
        throw new IllegalArgumentException("expected name=count pairs such as login=1,lobby=1,spin=5");
      }
      int count;
      try {
        count = Integer.parseInt(pair[1].strip());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("'" + pair[1].strip() + "' for " + pair[0].strip()
            + " is not a whole number");
      }
      if (count < 0 || count > 1000) {
        throw new IllegalArgumentException(pair[0].strip() + "=" + count + ": expected 0 to 1000 per session");
      }
      if (mix.put(pair[0].strip(), count) != null) {
        throw new IllegalArgumentException(pair[0].strip() + " given twice");
      }
    }
    if (mix.values().stream().mapToInt(Integer::intValue).sum() < 1) {
      throw new IllegalArgumentException("a session needs at least one request");
    }
    return mix;
  }

  private static Map<String, Integer> orderedMix(Object... pairs) {
    Map<String, Integer> mix = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      mix.put((String) pairs[i], (Integer) pairs[i + 1]);
    }
    return java.util.Collections.unmodifiableMap(mix);
  }
}
