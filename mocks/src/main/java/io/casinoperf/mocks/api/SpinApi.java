package io.casinoperf.mocks.api;

import io.casinoperf.mocks.spin.GameCatalogue;
import io.casinoperf.mocks.spin.Paytable;
import io.casinoperf.mocks.wallet.Wallets;
import java.util.Optional;
import java.util.random.RandomGenerator;

/** {@code POST /api/spins}: debit the stake, draw the outcome, credit the win. */
final class SpinApi {
  record SpinResult(
      String transactionId,
      String gameId,
      long stakeCents,
      long winCents,
      long balanceCents,
      String currency) {}

  private final Wallets wallets;
  private final GameCatalogue games;
  private final Paytable paytable;
  private final String currency;

  SpinApi(Wallets wallets, GameCatalogue games, Paytable paytable, String currency) {
    this.wallets = wallets;
    this.games = games;
    this.paytable = paytable;
    this.currency = currency;
  }

  ApiResponse spin(String playerId, ApiRequest request, RandomGenerator random) {
    Optional<String> key = request.idempotencyKey();
    if (key.isEmpty()) {
      return OutcomeResponses.missingKey();
    }
    var body = request.jsonBody();
    Optional<String> gameId = body.flatMap(b -> ApiRequest.text(b, "gameId"));
    Optional<Long> stake = body.flatMap(b -> ApiRequest.positiveLong(b, "stakeCents"));
    if (gameId.isEmpty() || stake.isEmpty()) {
      return ApiResponse.badRequest(
          "expected a JSON object with gameId and stakeCents (a whole number >= 1)");
    }
    Optional<GameCatalogue.Game> game = games.find(gameId.get());
    if (game.isEmpty()) {
      return ApiResponse.error(404, "unknown_game", "no game with id '" + gameId.get() + "'");
    }
    long stakeCents = stake.get();
    if (stakeCents < game.get().minStakeCents() || stakeCents > game.get().maxStakeCents()) {
      return ApiResponse.error(
          400,
          "stake_out_of_range",
          "stake must be within "
              + game.get().minStakeCents()
              + ".."
              + game.get().maxStakeCents()
              + " cents for "
              + gameId.get());
    }
    long winCents = paytable.drawWinCents(stakeCents, random);
    var outcome = wallets.open(playerId).spin(key.get(), gameId.get(), stakeCents, winCents);
    return OutcomeResponses.of(
        outcome,
        tx ->
            new SpinResult(
                tx.id(),
                tx.gameId(),
                tx.amountCents(),
                tx.winCents(),
                tx.balanceAfterCents(),
                currency));
  }
}
