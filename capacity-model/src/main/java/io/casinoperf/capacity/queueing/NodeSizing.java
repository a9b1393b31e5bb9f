package io.casinoperf.capacity.queueing;

import java.util.ArrayList;
import java.util.List;

/**
 * How many nodes keep a response-time percentile within its SLO at a given arrival rate: the
 * smallest node count whose workers ({@link MultiServerQueue}) have a utilisation at or under the
 * target and the percentile at or under the SLO, with the arrivals spread over the nodes as the
 * {@link Routing} says. The percentile falls as nodes are added, so the first count that meets both is the answer;
 * the curve up to it (and a few beyond) is what a chart of percentile against nodes shows.
 *
 * @param nodes the smallest node count that meets both; -1 when none up to the search's limit does
 * @param queue the queue a request joins at that count (at the limit when none meets both): all
 *     the workers for {@link Routing#POOLED}, one node's for {@link Routing#SPLIT}
 * @param percentileMillis its response-time percentile, in the queue's time unit
 * @param sloReachable false when even an idle pool misses the SLO: the service time alone is
 *     slower than the SLO at that percentile, and only faster service helps
 * @param curve the percentile at each node count from the first stable one, in order
 */
public record NodeSizing(int nodes, MultiServerQueue queue, double percentileMillis,
    boolean sloReachable, List<Point> curve) {

  /** The percentile with {@code nodes} nodes; NaN where the queue is unstable. */
  public record Point(int nodes, double utilisation, double waitProbability, double meanWait,
      double percentile) {}

  /** How a load balancer spreads the arrivals over the nodes. */
  public enum Routing {
    /**
     * Every node's workers take from one queue: what a least-connections balancer approaches, and
     * the best any balancer can do.
     */
    POOLED,
    /**
     * Each node has its own queue and gets an even, random share of the arrivals (a Poisson
     * stream split at random stays Poisson): what a round-robin or random balancer comes close
     * to, and the cautious assumption for sizing.
     */
    SPLIT;

    /** The queue a request joins with {@code nodes} nodes. */
    public MultiServerQueue queue(double arrivalRate, double meanService, double serviceScv, int workersPerNode,
        int nodes) {
      return this == POOLED
          ? new MultiServerQueue(arrivalRate, meanService, serviceScv, nodes * workersPerNode)
          : new MultiServerQueue(arrivalRate / nodes, meanService, serviceScv, workersPerNode);
    }
  }

  /** Node counts shown beyond the answer, so the curve shows the percentile levelling off. */
  static final int BEYOND = 3;

  public NodeSizing {
    curve = List.copyOf(curve);
  }

  /**
   * @param arrivalRate requests per time unit at the peak
   * @param meanService mean service time of one request, in the same time unit
   * @param serviceScv the service time's squared coefficient of variation
   * @param workersPerNode requests one node serves at once
   * @param routing how the arrivals reach the nodes' workers
   * @param percentile e.g. 99
   * @param slo the highest acceptable percentile, in the time unit
   * @param maxUtilisation the highest acceptable utilisation, in (0, 1]
   * @param maxNodes where the search stops
   */
  public static NodeSizing size(double arrivalRate, double meanService, double serviceScv,
      int workersPerNode, Routing routing, double percentile, double slo, double maxUtilisation,
      int maxNodes) {
    if (workersPerNode < 1) {
      throw new IllegalArgumentException("workers per node must be >= 1: " + workersPerNode);
    }
    if (!(maxUtilisation > 0 && maxUtilisation <= 1)) {
      throw new IllegalArgumentException("target utilisation must be in (0, 1]: " + maxUtilisation);
    }
    if (!(slo > 0)) {
      throw new IllegalArgumentException("SLO must be > 0: " + slo);
    }
    // With no queueing at all, the response time is the service time.
    double idle = new MultiServerQueue(0, meanService, serviceScv, 1).responsePercentile(percentile);
    boolean reachable = idle <= slo;
    List<Point> curve = new ArrayList<>();
    int answer = -1;
    MultiServerQueue answerQueue = null;
    double answerPercentile = Double.NaN;
    MultiServerQueue last = null;
    double lastPercentile = Double.NaN;
    int unreachableShown = 0;
    for (int nodes = 1; nodes <= maxNodes; nodes++) {
      MultiServerQueue queue = routing.queue(arrivalRate, meanService, serviceScv, workersPerNode, nodes);
      if (!queue.stable()) {
        continue;
      }
      double value = queue.responsePercentile(percentile);
      curve.add(new Point(nodes, queue.utilisation(), queue.waitProbability(), queue.meanWait(), value));
      last = queue;
      lastPercentile = value;
      if (answer < 0 && queue.utilisation() <= maxUtilisation && value <= slo) {
        answer = nodes;
        answerQueue = queue;
        answerPercentile = value;
      }
      if (answer > 0 && nodes >= answer + BEYOND) {
        break;
      }
      if (!reachable && queue.utilisation() <= maxUtilisation) {
        // No count meets the SLO: more nodes only bring the percentile nearer the service time's.
        unreachableShown++;
        if (unreachableShown > BEYOND) {
          break;
        }
      }
    }
    if (answer < 0) {
      MultiServerQueue atLimit = last != null ? last
          : routing.queue(arrivalRate, meanService, serviceScv, workersPerNode, maxNodes);
      return new NodeSizing(-1, atLimit, lastPercentile, reachable, curve);
    }
    return new NodeSizing(answer, answerQueue, answerPercentile, reachable, curve);
  }
}
