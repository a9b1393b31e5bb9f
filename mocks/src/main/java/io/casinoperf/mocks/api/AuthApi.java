package io.casinoperf.mocks.api;

import io.casinoperf.mocks.auth.PlayerSessions;
import io.casinoperf.mocks.wallet.Wallets;
import java.util.Optional;

/** {@code POST /api/auth/login}: player id and password in, bearer token out. */
final class AuthApi {
  record LoginResult(String token, String playerId, long balanceCents, String currency) {}

  private final PlayerSessions sessions;
  private final Wallets wallets;
  private final String currency;

  AuthApi(PlayerSessions sessions, Wallets wallets, String currency) {
    this.sessions = sessions;
    this.wallets = wallets;
    this.currency = currency;
  }

  ApiResponse login(ApiRequest request) {
    var body = request.jsonBody();
    if (body.isEmpty()) {
      return ApiResponse.badRequest("expected a JSON object with playerId and password");
    }
    String playerId = ApiRequest.text(body.get(), "playerId").orElse(null);
    String password = ApiRequest.text(body.get(), "password").orElse(null);
    Optional<String> token = sessions.login(playerId, password);
    if (token.isEmpty()) {
      return ApiResponse.error(401, "invalid_credentials", "unknown player or wrong password");
    }
    long balance = wallets.open(playerId).balanceCents();
    return ApiResponse.ok(new LoginResult(token.get(), playerId, balance, currency));
  }
}
