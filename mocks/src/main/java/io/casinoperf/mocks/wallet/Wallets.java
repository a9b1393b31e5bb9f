package io.casinoperf.mocks.wallet;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Every player's wallet, opened on first use with the initial balance. Thread-safe.
 *
 * <p>Memory is bounded per wallet (the last {@code keptTransactions} transactions and at most
 * {@link IdempotencyWindow#maxKeys()} idempotency keys), so a long run grows only with the number
 * of players and their recent requests.
 */
public final class Wallets {
  private final ConcurrentMap<String, Wallet> byPlayer = new ConcurrentHashMap<>();
  private final long initialCents;
  private final int keptTransactions;
  private final IdempotencyWindow idempotency;
  private final Clock clock;
  private final BalanceListener listener;
  private volatile java.util.function.LongConsumer lockWaits = nanos -> {};

  public Wallets(
      long initialCents,
      int keptTransactions,
      IdempotencyWindow idempotency,
      Clock clock,
      BalanceListener listener) {
    if (initialCents < 0 || keptTransactions < 1) {
      throw new IllegalArgumentException("initialCents must be >= 0, keptTransactions >= 1");
    }
    this.initialCents = initialCents;
    this.keptTransactions = keptTransactions;
    this.idempotency = java.util.Objects.requireNonNull(idempotency);
    this.clock = clock;
    this.listener = listener;
  }

  /**
   * Told, for every spin, deposit and withdrawal, how long it waited for its wallet's lock (ns).
   * Set before the first wallet opens.
   */
  public void reportLockWaits(java.util.function.LongConsumer lockWaits) {
    this.lockWaits = java.util.Objects.requireNonNull(lockWaits);
  }

  /** The player's wallet, opened with the initial balance if this is the first use. */
  public Wallet open(String playerId) {
    return byPlayer.computeIfAbsent(
        playerId,
        id -> new Wallet(id, initialCents, keptTransactions, idempotency, clock, listener, lockWaits));
  }

  /** The player's wallet if it was ever opened. */
  public Optional<Wallet> find(String playerId) {
    return Optional.ofNullable(byPlayer.get(playerId));
  }

  /**
   * Makes the player's next deposit one that is answered as applied but never booked (see {@link
   * Wallet}); opens the wallet if needed. Calling it twice loses the next two deposits.
   */
  public void loseNextDeposit(String playerId) {
    open(playerId).loseNextDeposit();
  }

  /** Closes the player's wallet and forgets it, as if it had never been opened. */
  public void discard(String playerId) {
    byPlayer.remove(playerId);
  }

  /** Every wallet checked against its ledger totals, ordered by player id. */
  public List<WalletReconciliation> reconcileAll() {
    List<WalletReconciliation> all = new ArrayList<>(byPlayer.size());
    for (Wallet wallet : byPlayer.values()) {
      all.add(wallet.reconcile());
    }
    all.sort(Comparator.comparing(WalletReconciliation::playerId));
    return all;
  }
}
