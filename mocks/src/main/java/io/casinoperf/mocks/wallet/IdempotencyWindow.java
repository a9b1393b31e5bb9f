package io.casinoperf.mocks.wallet;

import java.time.Duration;

/**
 * How long a wallet remembers the idempotency key of a money-moving request, and how many keys it
 * may hold at once. A key is remembered for {@code retention} after its first use, whatever came
 * after it: a retry within that time never moves money again. A wallet that already holds {@code
 * maxKeys} keys still inside their retention refuses new money-moving requests (429 {@code
 * idempotency_window_full}) rather than forget a key early.
 *
 * @param retention how long a key is remembered after its first use; the retry horizon
 * @param maxKeys the most keys one wallet holds at once (a memory bound, not a forgetting rule)
 */
public record IdempotencyWindow(Duration retention, int maxKeys) {
  /** 24 hours, the retry horizon payment APIs commonly promise. */
  public static final Duration DEFAULT_RETENTION = Duration.ofHours(24);

  /** One money-moving request a second, all day, for one player: 86,400 keys; rounded up. */
  public static final int DEFAULT_MAX_KEYS = 100_000;

  public IdempotencyWindow {
    if (retention == null || retention.isNegative() || retention.isZero()) {
      throw new IllegalArgumentException("the idempotency retention must be positive");
    }
    if (maxKeys < 1) {
      throw new IllegalArgumentException("rememberedKeys must be >= 1, was " + maxKeys);
    }
  }

  public static IdempotencyWindow defaults() {
    return new IdempotencyWindow(DEFAULT_RETENTION, DEFAULT_MAX_KEYS);
  }
}
