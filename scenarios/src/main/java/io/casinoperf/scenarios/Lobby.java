package io.casinoperf.scenarios;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;

/** Opening the lobby: saves its games (id and stake limits) for the spins that follow. */
public final class Lobby {
  private Lobby() {}

  public static final ChainBuilder OPEN =
      exec(
          http("Lobby")
              .get("/api/lobby")
              .header("Authorization", Login.BEARER)
              .check(
                  status().is(200),
                  jsonPath("$.games[*]").ofMap().findAll().saveAs(SessionKeys.GAMES)));
}
