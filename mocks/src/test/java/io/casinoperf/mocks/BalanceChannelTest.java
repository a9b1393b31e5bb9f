package io.casinoperf.mocks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The balance WebSocket on the platform's own port, driven by the JDK's WebSocket platform.client(). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BalanceChannelTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension final RunningPlatform platform = RunningPlatform.instant();
  private final HttpClient http = HttpClient.newHttpClient();


  /** Collects the text messages of one socket. */
  static final class Inbox implements WebSocket.Listener {
    final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        try {
          messages.add(JSON.readTree(partial.toString()));
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
        partial.setLength(0);
      }
      socket.request(1);
      return null;
    }

    JsonNode next() throws InterruptedException {
      JsonNode message = messages.poll(5, TimeUnit.SECONDS);
      assertThat(message).as("a message within 5 s").isNotNull();
      return message;
    }
  }

  private WebSocket connect(String token, Inbox inbox) throws Exception {
    return http.newWebSocketBuilder()
        .header("Authorization", "Bearer " + token)
        .connectTimeout(Duration.ofSeconds(5))
        .buildAsync(platform.mock().balanceChannelUrl(), inbox)
        .get(5, TimeUnit.SECONDS);
  }

  @Test
  void connectSendsSnapshotThenEverySpinPushesTheNewBalance() throws Exception {
    String token = platform.client().login("ws-push");
    Inbox inbox = new Inbox();
    WebSocket socket = connect(token, inbox);

    JsonNode snapshot = inbox.next();
    assertThat(snapshot.get("type").asText()).isEqualTo("balance");
    assertThat(snapshot.get("balanceCents").asLong()).isEqualTo(100_000);
    assertThat(snapshot.get("sequence").asLong()).isZero();

    for (int i = 1; i <= 3; i++) {
      var spin = platform.client().spin(token, PlatformClient.newKey(), "lucky-sevens", 100);
      JsonNode push = inbox.next();
      assertThat(push.get("transactionId").asText())
          .isEqualTo(spin.body().get("transactionId").asText());
      assertThat(push.get("balanceCents").asLong())
          .isEqualTo(spin.body().get("balanceCents").asLong());
      assertThat(push.get("sequence").asLong()).isEqualTo(i);
    }
    socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
  }

  @Test
  void everyOpenSocketOfThePlayerGetsThePushAndOtherPlayersNone() throws Exception {
    String token = platform.client().login("ws-two-devices");
    String otherToken = platform.client().login("ws-bystander");
    Inbox phone = new Inbox();
    Inbox tablet = new Inbox();
    Inbox bystander = new Inbox();
    connect(token, phone);
    connect(token, tablet);
    connect(otherToken, bystander);
    phone.next();
    tablet.next();
    bystander.next();

    var deposit = platform.client().deposit(token, PlatformClient.newKey(), 1_234);

    long balance = deposit.body().get("balanceCents").asLong();
    assertThat(phone.next().get("balanceCents").asLong()).isEqualTo(balance);
    assertThat(tablet.next().get("balanceCents").asLong()).isEqualTo(balance);
    assertThat(bystander.messages.poll(300, TimeUnit.MILLISECONDS)).isNull();
  }

  @Test
  void pingIsAnsweredWithPong() throws Exception {
    Inbox inbox = new Inbox();
    WebSocket socket = connect(platform.client().login("ws-ping"), inbox);
    inbox.next();

    socket.sendText("{\"type\":\"ping\"}", true).get(5, TimeUnit.SECONDS);

    assertThat(inbox.next().get("type").asText()).isEqualTo("pong");
  }

  @Test
  void upgradeWithoutValidTokenIsRefused() {
    assertThatThrownBy(() -> connect("not-a-token", new Inbox()))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOfSatisfying(
            WebSocketHandshakeException.class,
            e -> assertThat(e.getResponse().statusCode()).isEqualTo(401));
  }

  @Test
  void closedSocketsAreForgotten() throws Exception {
    int before = platform.mock().balanceChannel().openSockets();
    Inbox inbox = new Inbox();
    WebSocket socket = connect(platform.client().login("ws-close"), inbox);
    inbox.next();
    assertThat(platform.mock().balanceChannel().openSockets()).isEqualTo(before + 1);

    socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(5, TimeUnit.SECONDS);

    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (platform.mock().balanceChannel().openSockets() > before && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(platform.mock().balanceChannel().openSockets()).isEqualTo(before);
  }
}
