package io.casinoperf.mocks.api;

import io.casinoperf.mocks.wallet.Transaction;
import io.casinoperf.mocks.wallet.WalletOutcome;
import java.util.Map;
import java.util.function.Function;

/** Turns what a money-moving call did into the API's answer; the same rules for every call. */
final class OutcomeResponses {
  static final String REPLAYED_HEADER = "Idempotent-Replayed";

  record InsufficientFundsError(
      String error, String message, long balanceCents, long requestedCents) {}

  private OutcomeResponses() {}

  /**
   * 200 with the transaction's body (a replay carries {@code Idempotent-Replayed: true}), 402 for
   * insufficient funds, 422 for a key reused on a different request, 429 (with {@code
   * Retry-After}) when the wallet's idempotency window is full.
   */
  static ApiResponse of(WalletOutcome outcome, Function<Transaction, Object> body) {
    if (outcome instanceof WalletOutcome.Applied applied) {
      return ApiResponse.ok(body.apply(applied.transaction()))
          .withHeader(REPLAYED_HEADER, Boolean.toString(applied.replayed()));
    }
    if (outcome instanceof WalletOutcome.InsufficientFunds funds) {
      return new ApiResponse(
          402,
          new InsufficientFundsError(
              "insufficient_funds",
              "balance " + funds.balanceCents() + " does not cover " + funds.requestedCents(),
              funds.balanceCents(),
              funds.requestedCents()),
          Map.of());
    }
    if (outcome instanceof WalletOutcome.WindowFull full) {
      long seconds = Math.max(1, (full.retryAfter().toMillis() + 999) / 1000);
      return ApiResponse.error(
              429,
              "idempotency_window_full",
              "this wallet remembers " + full.maxKeys() + " idempotency keys, all still inside"
                  + " their retention; retry after " + seconds + " s")
          .withHeader("Retry-After", Long.toString(seconds));
    }
    String key = ((WalletOutcome.KeyReused) outcome).idempotencyKey();
    return ApiResponse.error(
        422,
        "idempotency_key_reused",
        "idempotency key '" + key + "' was used for a different request");
  }

  static ApiResponse missingKey() {
    return ApiResponse.error(
        400,
        "missing_idempotency_key",
        "money-moving calls need an " + ApiRequest.IDEMPOTENCY_KEY + " header (1-128 characters)");
  }
}
