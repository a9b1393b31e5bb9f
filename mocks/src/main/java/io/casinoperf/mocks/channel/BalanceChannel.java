package io.casinoperf.mocks.channel;

import io.casinoperf.mocks.api.Json;
import io.casinoperf.mocks.auth.PlayerSessions;
import io.casinoperf.mocks.conditions.PlatformConditions;
import io.casinoperf.mocks.wallet.BalanceListener;
import io.casinoperf.mocks.wallet.BalanceUpdate;
import io.casinoperf.mocks.wallet.Wallets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.jetty.websocket.server.JettyServerUpgradeRequest;
import org.eclipse.jetty.websocket.server.JettyServerUpgradeResponse;

/**
 * The players' balance channel at {@value #PATH}: a WebSocket per open player session. On connect
 * the server sends the current balance; after every wallet transaction it pushes the new balance
 * to each of the player's open sockets. A text {@code {"type":"ping"}} is answered with {@code
 * {"type":"pong"}}. In {@code faulty} mode a share of pushes is lost, as with a broken message
 * bus. The upgrade needs the player's token as {@code Authorization: Bearer <token>}
 * or as the {@code token} query parameter (for browsers); without a valid one it is refused with
 * 401. Thread-safe.
 */
public final class BalanceChannel implements BalanceListener {
  public static final String PATH = "/ws/balance";

  /**
   * A message on the channel.
   *
   * @param type {@code balance} (snapshot on connect, then one per transaction) or {@code pong}
   * @param sequence the wallet's transaction count after this change; a client can order and
   *     detect gaps with it
   */
  public record BalanceMessage(
      String type,
      String playerId,
      long sequence,
      long balanceCents,
      String transactionId,
      String transactionType) {

    static BalanceMessage of(BalanceUpdate update) {
      return new BalanceMessage(
          "balance",
          update.playerId(),
          update.sequence(),
          update.balanceCents(),
          update.transactionId(),
          update.transactionType() == null ? null : update.transactionType().name());
    }
  }

  private final PlayerSessions sessions;
  private final PlatformConditions conditions;
  private volatile Wallets wallets;
  private final ConcurrentMap<String, Set<BalanceSocket>> socketsByPlayer =
      new ConcurrentHashMap<>();

  public BalanceChannel(PlayerSessions sessions, PlatformConditions conditions) {
    this.sessions = sessions;
    this.conditions = conditions;
  }

  /** The wallets whose snapshots a new socket receives; set once, before the server starts. */
  public void attach(Wallets wallets) {
    this.wallets = wallets;
  }

  @Override
  public void balanceChanged(BalanceUpdate update) {
    Set<BalanceSocket> sockets = socketsByPlayer.get(update.playerId());
    if (sockets == null || sockets.isEmpty() || conditions.losePush(ThreadLocalRandom.current())) {
      return;
    }
    String text = Json.write(BalanceMessage.of(update));
    for (BalanceSocket socket : sockets) {
      socket.send(text);
    }
  }

  /** Open sockets right now, across all players. */
  public int openSockets() {
    return socketsByPlayer.values().stream().mapToInt(Set::size).sum();
  }

  /** Decides an upgrade request: a socket for a valid token, 401 otherwise. */
  Object accept(JettyServerUpgradeRequest request, JettyServerUpgradeResponse response) {
    String token = tokenOf(request);
    var player = sessions.playerFor(token);
    if (player.isEmpty()) {
      try {
        response.sendError(401, "a valid player token is required");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return null;
    }
    return new BalanceSocket(player.get(), this);
  }

  void opened(BalanceSocket socket) {
    socketsByPlayer
        .computeIfAbsent(socket.playerId(), id -> new CopyOnWriteArraySet<>())
        .add(socket);
    socket.send(Json.write(BalanceMessage.of(wallets.open(socket.playerId()).snapshot())));
  }

  void closed(BalanceSocket socket) {
    socketsByPlayer.computeIfPresent(
        socket.playerId(),
        (id, sockets) -> {
          sockets.remove(socket);
          return sockets.isEmpty() ? null : sockets;
        });
  }

  static String pong() {
    return Json.write(new BalanceMessage("pong", null, 0, 0, null, null));
  }

  private static String tokenOf(JettyServerUpgradeRequest request) {
    String header = request.getHeader("Authorization");
    if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return header.substring(7).trim();
    }
    List<String> fromQuery = request.getParameterMap().get("token");
    return fromQuery == null || fromQuery.isEmpty() ? null : fromQuery.get(0);
  }
}
