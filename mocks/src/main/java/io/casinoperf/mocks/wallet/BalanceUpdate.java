package io.casinoperf.mocks.wallet;

/**
 * A wallet's new balance after a transaction, as pushed to the player's open channels.
 *
 * @param sequence increases by one with every transaction of this wallet, so a client can order
 *     updates and see a gap
 */
public record BalanceUpdate(
    String playerId,
    long sequence,
    long balanceCents,
    String transactionId,
    TransactionType transactionType) {}
