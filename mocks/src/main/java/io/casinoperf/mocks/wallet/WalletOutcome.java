package io.casinoperf.mocks.wallet;

/** What a money-moving call on a {@link Wallet} did. */
public sealed interface WalletOutcome {

  /**
   * Money moved, now or by an earlier call with the same idempotency key.
   *
   * @param replayed true when this call repeated an earlier one and moved nothing
   */
  record Applied(Transaction transaction, boolean replayed) implements WalletOutcome {}

  /** The balance does not cover the debit; nothing moved and the key stays unused. */
  record InsufficientFunds(long balanceCents, long requestedCents) implements WalletOutcome {}

  /** The idempotency key was already used for a different request; nothing moved. */
  record KeyReused(String idempotencyKey) implements WalletOutcome {}

  /**
   * The wallet already remembers {@code maxKeys} keys that are all inside their retention; nothing
   * moved and the key stays unused.
   *
   * @param retryAfter until the eldest key expires and frees a place
   */
  record WindowFull(int maxKeys, java.time.Duration retryAfter) implements WalletOutcome {}
}
