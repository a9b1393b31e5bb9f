package io.casinoperf.scenarios;

/** Names of the Gatling session attributes the journeys share. */
public final class SessionKeys {
  /** The player's id, from the account feeder. */
  public static final String PLAYER_ID = "playerId";
  /** The player's password, from the account feeder. */
  public static final String PASSWORD = "password";
  /** Bearer token saved by {@link Login}. */
  public static final String TOKEN = "token";
  /** The balance the platform last reported, in cents. */
  public static final String BALANCE = "balanceCents";
  /** The wallet's transaction count when the journey opened its own ledger. */
  public static final String OPENING_TRANSACTIONS = "openingTransactions";
  /** The virtual user's own ledger of its wallet ({@code Ledger}), kept for the reconciliation. */
  public static final String LEDGER = "ownLedger";
  /** The platform's transaction list read for the reconciliation, newest first. */
  public static final String LISTED_TRANSACTIONS = "listedTransactions";
  /** Games of the lobby, each a map with id, minStakeCents and maxStakeCents. */
  public static final String GAMES = "games";
  /** The stake wanted for the next spin, in cents, from the stake feeder. */
  public static final String STAKE = "stakeCents";
  /** The game chosen for the next spin. */
  public static final String GAME_ID = "gameId";
  /** The stake actually played on the next spin (the wanted stake within the game's limits). */
  public static final String SPIN_STAKE = "spinStakeCents";
  /** The idempotency key of the current money-moving call. */
  public static final String IDEMPOTENCY_KEY = "idempotencyKey";
  /** The transaction id of the last money movement the platform confirmed. */
  public static final String TRANSACTION_ID = "transactionId";
  /** The win of the last spin, in cents. */
  public static final String WIN = "winCents";
  /** The amount of the current deposit or withdrawal, in cents. */
  public static final String AMOUNT = "amountCents";

  private SessionKeys() {}
}
