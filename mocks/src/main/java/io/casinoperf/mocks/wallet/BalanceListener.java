package io.casinoperf.mocks.wallet;

/**
 * Told of every balance change. Called while the wallet is locked, in the order of the wallet's
 * transactions: implementations must return quickly and never call back into the wallet.
 */
@FunctionalInterface
public interface BalanceListener {
  BalanceListener NONE = update -> {};

  void balanceChanged(BalanceUpdate update);
}
