package io.casinoperf.mocks.wallet;

/**
 * One wallet's ledger checked against its balance: {@code balance = initial + deposits −
 * withdrawals − stakes + wins} must hold exactly. All amounts in cents.
 */
public record WalletReconciliation(
    String playerId,
    long initialCents,
    long depositsCents,
    long withdrawalsCents,
    long stakesCents,
    long winsCents,
    long balanceCents,
    long transactionCount) {

  public long expectedBalanceCents() {
    return initialCents + depositsCents - withdrawalsCents - stakesCents + winsCents;
  }

  public boolean balanced() {
    return expectedBalanceCents() == balanceCents;
  }
}
