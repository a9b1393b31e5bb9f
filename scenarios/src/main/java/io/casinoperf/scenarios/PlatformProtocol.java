package io.casinoperf.scenarios;

import static io.gatling.javaapi.http.HttpDsl.http;

import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.net.URI;

/** The HTTP and WebSocket protocol for one platform base URL. */
public final class PlatformProtocol {
  /** Pushes kept for {@code processUnmatchedMessages} between two looks at the socket. */
  static final int UNMATCHED_MESSAGE_BUFFER = 64;

  private PlatformProtocol() {}

  /**
   * JSON in and out, the balance channel on the same host with {@code ws://} or {@code wss://}.
   * Gatling's HTTP client warms up with one request to the platform's base URL before the first
   * virtual user (its default warm-up request goes to the internet), so the first measured
   * requests do not carry the injector's own class loading.
   */
  public static HttpProtocolBuilder forBaseUrl(URI baseUrl) {
    String base = baseUrl.toString().replaceAll("/+$", "");
    String wsBase = base.replaceFirst("^http", "ws");
    return http.baseUrl(base)
        .wsBaseUrl(wsBase)
        .acceptHeader("application/json")
        .contentTypeHeader("application/json")
        .userAgentHeader("casinoperf-gatling")
        .warmUp(base + "/")
        .wsUnmatchedInboundMessageBufferSize(UNMATCHED_MESSAGE_BUFFER);
  }
}
