package io.casinoperf.scenarios;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.casinoperf.scenarios.breaker.Guard;
import io.casinoperf.scenarios.live.Users;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.http.Http;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.util.function.Function;

/**
 * Deposits, withdrawals, balance reads, the transaction list and the end-of-journey reconciliation.
 * Money calls carry an idempotency key and check the balance arithmetic; each keeps {@value
 * SessionKeys#BALANCE} current and records what it moved in the virtual user's {@link Ledger}.
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
      Guard.request("Retry transfer (same key)", request -> request
              .post("#{" + RETRY_PATH + "}")
              .header("Authorization", Login.BEARER)
              .header(IdempotencyKeys.HEADER, IdempotencyKeys.VALUE)
              .body(StringBody("{\"amountCents\":#{" + SessionKeys.AMOUNT + "}}"))
              .check(
                  status().is(200),
                  header("Idempotent-Replayed").is("true"),
                  jsonPath("$.transactionId").isEL("#{" + SessionKeys.TRANSACTION_ID + "}")));

  /**
   * Reads the wallet and opens this virtual user's own {@link Ledger} from its balance and
   * transaction count, which {@link #RECONCILE} compares with at the end. A player whose wallet
   * cannot be read leaves here: without an opening balance nothing can be reconciled.
   */
  public static final ChainBuilder READ_WALLET =
      Guard.request("Wallet", request -> request
                  .get("/api/wallet")
                  .header("Authorization", Login.BEARER)
                  .check(
                      status().is(200),
                      jsonPath("$.balanceCents").ofLong().saveAs(SessionKeys.BALANCE),
                      jsonPath("$.transactionCount")
                          .ofLong()
                          .saveAs(SessionKeys.OPENING_TRANSACTIONS)))
          .exec(Users.leaveHereIfFailed())
          .exec(
              session ->
                  session.set(
                      SessionKeys.LEDGER,
                      Ledger.opening(
                          session.getLong(SessionKeys.BALANCE),
                          session.getLong(SessionKeys.OPENING_TRANSACTIONS))));

  /**
   * Compares the wallet with this virtual user's own ledger: first the transaction list is read
   * ({@code Reconcile transactions}), then the wallet ({@code Reconcile wallet}), whose balance and
   * transaction count must equal the ledger's and whose list must hold every confirmed movement and
   * nothing booked twice. A lost or duplicated transaction fails {@code Reconcile wallet} with a
   * message starting {@link MoneyChecks#MISMATCH_PREFIX}; a request that fails for another reason
   * (a 503, no answer) is an ordinary KO. Needs {@link #READ_WALLET} first.
   */
  public static final ChainBuilder RECONCILE =
      exec(session -> session.remove(SessionKeys.LISTED_TRANSACTIONS))
          .exec(
              Guard.request("Reconcile transactions", request -> request
                      .get("/api/wallet/transactions?limit=" + Ledger.KEPT_MOVEMENTS)
                      .header("Authorization", Login.BEARER)
                      .check(
                          status().is(200),
                          jsonPath("$.transactions")
                              .ofList()
                              .saveAs(SessionKeys.LISTED_TRANSACTIONS))))
          .exec(
              Guard.request("Reconcile wallet", request -> request
                      .get("/api/wallet")
                      .header("Authorization", Login.BEARER)
                      .check(
                          // Request failures first: Gatling reports the first failing check.
                          status().is(200),
                          jsonPath("$.balanceCents").ofLong().exists(),
                          jsonPath("$.transactionCount").ofLong().exists(),
                          MoneyChecks.reconciled())));

  /** Reads the balance and checks it against the balance this virtual user saw last. */
  public static final ChainBuilder CHECK_BALANCE =
      Guard.request("Balance", request -> request
              .get("/api/wallet")
              .header("Authorization", Login.BEARER)
              .check(
                  status().is(200),
                  jsonPath("$.balanceCents").ofLong().isEL("#{" + SessionKeys.BALANCE + "}")));

  public static final ChainBuilder LIST_TRANSACTIONS =
      Guard.request("Transactions", request -> request
              .get("/api/wallet/transactions?limit=20")
              .header("Authorization", Login.BEARER)
              .check(status().is(200), jsonPath("$.transactions").exists()));

  private static ChainBuilder transfer(String name, String path, long amountCents, boolean deposit) {
    if (amountCents < 1) {
      throw new IllegalArgumentException(name + " amount must be >= 1 cent, was " + amountCents);
    }
    Function<Http, HttpRequestActionBuilder> request =
        http -> http
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
        .exec(Guard.request(name, request))
        .exec(session -> Ledger.recordIfMoved(session, deposit ? amountCents : -amountCents));
  }
}
