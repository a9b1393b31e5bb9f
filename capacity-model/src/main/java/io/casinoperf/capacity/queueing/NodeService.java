package io.casinoperf.capacity.queueing;

import io.casinoperf.capacity.usl.LoadStep;
import io.casinoperf.capacity.usl.UslModel;
import java.util.List;

/**
 * One application node as a queue's servers, from what the capacity probe measured: how many
 * requests it works on at once, and how long each takes.
 *
 * <p>The service time is the probe's at its lowest level, where requests do not wait for each
 * other: the mean and the squared coefficient of variation (SCV) of the response time there. When
 * the steps do not carry them, the mean is the USL's 1/λ (one user without think time sees one
 * response per service time) and the SCV is taken as 1, exponential, and the forecast says so.
 *
 * <p>The node serves at most the USL's maximum throughput X<sub>max</sub>: contention and
 * coherency are in that figure. It gets {@code workers = max(1, round(X_max × S))} workers, the
 * requests that would be in service at X<sub>max</sub> if nothing slowed them, and each worker's
 * service time is stretched to {@code workers ÷ X_max}, so that a busy node serves exactly
 * X<sub>max</sub>: the contention the USL measured is folded into the service rate. A node whose
 * contention costs more than its parallelism gains gets one worker slower than the lowest level's
 * service time.
 *
 * @param workers requests the node serves at once, ≥ 1
 * @param serviceMillis each worker's mean service time, {@code workers × 1000 ÷ maxThroughput}
 * @param serviceScv the service time's squared coefficient of variation
 * @param lowLoadMillis the service time the probe measured at its lowest level (or 1000/λ)
 * @param measuredAtConcurrency the level {@code lowLoadMillis} comes from; NaN when it is 1000/λ
 * @param scvMeasured false when the SCV is the assumed 1
 * @param maxThroughputPerSecond the USL's maximum throughput of one node, per second
 */
public record NodeService(int workers, double serviceMillis, double serviceScv,
    double lowLoadMillis, double measuredAtConcurrency, boolean scvMeasured,
    double maxThroughputPerSecond) {

  /**
   * @throws IllegalArgumentException when the USL has no finite maximum throughput (σ = κ = 0):
   *     a node without a limit cannot be sized by queueing
   */
  public static NodeService of(UslModel usl, List<LoadStep> steps) {
    double max = usl.maxThroughput();
    if (!Double.isFinite(max) || !(max > 0)) {
      throw new IllegalArgumentException("the load-test steps show no throughput limit (sigma = kappa"
          + " = 0), so a node has no service rate to queue against");
    }
    double lowest = Double.POSITIVE_INFINITY;
    for (LoadStep step : steps) {
      if (step.hasServiceTime()) {
        lowest = Math.min(lowest, step.concurrency());
      }
    }
    double lowLoadMillis;
    double scv;
    boolean measured = Double.isFinite(lowest);
    if (measured) {
      // Repeated measurements of the lowest level count equally.
      double meanSum = 0;
      double scvSum = 0;
      int count = 0;
      for (LoadStep step : steps) {
        if (step.hasServiceTime() && step.concurrency() == lowest) {
          meanSum += step.meanMillis();
          scvSum += step.scv();
          count++;
        }
      }
      lowLoadMillis = meanSum / count;
      scv = scvSum / count;
    } else {
      lowLoadMillis = 1000 / usl.lambda();
      scv = 1;
    }
    int workers = (int) Math.max(1, Math.min(1_000_000, Math.round(max * lowLoadMillis / 1000)));
    return new NodeService(workers, workers * 1000 / max, scv, lowLoadMillis,
        measured ? lowest : Double.NaN, measured, max);
  }

  /**
   * The response time's percentile and how many nodes hold it, at {@code arrivalsPerSecond}.
   *
   * @param sloMillis the highest acceptable percentile, in milliseconds
   * @param maxUtilisation the highest acceptable share of {@link #maxThroughputPerSecond()}
   */
  public NodeSizing size(double arrivalsPerSecond, NodeSizing.Routing routing, double percentile,
      double sloMillis, double maxUtilisation, int maxNodes) {
    return NodeSizing.size(arrivalsPerSecond / 1000, serviceMillis, serviceScv, workers, routing,
        percentile, sloMillis, maxUtilisation, maxNodes);
  }
}
