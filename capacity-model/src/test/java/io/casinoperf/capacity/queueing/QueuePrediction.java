package io.casinoperf.capacity.queueing;

import java.util.Locale;

/**
 * What {@link MultiServerQueue} predicts for one queue, on one line: {@code QueuePrediction RATE
 * MEAN_SERVICE_MS SCV WORKERS} prints the utilisation, P(wait), the mean wait and p99 in ms. Used
 * by benchmarks/queue-check.sh beside the measured p99.
 */
public final class QueuePrediction {
  private QueuePrediction() {}

  public static void main(String[] args) {
    double rate = Double.parseDouble(args[0]);
    double meanService = Double.parseDouble(args[1]) / 1000;
    double scv = Double.parseDouble(args[2]);
    int workers = Integer.parseInt(args[3]);
    MultiServerQueue queue = new MultiServerQueue(rate, meanService, scv, workers);
    System.out.println(String.format(Locale.ROOT, "%.3f %.3f %.2f %.1f", queue.utilisation(),
        queue.waitProbability(), 1000 * queue.meanWait(), 1000 * queue.responsePercentile(99)));
  }
}
