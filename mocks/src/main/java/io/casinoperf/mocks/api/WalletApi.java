package io.casinoperf.mocks.api;

import io.casinoperf.mocks.wallet.Transaction;
import io.casinoperf.mocks.wallet.Wallet;
import io.casinoperf.mocks.wallet.Wallets;
import java.util.List;
import java.util.Optional;

/** Balance, deposits, withdrawals and the transaction list of the logged-in player. */
final class WalletApi {
  /** Largest single deposit or withdrawal, in cents. */
  static final long MAX_AMOUNT_CENTS = 10_000_000;

  static final int MAX_LIST_LIMIT = 100;

  record Balance(String playerId, long balanceCents, String currency, long transactionCount) {}

  record MoneyMoved(
      String transactionId, String type, long amountCents, long balanceCents, String currency) {}

  record TransactionList(String playerId, List<Transaction> transactions) {}

  private final Wallets wallets;
  private final String currency;

  WalletApi(Wallets wallets, String currency) {
    this.wallets = wallets;
    this.currency = currency;
  }

  ApiResponse balance(String playerId) {
    var now = wallets.open(playerId).snapshot();
    return ApiResponse.ok(new Balance(playerId, now.balanceCents(), currency, now.sequence()));
  }

  ApiResponse deposit(String playerId, ApiRequest request) {
    return moveMoney(playerId, request, true);
  }

  ApiResponse withdraw(String playerId, ApiRequest request) {
    return moveMoney(playerId, request, false);
  }

  ApiResponse transactions(String playerId, ApiRequest request) {
    Optional<String> limitText = request.queryParameter("limit");
    int limit = 20;
    if (limitText.isPresent()) {
      try {
        limit = Integer.parseInt(limitText.get());
      } catch (NumberFormatException e) {
        limit = -1;
      }
      if (limit < 1 || limit > MAX_LIST_LIMIT) {
        return ApiResponse.badRequest("limit must be a whole number within 1.." + MAX_LIST_LIMIT);
      }
    }
    return ApiResponse.ok(
        new TransactionList(playerId, wallets.open(playerId).recentTransactions(limit)));
  }

  private ApiResponse moveMoney(String playerId, ApiRequest request, boolean deposit) {
    Optional<String> key = request.idempotencyKey();
    if (key.isEmpty()) {
      return OutcomeResponses.missingKey();
    }
    Optional<Long> amount =
        request
            .jsonBody()
            .flatMap(body -> ApiRequest.positiveLong(body, "amountCents"))
            .filter(cents -> cents <= MAX_AMOUNT_CENTS);
    if (amount.isEmpty()) {
      return ApiResponse.badRequest(
          "expected a JSON object with amountCents, a whole number within 1.." + MAX_AMOUNT_CENTS);
    }
    Wallet wallet = wallets.open(playerId);
    var outcome =
        deposit
            ? wallet.deposit(key.get(), amount.get())
            : wallet.withdraw(key.get(), amount.get());
    return OutcomeResponses.of(
        outcome,
        tx ->
            new MoneyMoved(
                tx.id(), tx.type().name(), tx.amountCents(), tx.balanceAfterCents(), currency));
  }
}
