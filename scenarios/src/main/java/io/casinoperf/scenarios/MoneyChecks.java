package io.casinoperf.scenarios;

import static io.gatling.javaapi.core.CoreDsl.jsonPath;

import io.gatling.javaapi.core.CheckBuilder;
import io.gatling.javaapi.core.Session;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The end-of-journey money check: the wallet against the virtual user's own {@link Ledger}.
 *
 * <p>A failed {@code Reconcile wallet} request is one of two things, told apart by its KO message
 * in {@code simulation.log} alone:
 *
 * <ul>
 *   <li><b>a money mismatch</b>: the message starts with {@link #MISMATCH_PREFIX} and reads
 *       <pre>{@code
 * money mismatch, found player <id>: balance <cents> cents, expected <cents> cents (<±difference>);
 * transactions <count>, expected <count>; missing <ids>; unexpected <ids>
 * }</pre>
 *       where {@code missing} are transactions the platform confirmed to this player but no longer
 *       lists, {@code unexpected} those it lists under one of the player's idempotency keys but
 *       never confirmed (a retry booked twice), each at most {@value #LISTED_IDS} ids then {@code
 *       and N more}, or {@code none}; when the transaction list could not be read, {@code
 *       transaction list unavailable} stands in for both.
 *   <li><b>a failed request</b> (non-2xx status, no response, a body without the balance): Gatling's
 *       ordinary message, such as {@code status.find.is(200), but actually found 503}, which never
 *       starts with the prefix.
 * </ul>
 *
 * <p>The prefix is the check's name ({@code money mismatch}) followed by the separator Gatling puts
 * between a check's name and its validation failure; {@code "found "} that follows is Gatling's
 * too. The check's other failures (a crash while extracting) read {@code money mismatch extraction
 * crashed: …} and do not match.
 */
public final class MoneyChecks {
  /** Start of the KO message of a money mismatch, and of nothing else. */
  public static final String MISMATCH_PREFIX = "money mismatch, ";

  /** Most transaction ids named per kind in a mismatch message. */
  static final int LISTED_IDS = 5;

  /** What the comparison answers when wallet and ledger agree. */
  static final String RECONCILED = "reconciled";

  private static final String CHECK_NAME = "money mismatch";

  private MoneyChecks() {}

  /**
   * A check on a {@code GET /api/wallet} answer comparing it with the session's {@link Ledger}
   * and the transaction list saved under {@value SessionKeys#LISTED_TRANSACTIONS}. Put it after
   * the checks that the answer is a 200 with a balance and a count: Gatling reports the first
   * failing check, so a failed request never reaches this one's message.
   */
  static CheckBuilder reconciled() {
    return jsonPath("$")
        .ofMap()
        .transformWithSession(MoneyChecks::compare)
        .is(RECONCILED)
        .name(CHECK_NAME)
        .logActualValueInError(true);
  }

  private static String compare(Map<String, Object> wallet, Session session) {
    Ledger ledger = session.get(SessionKeys.LEDGER);
    if (ledger == null) {
      throw new IllegalStateException("no own ledger: READ_WALLET must come before RECONCILE");
    }
    Object player = session.contains(SessionKeys.PLAYER_ID)
        ? session.getString(SessionKeys.PLAYER_ID)
        : wallet.get("playerId");
    return compare(
        String.valueOf(player),
        cents(wallet, "balanceCents"),
        cents(wallet, "transactionCount"),
        session.getList(SessionKeys.LISTED_TRANSACTIONS),
        ledger);
  }

  /**
   * {@link #RECONCILED}, or the description of the mismatch (the KO message after {@code found}).
   *
   * <p>The transaction list (newest first, each entry a map with {@code id} and {@code
   * idempotencyKey}) is complete when it holds at least {@code transactions} entries; then every
   * movement of the ledger must be in it. A list cut short only vouches for movements newer than
   * the oldest of the player's movements it still shows.
   *
   * @param listed the platform's transaction list, or {@code null} when it could not be read
   */
  static String compare(
      String playerId, long balanceCents, long transactions, List<?> listed, Ledger ledger) {
    boolean listUsable = listed != null && listed.stream().allMatch(MoneyChecks::hasId);
    List<String> missing = listUsable ? missing(listed, transactions, ledger) : List.of();
    List<String> unexpected = listUsable ? unexpected(listed, ledger) : List.of();
    if (balanceCents == ledger.balanceCents()
        && transactions == ledger.transactions()
        && missing.isEmpty()
        && unexpected.isEmpty()) {
      return RECONCILED;
    }
    long difference = balanceCents - ledger.balanceCents();
    return "player " + playerId
        + ": balance " + balanceCents + " cents, expected " + ledger.balanceCents() + " cents ("
        + (difference >= 0 ? "+" : "") + difference + ")"
        + "; transactions " + transactions + ", expected " + ledger.transactions()
        + (listUsable
            ? "; missing " + ids(missing) + "; unexpected " + ids(unexpected)
            : "; transaction list unavailable");
  }

  private static List<String> missing(List<?> listed, long transactions, Ledger ledger) {
    Set<String> listedIds = new HashSet<>();
    for (Object entry : listed) {
      listedIds.add(text(entry, "id"));
    }
    List<Ledger.Movement> movements = ledger.newest();
    int from = 0;
    if (listed.size() < transactions) {
      // Cut short: only movements after the oldest one still listed can be judged.
      from = movements.size();
      for (int i = 0; i < movements.size(); i++) {
        if (listedIds.contains(movements.get(i).transactionId())) {
          from = i + 1;
          break;
        }
      }
    }
    List<String> missing = new ArrayList<>();
    for (Ledger.Movement movement : movements.subList(from, movements.size())) {
      if (!listedIds.contains(movement.transactionId())) {
        missing.add(movement.transactionId());
      }
    }
    return missing;
  }

  private static List<String> unexpected(List<?> listed, Ledger ledger) {
    Set<String> keys = new HashSet<>();
    Set<String> confirmed = new HashSet<>();
    for (Ledger.Movement movement : ledger.newest()) {
      keys.add(movement.idempotencyKey());
      confirmed.add(movement.transactionId());
    }
    List<String> unexpected = new ArrayList<>();
    for (int i = listed.size() - 1; i >= 0; i--) {
      Object entry = listed.get(i);
      String key = text(entry, "idempotencyKey");
      String id = text(entry, "id");
      if (key != null && keys.contains(key) && !confirmed.contains(id)) {
        unexpected.add(id);
      }
    }
    return unexpected;
  }

  private static String ids(List<String> ids) {
    if (ids.isEmpty()) {
      return "none";
    }
    String named = String.join(", ", ids.subList(0, Math.min(LISTED_IDS, ids.size())));
    return ids.size() > LISTED_IDS ? named + " and " + (ids.size() - LISTED_IDS) + " more" : named;
  }

  private static boolean hasId(Object entry) {
    return text(entry, "id") != null;
  }

  private static String text(Object entry, String field) {
    return entry instanceof Map<?, ?> map && map.get(field) instanceof String value ? value : null;
  }

  private static long cents(Map<String, Object> body, String field) {
    if (body.get(field) instanceof Number number) {
      return number.longValue();
    }
    throw new IllegalStateException("the wallet answer has no " + field);
  }
}
