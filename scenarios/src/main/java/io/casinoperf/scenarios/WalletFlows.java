package io.casinoperf.scenarios;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.casinoperf.scenarios.breaker.Guard;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

/**
 * Deposits, withdrawals, balance reads and the transaction list. Money calls carry an idempotency
 * key and check the balance arithmetic; each keeps {@value SessionKeys#BALANCE} current.
 */
public final class WalletFlows {
  /** Where the last deposit or withdrawal went, for its retry. */
  private static final String RETRY_PATH = "retryPath";

  private WalletFlows() {}

  /** Deposits {@code amountCents} with a fresh idempotency key. */
  public static ChainBuilder deposit(long amountCents) {
    return transfer("Deposit", "/api/wallet/deposits", amountCents, true);
  }

  /** Withdraws {@code amountCents} with a fresh idempotency key. */
  public static ChainBuilder withdraw(long amountCents) {
    return transfer("Withdraw", "/api/wallet/withdrawals", amountCents, false);
  }

  /**
   * Sends the last deposit or withdrawal again with the same key, as a client does after a
   * timeout: the platform must answer with the first transaction and move no money.
   */
  public static final ChainBuilder RETRY_LAST_TRANSFER =
      Guard.request(
          http("Retry transfer (same key)")
              .post("#{" + RETRY_PATH + "}")
              .header("Authorization", Login.BEARER)
              .header(IdempotencyKeys.HEADER, IdempotencyKeys.VALUE)
              .body(StringBody("{\"amountCents\":#{" + SessionKeys.AMOUNT + "}}"))
              .check(
                  status().is(200),
                  header("Idempotent-Replayed").is("true"),
                  jsonPath("$.transactionId").isEL("#{" + SessionKeys.TRANSACTION_ID + "}")));

  /**
   * Reads the wallet and starts this virtual user's own ledger: the balance and transaction count
   * that {@link #RECONCILE} compares with at the end.
   */
  public static final ChainBuilder READ_WALLET =
      Guard.request(
          http("Wallet")
              .get("/api/wallet")
              .header("Authorization", Login.BEARER)
              .check(
                  status().is(200),
                  jsonPath("$.balanceCents").ofLong().saveAs(SessionKeys.BALANCE),
                  jsonPath("$.transactionCount").ofLong().saveAs(SessionKeys.EXPECTED_TRANSACTIONS)));

  /**
   * Compares the wallet with this virtual user's own ledger: the balance must be the last one
   * confirmed and the transaction count the number of confirmed movements. A lost or duplicated
   * transaction fails this request.
   */
  public static final ChainBuilder RECONCILE =
      Guard.request(
          http("Reconcile wallet")
              .get("/api/wallet")
              .header("Authorization", Login.BEARER)
              .check(
                  status().is(200),
                  jsonPath("$.balanceCents").ofLong().isEL("#{" + SessionKeys.BALANCE + "}"),
                  jsonPath("$.transactionCount")
                      .ofLong()
                      .isEL("#{" + SessionKeys.EXPECTED_TRANSACTIONS + "}")));

  /** Reads the balance and checks it against the balance this virtual user saw last. */
  public static final ChainBuilder CHECK_BALANCE =
      Guard.request(
          http("Balance")
              .get("/api/wallet")
              .header("Authorization", Login.BEARER)
              .check(
                  status().is(200),
                  jsonPath("$.balanceCents").ofLong().isEL("#{" + SessionKeys.BALANCE + "}")));

  public static final ChainBuilder LIST_TRANSACTIONS =
      Guard.request(
          http("Transactions")
              .get("/api/wallet/transactions?limit=20")
              .header("Authorization", Login.BEARER)
              .check(status().is(200), jsonPath("$.transactions").exists()));

  private static ChainBuilder transfer(String name, String path, long amountCents, boolean deposit) {
    if (amountCents < 1) {
      throw new IllegalArgumentException(name + " amount must be >= 1 cent, was " + amountCents);
    }
    HttpRequestActionBuilder request =
        http(name)
            .post(path)
            .header("Authorization", Login.BEARER)
            .header(IdempotencyKeys.HEADER, IdempotencyKeys.VALUE)
            .body(StringBody("{\"amountCents\":#{" + SessionKeys.AMOUNT + "}}"))
            .check(
                status().is(200),
                jsonPath("$")
                    .ofMap()
                    .transformWithSession(
                        (body, session) ->
                            BalanceArithmetic.transfer(
                                body, session.getLong(SessionKeys.BALANCE), amountCents, deposit))
                    .is(BalanceArithmetic.CONSISTENT),
                jsonPath("$.transactionId").saveAs(SessionKeys.TRANSACTION_ID),
                jsonPath("$.balanceCents").ofLong().saveAs(SessionKeys.BALANCE));
    return exec(
            session ->
                IdempotencyKeys.fresh(session)
                    .set(SessionKeys.AMOUNT, amountCents)
                    .set(RETRY_PATH, path)
                    .remove(SessionKeys.TRANSACTION_ID))
        .exec(Guard.request(request))
        .exec(Ledger::countIfMoved);
  }
}
