package io.casinoperf.gate.stats;

import io.casinoperf.gate.summary.Blocks;
import java.util.function.ToLongFunction;

/**
 * How much the dependence between responses close in time inflates the variance of a share
 * estimated from them (the share above a percentile, or the error rate), by the method of batch
 * means: the share's variance is estimated from how it varies between consecutive time blocks and
 * divided by the variance it would have if every response were independent (binomial).
 *
 * <p>For blocks b with n_b responses and e_b events, share p̂ = Σe / Σn: batch variance
 * Var(p̂) = B/(B−1) · Σ(e_b − p̂·n_b)² / (Σn)², binomial variance p̂(1−p̂)/Σn. The design effect
 * is their ratio, never below 1 (dependence is never assumed to help). With fewer than {@value
 * #MIN_BLOCKS} blocks, or a share of 0 or 1, it cannot be measured and is 1.
 *
 * <p>See docs/STATISTICS.md; the batch-means idea is Conway (1963), its use for a proportion's
 * variance under clustering is Kish (1965).
 */
public final class DesignEffect {
  /** Fewest non-empty blocks that measure dependence. */
  public static final int MIN_BLOCKS = 10;

  private DesignEffect() {}

  /** Of the share of responses slower than {@code thresholdMillis}. */
  public static double ofLatencyAbove(Blocks blocks, long thresholdMillis) {
    return ofBlocks(blocks, block -> block.countAbove(thresholdMillis));
  }

  /** Of the error rate. */
  public static double ofErrors(Blocks blocks) {
    return ofBlocks(blocks, Blocks.Block::koCount);
  }

  private static double ofBlocks(Blocks blocks, ToLongFunction<Blocks.Block> event) {
    long[] counts = new long[blocks.size()];
    long[] events = new long[blocks.size()];
    int i = 0;
    for (Blocks.Block block : blocks.blocks()) {
      counts[i] = block.count();
      events[i] = event.applyAsLong(block);
      i++;
    }
    return ofShare(counts, events);
  }

  /**
   * @param counts responses per block
   * @param events events (responses above the threshold, or KOs) per block
   * @return the variance inflation factor, at least 1
   */
  public static double ofShare(long[] counts, long[] events) {
    if (counts.length != events.length) {
      throw new IllegalArgumentException("counts and events differ in length");
    }
    long total = 0;
    long totalEvents = 0;
    int blocks = 0;
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] > 0) {
        blocks++;
        total += counts[i];
        totalEvents += events[i];
      }
    }
    if (blocks < MIN_BLOCKS || totalEvents == 0 || totalEvents == total) {
      return 1;
    }
    double share = totalEvents / (double) total;
    double sumSquares = 0;
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] > 0) {
        double residual = events[i] - share * counts[i];
        sumSquares += residual * residual;
      }
    }
    double batchVariance = blocks / (blocks - 1.0) * sumSquares / ((double) total * total);
    double binomialVariance = share * (1 - share) / total;
    return Math.max(1, batchVariance / binomialVariance);
  }
}
