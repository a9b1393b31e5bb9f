package io.casinoperf.mocks.wallet;

import java.time.Instant;

/**
 * One ledger entry. Amounts are in cents (minor units) of the wallet's currency.
 *
 * @param id unique within the platform
 * @param type what moved money
 * @param amountCents the stake of a spin, or the amount deposited or withdrawn; always positive
 * @param winCents the amount a spin paid back (zero for a loss, and for deposits and withdrawals)
 * @param balanceAfterCents the wallet's balance right after this entry
 * @param gameId the game of a spin, {@code null} otherwise
 * @param idempotencyKey the key the client sent with the request that created this entry
 * @param occurredAt when the entry was written
 */
public record Transaction(
    String id,
    TransactionType type,
    long amountCents,
    long winCents,
    long balanceAfterCents,
    String gameId,
    String idempotencyKey,
    Instant occurredAt) {

  /** How this entry changed the balance: {@code +amount} for deposits, {@code win - stake} for spins. */
  public long balanceChangeCents() {
    return type.balanceChangeCents(amountCents, winCents);
  }
}
