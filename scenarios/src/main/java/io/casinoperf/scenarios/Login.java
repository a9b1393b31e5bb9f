package io.casinoperf.scenarios;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.casinoperf.scenarios.breaker.Guard;
import io.casinoperf.scenarios.live.Users;
import io.gatling.javaapi.core.ChainBuilder;

/**
 * Logging in: saves the bearer token and the opening balance. Needs an account in the session. A
 * player whose login fails leaves: nothing after it works without a token.
 */
public final class Login {
  private Login() {}

  public static final ChainBuilder LOGIN =
      Guard.request("Login", request -> request
              .post("/api/auth/login")
              .body(
                  // jsonStringify(): quoted and escaped, so a password holding " or \ stays
                  // one JSON string.
                  StringBody(
                      "{\"playerId\":#{" + SessionKeys.PLAYER_ID + ".jsonStringify()},\"password\":#{"
                          + SessionKeys.PASSWORD + ".jsonStringify()}}"))
              .check(
                  status().is(200),
                  jsonPath("$.token").saveAs(SessionKeys.TOKEN),
                  jsonPath("$.balanceCents").ofLong().saveAs(SessionKeys.BALANCE)))
          .exec(Users.leaveHereIfFailed());

  /** The {@code Authorization} header value for the logged-in player. */
  static final String BEARER = "Bearer #{" + SessionKeys.TOKEN + "}";
}
