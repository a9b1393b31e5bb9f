package io.casinoperf.scenarios;

import io.gatling.javaapi.core.Session;

/**
 * The virtual user's own count of its wallet's transactions, kept when the journey started it
 * with {@link WalletFlows#READ_WALLET}: every confirmed money movement adds one, a replayed retry
 * adds none. Comparing it with the platform's count at the end finds lost and duplicated
 * transactions.
 */
final class Ledger {
  private Ledger() {}

  /** Adds one confirmed movement if the last money call saved a transaction id. */
  static Session countIfMoved(Session session) {
    if (!session.contains(SessionKeys.EXPECTED_TRANSACTIONS)
        || !session.contains(SessionKeys.TRANSACTION_ID)) {
      return session;
    }
    return session.set(
        SessionKeys.EXPECTED_TRANSACTIONS, session.getLong(SessionKeys.EXPECTED_TRANSACTIONS) + 1);
  }
}
