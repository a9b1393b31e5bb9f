package io.casinoperf.scenarios;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.repeat;
import static io.gatling.javaapi.http.HttpDsl.ws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatling.http.action.ws.WsInboundMessage;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * A live player session on the balance WebSocket: connect with the token and check the balance
 * snapshot, then spin over HTTP and wait for the platform to push the new balance on the socket,
 * checking it matches the spin's balance; finally close.
 *
 * <p>Gatling cannot await a socket message while an HTTP request of the same virtual user is in
 * flight, so pushes are buffered ({@link PlatformProtocol}) and looked for right after the spin,
 * then every {@link #POLL_INTERVAL} until the timeout. Each spin and its push form the group
 * {@value #SPIN_TO_PUSH}: with Gatling's group-duration metric on, its time is from sending the
 * spin to seeing the push (to within the poll interval), and it fails when the push is missing or
 * carries another balance.
 */
public final class BalanceChannelJourney {
  /** Name of the group that times a spin until its balance push is seen. */
  public static final String SPIN_TO_PUSH = "Spin to balance push";
  /** Name of the awaited first message after connecting. */
  public static final String SNAPSHOT = "Balance snapshot";

  static final Duration POLL_INTERVAL = Duration.ofMillis(5);
  private static final String PUSH_SEEN = "pushSeen";
  private static final String POLLS = "pushPolls";
  private static final ObjectMapper JSON = new ObjectMapper();

  private BalanceChannelJourney() {}

  /** Opens the balance channel and checks that the snapshot shows the balance from login. */
  public static ChainBuilder connect(Duration timeout) {
    return exec(
        ws("Connect balance channel")
            .connect("/ws/balance")
            .header("Authorization", Login.BEARER)
            .await(timeout)
            .on(
                ws.checkTextMessage(SNAPSHOT)
                    .check(
                        jsonPath("$.type").is("balance"),
                        jsonPath("$.balanceCents").ofLong().isEL("#{" + SessionKeys.BALANCE + "}"))));
  }

  /** {@code spins} spins, each timed until its balance push arrives (at most {@code pushTimeout}). */
  public static ChainBuilder spinsWithPush(
      int spins, Duration minThink, Duration maxThink, Duration pushTimeout) {
    if (spins < 1) {
      throw new IllegalArgumentException("spins per session must be >= 1, was " + spins);
    }
    long maxPolls = Math.max(1, pushTimeout.toMillis() / POLL_INTERVAL.toMillis());
    ChainBuilder awaitPush =
        exec(session -> session.set(PUSH_SEEN, false).set(POLLS, 0L))
            .asLongAs(
                session ->
                    session.contains(SessionKeys.TRANSACTION_ID)
                        && !session.getBoolean(PUSH_SEEN)
                        && session.getLong(POLLS) < maxPolls)
            .on(
                exec(ws.processUnmatchedMessages(BalanceChannelJourney::lookForPush))
                    .doIf(session -> !session.getBoolean(PUSH_SEEN))
                    .then(
                        exec(session -> session.set(POLLS, session.getLong(POLLS) + 1))
                            .pause(POLL_INTERVAL)))
            .exec(
                session ->
                    session.contains(SessionKeys.TRANSACTION_ID) && !session.getBoolean(PUSH_SEEN)
                        ? session.markAsFailed()
                        : session);
    return repeat(spins)
        .on(group(SPIN_TO_PUSH).on(exec(Spins.SPIN).exec(awaitPush)).pause(minThink, maxThink));
  }

  public static final ChainBuilder CLOSE = exec(ws("Close balance channel").close());

  /**
   * Looks through buffered messages for the push of the last spin. Marks the session failed when
   * the push carries a balance other than the one the spin returned.
   */
  static Session lookForPush(List<WsInboundMessage> messages, Session session) {
    String transactionId = session.getString(SessionKeys.TRANSACTION_ID);
    for (WsInboundMessage message : messages) {
      if (!(message instanceof WsInboundMessage.Text text)) {
        continue;
      }
      JsonNode push = parse(text.message());
      if (push == null || !transactionIdMatches(push, transactionId)) {
        continue;
      }
      Session seen = session.set(PUSH_SEEN, true);
      long pushed = push.path("balanceCents").asLong(Long.MIN_VALUE);
      return pushed == session.getLong(SessionKeys.BALANCE) ? seen : seen.markAsFailed();
    }
    return session;
  }

  private static boolean transactionIdMatches(JsonNode push, String transactionId) {
    return "balance".equals(push.path("type").asText())
        && transactionId != null
        && transactionId.equals(push.path("transactionId").asText(null));
  }

  private static JsonNode parse(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      return null;
    }
  }
}
