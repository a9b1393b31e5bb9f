package io.casinoperf.scenarios;

import io.gatling.javaapi.core.Session;
import java.util.ArrayList;
import java.util.List;

/**
 * The virtual user's own ledger of its wallet, opened by {@link WalletFlows#READ_WALLET} and kept
 * in the session under {@value SessionKeys#LEDGER}: the opening balance and transaction count, and
 * every money movement the platform confirmed since (a new transaction id in a 200 answer). A
 * replayed retry adds nothing. {@link WalletFlows#RECONCILE} compares it with the wallet.
 *
 * <p>The expected balance is computed from the movements themselves (deposit +amount, withdrawal
 * −amount, spin −stake + win), never from the balances the platform reported, so a movement the
 * platform confirmed and then lost shows at the end. Amounts in cents. Immutable; the newest
 * {@value #KEPT_MOVEMENTS} movements are kept for naming transactions, the totals cover all.
 *
 * @param balanceCents opening balance plus every confirmed movement
 * @param transactions opening transaction count plus the confirmed movements
 * @param newest the newest confirmed movements, oldest first
 */
record Ledger(long balanceCents, long transactions, List<Movement> newest) {
  /** As many as the platform's transaction list returns at most, so all can be compared. */
  static final int KEPT_MOVEMENTS = 100;

  /**
   * One confirmed movement.
   *
   * @param transactionId the id the platform answered with
   * @param idempotencyKey the key the request carried
   * @param balanceChangeCents what it does to the balance, signed
   */
  record Movement(String transactionId, String idempotencyKey, long balanceChangeCents) {}

  Ledger {
    newest = List.copyOf(newest);
  }

  static Ledger opening(long balanceCents, long transactions) {
    return new Ledger(balanceCents, transactions, List.of());
  }

  Ledger add(Movement movement) {
    List<Movement> kept = new ArrayList<>(newest.size() + 1);
    kept.addAll(newest.size() < KEPT_MOVEMENTS ? newest : newest.subList(1, newest.size()));
    kept.add(movement);
    return new Ledger(balanceCents + movement.balanceChangeCents(), transactions + 1, kept);
  }

  /**
   * Records the last money call if the platform confirmed it (it saved a transaction id); does
   * nothing before the ledger was opened (journeys that do not reconcile).
   */
  static Session recordIfMoved(Session session, long balanceChangeCents) {
    Ledger ledger = session.get(SessionKeys.LEDGER);
    if (ledger == null || !session.contains(SessionKeys.TRANSACTION_ID)) {
      return session;
    }
    return session.set(
        SessionKeys.LEDGER,
        ledger.add(
            new Movement(
                session.getString(SessionKeys.TRANSACTION_ID),
                session.getString(SessionKeys.IDEMPOTENCY_KEY),
                balanceChangeCents)));
  }
}
