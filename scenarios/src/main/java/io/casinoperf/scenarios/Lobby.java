package io.casinoperf.scenarios;

import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.casinoperf.scenarios.breaker.Guard;
import io.casinoperf.scenarios.live.Users;
import io.gatling.javaapi.core.ChainBuilder;

/**
 * Opening the lobby: saves its games (id and stake limits) for the spins that follow. A player
 * whose lobby does not open leaves: there is no game to spin.
 */
public final class Lobby {
  private Lobby() {}

  public static final ChainBuilder OPEN =
      Guard.request("Lobby", request -> request
              .get("/api/lobby")
              .header("Authorization", Login.BEARER)
              .check(
                  status().is(200),
                  jsonPath("$.games[*]").ofMap().findAll().saveAs(SessionKeys.GAMES)))
          .exec(Users.leaveHereIfFailed());
}
