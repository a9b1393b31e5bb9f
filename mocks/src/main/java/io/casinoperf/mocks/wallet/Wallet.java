package io.casinoperf.mocks.wallet;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One player's money: balance, running totals, the most recent transactions and the idempotency
 * keys of recent money-moving requests. All amounts are in cents.
 *
 * <p>Thread-safe: every operation holds this wallet's lock, so concurrent spins on one player
 * never lose an update. A request retried with the same idempotency key returns the transaction
 * of the first call and moves no money for the whole {@link IdempotencyWindow#retention()} after
 * the key's first use; only then is the key forgotten. A wallet holding {@link
 * IdempotencyWindow#maxKeys()} unexpired keys refuses new money-moving requests instead of
 * forgetting one early. A rejected request (insufficient funds, a full window) does not use up its
 * key.
 *
 * <p>A wallet can be told to lose its next deposits ({@link Wallets#loseNextDeposit}), a fault for
 * testing reconciliation: such a deposit is answered as applied, with a transaction id and the
 * balance it would have made, but is never booked. The balance, the running totals, the
 * transaction count and the transaction list stay as they were and no balance update is pushed;
 * only its transaction id is used up, as a database sequence is not rolled back with the write it
 * numbered. A retry with its key replays the same answer.
 */
public final class Wallet {
  private final String playerId;
  private final long initialCents;
  private final int keptTransactions;
  private final Clock clock;
  private final BalanceListener listener;

  private long balanceCents;
  private long depositsCents;
  private long withdrawalsCents;
  private long stakesCents;
  private long winsCents;
  /** Booked transactions: the transaction count and the balance channel's sequence. */
  private long sequence;
  /** Transaction ids handed out: {@code tx-<player>-<n>}, never reused. */
  private long lastIdNumber;
  private final ArrayDeque<Transaction> recent = new ArrayDeque<>();
  private int depositsToLose;
  private final List<Transaction> lost = new ArrayList<>();
  private final IdempotencyWindow window;
  /** In order of first use, so the eldest entry is always the next to expire. */
  private final Map<String, Remembered> keys = new LinkedHashMap<>();

  /** Told how long each money operation waited for this wallet's lock, in ns. */
  private final java.util.function.LongConsumer lockWaits;

  private record Remembered(String fingerprint, Transaction transaction, Instant firstUsed) {}

  Wallet(
      String playerId,
      long initialCents,
      int keptTransactions,
      IdempotencyWindow window,
      Clock clock,
      BalanceListener listener,
      java.util.function.LongConsumer lockWaits) {
    this.lockWaits = lockWaits;
    this.playerId = playerId;
    this.initialCents = initialCents;
    this.balanceCents = initialCents;
    this.keptTransactions = keptTransactions;
    this.clock = clock;
    this.listener = listener;
    this.window = window;
  }

  public String playerId() {
    return playerId;
  }

  public synchronized long balanceCents() {
    return balanceCents;
  }

  /** The balance update that describes the current state, for a channel that just opened. */
  public synchronized BalanceUpdate snapshot() {
    Transaction last = recent.peekLast();
    return new BalanceUpdate(
        playerId,
        sequence,
        balanceCents,
        last == null ? null : last.id(),
        last == null ? null : last.type());
  }

  /**
   * Debits the stake and credits the win of one spin.
   *
   * @param winCents the win already drawn for this stake (zero for a loss)
   */
  public WalletOutcome spin(String idempotencyKey, String gameId, long stakeCents, long winCents) {
    return spinLocked(System.nanoTime(), idempotencyKey, gameId, stakeCents, winCents);
  }

  private synchronized WalletOutcome spinLocked(
      long askedNanos, String idempotencyKey, String gameId, long stakeCents, long winCents) {
    lockWaits.accept(System.nanoTime() - askedNanos);
    String fingerprint = "spin|" + gameId + "|" + stakeCents;
    WalletOutcome earlier = replay(idempotencyKey, fingerprint);
    if (earlier != null) {
      return earlier;
    }
    if (stakeCents > balanceCents) {
      return new WalletOutcome.InsufficientFunds(balanceCents, stakeCents);
    }
    stakesCents += stakeCents;
    winsCents += winCents;
    return apply(
        idempotencyKey, fingerprint, TransactionType.SPIN, stakeCents, winCents, gameId);
  }

  public WalletOutcome deposit(String idempotencyKey, long amountCents) {
    return depositLocked(System.nanoTime(), idempotencyKey, amountCents);
  }

  private synchronized WalletOutcome depositLocked(long askedNanos, String idempotencyKey, long amountCents) {
    lockWaits.accept(System.nanoTime() - askedNanos);
    String fingerprint = "deposit|" + amountCents;
    WalletOutcome earlier = replay(idempotencyKey, fingerprint);
    if (earlier != null) {
      return earlier;
    }
    if (depositsToLose > 0) {
      depositsToLose--;
      return answerButLose(idempotencyKey, fingerprint, amountCents);
    }
    depositsCents += amountCents;
    return apply(idempotencyKey, fingerprint, TransactionType.DEPOSIT, amountCents, 0, null);
  }

  /** Arms the lost-deposit fault for this wallet's next deposit (one more each call). */
  synchronized void loseNextDeposit() {
    depositsToLose++;
  }

  /** The deposits this wallet answered as applied but never booked, oldest first. */
  public synchronized List<Transaction> lostDeposits() {
    return List.copyOf(lost);
  }

  public WalletOutcome withdraw(String idempotencyKey, long amountCents) {
    return withdrawLocked(System.nanoTime(), idempotencyKey, amountCents);
  }

  private synchronized WalletOutcome withdrawLocked(long askedNanos, String idempotencyKey, long amountCents) {
    lockWaits.accept(System.nanoTime() - askedNanos);
    String fingerprint = "withdrawal|" + amountCents;
    WalletOutcome earlier = replay(idempotencyKey, fingerprint);
    if (earlier != null) {
      return earlier;
    }
    if (amountCents > balanceCents) {
      return new WalletOutcome.InsufficientFunds(balanceCents, amountCents);
    }
    withdrawalsCents += amountCents;
    return apply(idempotencyKey, fingerprint, TransactionType.WITHDRAWAL, amountCents, 0, null);
  }

  /** The most recent transactions, newest first, at most {@code limit} of them. */
  public synchronized List<Transaction> recentTransactions(int limit) {
    List<Transaction> newestFirst = new ArrayList<>(Math.min(limit, recent.size()));
    Iterator<Transaction> it = recent.descendingIterator();
    while (it.hasNext() && newestFirst.size() < limit) {
      newestFirst.add(it.next());
    }
    return newestFirst;
  }

  public synchronized long transactionCount() {
    return sequence;
  }

  public synchronized WalletReconciliation reconcile() {
    return new WalletReconciliation(
        playerId,
        initialCents,
        depositsCents,
        withdrawalsCents,
        stakesCents,
        winsCents,
        balanceCents,
        sequence);
  }

  /**
   * The earlier outcome of this key, if it is still remembered; a refusal when the key is new and
   * the window is full; otherwise null (go ahead). Keys past their retention are forgotten first.
   */
  private WalletOutcome replay(String idempotencyKey, String fingerprint) {
    Instant now = clock.instant();
    Iterator<Remembered> eldest = keys.values().iterator();
    while (eldest.hasNext()) {
      Remembered key = eldest.next();
      if (now.isBefore(key.firstUsed().plus(window.retention()))) {
        break;
      }
      eldest.remove();
    }
    Remembered earlier = keys.get(idempotencyKey);
    if (earlier == null) {
      if (keys.size() >= window.maxKeys()) {
        Instant nextFree = keys.values().iterator().next().firstUsed().plus(window.retention());
        return new WalletOutcome.WindowFull(window.maxKeys(), Duration.between(now, nextFree));
      }
      return null;
    }
    if (!earlier.fingerprint().equals(fingerprint)) {
      return new WalletOutcome.KeyReused(idempotencyKey);
    }
    return new WalletOutcome.Applied(earlier.transaction(), true);
  }

  private WalletOutcome answerButLose(String idempotencyKey, String fingerprint, long amountCents) {
    Transaction transaction =
        new Transaction(
            nextTransactionId(),
            TransactionType.DEPOSIT,
            amountCents,
            0,
            balanceCents + amountCents,
            null,
            idempotencyKey,
            clock.instant());
    lost.add(transaction);
    keys.put(idempotencyKey, new Remembered(fingerprint, transaction, transaction.occurredAt()));
    return new WalletOutcome.Applied(transaction, false);
  }

  private String nextTransactionId() {
    lastIdNumber++;
    return "tx-" + playerId + "-" + lastIdNumber;
  }

  private WalletOutcome apply(
      String idempotencyKey,
      String fingerprint,
      TransactionType type,
      long amountCents,
      long winCents,
      String gameId) {
    sequence++;
    balanceCents += type.balanceChangeCents(amountCents, winCents);
    Transaction transaction =
        new Transaction(
            nextTransactionId(),
            type,
            amountCents,
            winCents,
            balanceCents,
            gameId,
            idempotencyKey,
            clock.instant());
    recent.addLast(transaction);
    if (recent.size() > keptTransactions) {
      recent.removeFirst();
    }
    keys.put(idempotencyKey, new Remembered(fingerprint, transaction, transaction.occurredAt()));
    listener.balanceChanged(
        new BalanceUpdate(playerId, sequence, balanceCents, transaction.id(), type));
    return new WalletOutcome.Applied(transaction, false);
  }
}
