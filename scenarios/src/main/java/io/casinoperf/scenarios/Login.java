package io.casinoperf.scenarios;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;

/** Logging in: saves the bearer token and the opening balance. Needs an account in the session. */
public final class Login {
  private Login() {}

  public static final ChainBuilder LOGIN =
      exec(
          http("Login")
              .post("/api/auth/login")
              .body(
                  StringBody(
                      "{\"playerId\":\"#{" + SessionKeys.PLAYER_ID + "}\",\"password\":\"#{"
                          + SessionKeys.PASSWORD + "}\"}"))
              .check(
                  status().is(200),
                  jsonPath("$.token").saveAs(SessionKeys.TOKEN),
                  jsonPath("$.balanceCents").ofLong().saveAs(SessionKeys.BALANCE)));

  /** The {@code Authorization} header value for the logged-in player. */
  static final String BEARER = "Bearer #{" + SessionKeys.TOKEN + "}";
}
