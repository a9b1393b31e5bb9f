package io.casinoperf.capacity.forecast;

import io.casinoperf.capacity.forecast.CapacityForecast.LatencyPlan;
import io.casinoperf.capacity.forecast.CapacityForecast.QueueAt;
import io.casinoperf.capacity.queueing.MultiServerQueue;
import io.casinoperf.capacity.queueing.NodeService;
import io.casinoperf.capacity.queueing.NodeSizing;
import java.util.Locale;
import java.util.Optional;

/**
 * The traffic's node count by queueing: the nodes that keep the response-time percentile within
 * its SLO at a forecast peak, with each node the queue the capacity probe and its USL fit describe
 * ({@link NodeService}).
 */
final class LatencySizing {
  /** Where the search for a node count stops. */
  static final int MAX_NODES = 10_000;

  private final NodeService service;
  private final ForecastSettings.LatencySlo slo;
  private final double utilisationTarget;
  private final long basisSeconds;

  /**
   * @param basisSeconds the seconds the traffic's unit counts over (1 for requests per second)
   */
  LatencySizing(NodeService service, ForecastSettings.LatencySlo slo, double utilisationTarget,
      long basisSeconds) {
    this.service = service;
    this.slo = slo;
    this.utilisationTarget = utilisationTarget;
    this.basisSeconds = basisSeconds;
  }

  /** The sizing at a peak given in the traffic's unit. */
  NodeSizing size(double traffic) {
    return service.size(perSecond(traffic), slo.routing(), slo.percentile(), slo.millis(),
        utilisationTarget, MAX_NODES);
  }

  private double perSecond(double traffic) {
    return Math.max(0, traffic) / basisSeconds;
  }

  /**
   * @param decisionTraffic the peak at the decision quantile, in the traffic's unit
   * @param sizing {@link #size} of it
   * @param throughputNodes what the throughput target alone asks for, spares not included
   * @param usableToday today's nodes less the spares; 0 when today's count is not known
   */
  LatencyPlan plan(double decisionTraffic, NodeSizing sizing, int throughputNodes, int usableToday) {
    double arrivals = perSecond(decisionTraffic);
    QueueAt today = null;
    if (usableToday > 0) {
      MultiServerQueue queue = slo.routing().queue(arrivals / 1000, service.serviceMillis(),
          service.serviceScv(), service.workers(), usableToday);
      today = at(usableToday, queue);
    }
    QueueAt predicted = sizing.curve().isEmpty() ? null : at(sizing.nodes() > 0 ? sizing.nodes()
        : sizing.curve().get(sizing.curve().size() - 1).nodes(), sizing.queue());
    return new LatencyPlan(slo.percentile(), slo.millis(), routing(), service.workers(),
        service.serviceMillis(), service.serviceScv(), service.lowLoadMillis(),
        Double.isNaN(service.measuredAtConcurrency()) ? null : service.measuredAtConcurrency(),
        service.scvMeasured(), arrivals, sizing.nodes() > 0 ? sizing.nodes() : null, throughputNodes,
        sizing.sloReachable(), predicted, today,
        sizing.curve().stream().map(p -> new QueueAt(p.nodes(), p.utilisation(), p.waitProbability(),
            finite(p.meanWait()), finite(p.percentile()))).toList());
  }

  private QueueAt at(int nodes, MultiServerQueue queue) {
    boolean stable = queue.stable();
    return new QueueAt(nodes, queue.utilisation(), stable ? queue.waitProbability() : 1,
        stable ? queue.meanWait() : null, stable ? finite(queue.responsePercentile(slo.percentile())) : null);
  }

  /** What the node count rests on. */
  Finding assumption() {
    return new Finding.QueueingModel(slo.percentile(), slo.millis(), routing(), service.workers(),
        service.serviceMillis(), service.serviceScv(), service.lowLoadMillis(),
        Double.isNaN(service.measuredAtConcurrency()) ? null : service.measuredAtConcurrency(),
        service.scvMeasured());
  }

  /** Why no node count meets the SLO, when none does. */
  Optional<Finding> warning(NodeSizing sizing) {
    if (sizing.nodes() > 0) {
      return Optional.empty();
    }
    double alone = new MultiServerQueue(0, service.serviceMillis(), service.serviceScv(), 1)
        .responsePercentile(slo.percentile());
    return Optional.of(new Finding.SloNotMet(slo.percentile(), slo.millis(), alone, sizing.sloReachable(),
        MAX_NODES));
  }

  private String routing() {
    return slo.routing().name().toLowerCase(Locale.ROOT);
  }

  private static Double finite(double v) {
    return Double.isFinite(v) ? v : null;
  }

}
