package io.casinoperf.mocks.wallet;

/** What moved money in a wallet. */
public enum TransactionType {
  /** A stake debited and its win (possibly zero) credited, as one ledger entry. */
  SPIN,
  DEPOSIT,
  WITHDRAWAL;

  /** How an entry of this type with these amounts changes a balance, in cents. */
  public long balanceChangeCents(long amountCents, long winCents) {
    return switch (this) {
      case DEPOSIT -> amountCents;
      case WITHDRAWAL -> -amountCents;
      case SPIN -> winCents - amountCents;
    };
  }
}
