package io.casinoperf.mocks.channel;

import io.casinoperf.mocks.api.Json;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.WebSocketListener;
import org.eclipse.jetty.websocket.api.WriteCallback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One open balance socket of one player. Sends are asynchronous and keep their order. */
final class BalanceSocket implements WebSocketListener {
  private static final Logger LOG = LoggerFactory.getLogger(BalanceSocket.class);

  private final String playerId;
  private final BalanceChannel channel;
  private volatile Session session;

  BalanceSocket(String playerId, BalanceChannel channel) {
    this.playerId = playerId;
    this.channel = channel;
  }

  String playerId() {
    return playerId;
  }

  @Override
  public void onWebSocketConnect(Session session) {
    this.session = session;
    channel.opened(this);
  }

  @Override
  public void onWebSocketText(String message) {
    boolean ping =
        Json.readObject(message)
            .map(node -> "ping".equals(node.path("type").asText()))
            .orElse(false);
    if (ping) {
      send(BalanceChannel.pong());
    }
  }

  @Override
  public void onWebSocketBinary(byte[] payload, int offset, int len) {
    // The channel speaks text only; binary frames are ignored.
  }

  @Override
  public void onWebSocketClose(int statusCode, String reason) {
    channel.closed(this);
  }

  @Override
  public void onWebSocketError(Throwable cause) {
    LOG.debug("balance socket of {} failed", playerId, cause);
    channel.closed(this);
  }

  void send(String text) {
    Session open = session;
    if (open == null || !open.isOpen()) {
      return;
    }
    open.getRemote()
        .sendString(
            text,
            new WriteCallback() {
              @Override
              public void writeFailed(Throwable cause) {
                LOG.debug("push to {} failed", playerId, cause);
              }
            });
  }
}
