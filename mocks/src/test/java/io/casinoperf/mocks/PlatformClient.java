package io.casinoperf.mocks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

/** A small blocking client of the platform API for acceptance tests. */
final class PlatformClient {
  private static final ObjectMapper JSON = new ObjectMapper();

  record Reply(int status, JsonNode body, HttpResponse<String> raw) {
    String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }
  }

  private final URI base;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  PlatformClient(URI base) {
    this.base = base;
  }

  String login(String playerId) {
    Reply reply =
        post("/api/auth/login", null, null, "{\"playerId\":\"" + playerId + "\",\"password\":\""
            + PlatformMockConfig.DEFAULT_PASSWORD + "\"}");
    if (reply.status() != 200) {
      throw new IllegalStateException("login failed: " + reply.status() + " " + reply.body());
    }
    return reply.body().get("token").asText();
  }

  Reply get(String path, String token) {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return send(request);
  }

  Reply post(String path, String token, String idempotencyKey, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    return send(request);
  }

  /** A POST of raw bytes, with a Content-Length ({@code declared}) or chunked without one. */
  Reply postBytes(String path, String token, String idempotencyKey, byte[] body, boolean declared) {
    HttpRequest.BodyPublisher publisher = declared
        ? HttpRequest.BodyPublishers.ofByteArray(body)
        : HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body));
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
        .header("Content-Type", "application/json")
        .header("Authorization", "Bearer " + token)
        .header("Idempotency-Key", idempotencyKey)
        .POST(publisher);
    return send(request);
  }

  Reply spin(String token, String key, String gameId, long stakeCents) {
    return post(
        "/api/spins", token, key, "{\"gameId\":\"" + gameId + "\",\"stakeCents\":" + stakeCents + "}");
  }

  Reply deposit(String token, String key, long amountCents) {
    return post("/api/wallet/deposits", token, key, "{\"amountCents\":" + amountCents + "}");
  }

  Reply withdraw(String token, String key, long amountCents) {
    return post("/api/wallet/withdrawals", token, key, "{\"amountCents\":" + amountCents + "}");
  }

  long balance(String token) {
    return get("/api/wallet", token).body().get("balanceCents").asLong();
  }

  static String newKey() {
    return UUID.randomUUID().toString();
  }

  private Reply send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
      JsonNode body = response.body().isEmpty() ? null : JSON.readTree(response.body());
      return new Reply(response.statusCode(), body, response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
