package io.casinoperf.scenarios;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.csv;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.repeat;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.casinoperf.scenarios.breaker.Guard;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.FeederBuilder;
import io.gatling.javaapi.core.Session;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Spinning slots. Each spin picks a game from the lobby, takes a stake from {@code stakes.csv}
 * (kept within the game's limits), tops the wallet up when the balance is short, and checks that
 * {@code balance = before − stake + win}. Needs {@link Login} and {@link Lobby} first.
 */
public final class Spins {
  /** Amount deposited when the balance cannot cover the next stake, in cents. */
  public static final long TOP_UP_CENTS = 50_00;

  private static final FeederBuilder<String> STAKES = csv("stakes.csv").random();

  private Spins() {}

  /** One spin: choose game and stake, top up if needed, spin with a fresh idempotency key. */
  public static final ChainBuilder SPIN =
      feed(STAKES)
          .exec(Spins::chooseGameAndStake)
          .doIf(Spins::balanceShort)
          .then(WalletFlows.deposit(TOP_UP_CENTS))
          .exec(
              session ->
                  IdempotencyKeys.fresh(session)
                      .removeAll(SessionKeys.TRANSACTION_ID, SessionKeys.WIN))
          .exec(
              Guard.request("Spin", request -> request
                      .post("/api/spins")
                      .header("Authorization", Login.BEARER)
                      .header(IdempotencyKeys.HEADER, IdempotencyKeys.VALUE)
                      .body(
                          StringBody(
                              "{\"gameId\":\"#{" + SessionKeys.GAME_ID + "}\",\"stakeCents\":#{"
                                  + SessionKeys.SPIN_STAKE + "}}"))
                      .check(
                          status().is(200),
                          jsonPath("$")
                              .ofMap()
                              .transformWithSession(
                                  (body, session) ->
                                      BalanceArithmetic.spin(
                                          body,
                                          session.getLong(SessionKeys.BALANCE),
                                          session.getLong(SessionKeys.SPIN_STAKE)))
                              .is(BalanceArithmetic.CONSISTENT),
                          jsonPath("$.transactionId").saveAs(SessionKeys.TRANSACTION_ID),
                          jsonPath("$.winCents").ofLong().saveAs(SessionKeys.WIN),
                          jsonPath("$.balanceCents").ofLong().saveAs(SessionKeys.BALANCE))))
          .exec(
              session ->
                  Ledger.recordIfMoved(
                      session,
                      (session.contains(SessionKeys.WIN) ? session.getLong(SessionKeys.WIN) : 0)
                          - session.getLong(SessionKeys.SPIN_STAKE)));

  /**
   * A session of {@code spins} spins with a uniformly random think time between spins.
   *
   * @throws IllegalArgumentException for fewer than one spin or think times out of order
   */
  public static ChainBuilder session(int spins, Duration minThink, Duration maxThink) {
    if (spins < 1) {
      throw new IllegalArgumentException("spins per session must be >= 1, was " + spins);
    }
    if (minThink.isNegative() || maxThink.compareTo(minThink) < 0) {
      throw new IllegalArgumentException(
          "think time must satisfy 0 <= min <= max, was " + minThink + ".." + maxThink);
    }
    return repeat(spins).on(exec(SPIN).pause(minThink, maxThink));
  }

  static Session chooseGameAndStake(Session session) {
    List<Map<String, Object>> games = session.getList(SessionKeys.GAMES);
    if (games == null || games.isEmpty()) {
      return session.markAsFailed();
    }
    Map<String, Object> game = games.get(ThreadLocalRandom.current().nextInt(games.size()));
    long wanted = Long.parseLong(session.getString(SessionKeys.STAKE));
    long min = ((Number) game.get("minStakeCents")).longValue();
    long max = ((Number) game.get("maxStakeCents")).longValue();
    long stake = Math.max(min, Math.min(max, wanted));
    return session
        .set(SessionKeys.GAME_ID, game.get("id"))
        .set(SessionKeys.SPIN_STAKE, stake);
  }

  private static boolean balanceShort(Session session) {
    return session.getLong(SessionKeys.BALANCE) < session.getLong(SessionKeys.SPIN_STAKE);
  }
}
