package io.casinoperf.benchmarks;

import io.casinoperf.mocks.PlatformMockConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Logs a player in to the embedded platform before a benchmark's run, for its bearer token. */
final class BenchLogin {
  private static final Pattern TOKEN = Pattern.compile("\"token\":\"([0-9a-f]+)\"");

  private BenchLogin() {}

  /** The token of {@code playerId}, logged in with the platform's default password. */
  static String token(HttpClient client, URI baseUrl, String playerId) {
    try {
      HttpResponse<String> response = client.send(
          HttpRequest.newBuilder(baseUrl.resolve("/api/auth/login"))
              .POST(HttpRequest.BodyPublishers.ofString("{\"playerId\":\"" + playerId
                  + "\",\"password\":\"" + PlatformMockConfig.DEFAULT_PASSWORD + "\"}"))
              .build(),
          HttpResponse.BodyHandlers.ofString());
      Matcher matcher = TOKEN.matcher(response.body());
      if (!matcher.find()) {
        throw new IllegalStateException("login failed: " + response.body());
      }
      return matcher.group(1);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while logging in", e);
    }
  }
}
