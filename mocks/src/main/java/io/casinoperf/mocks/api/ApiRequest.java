package io.casinoperf.mocks.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.Optional;

/** Read access to what a client sent, in the platform API's terms. */
final class ApiRequest {
  static final String IDEMPOTENCY_KEY = "Idempotency-Key";
  private static final int MAX_KEY_LENGTH = 128;

  private final LoggedRequest request;

  ApiRequest(LoggedRequest request) {
    this.request = request;
  }

  /** The token of an {@code Authorization: Bearer <token>} header. */
  Optional<String> bearerToken() {
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Optional.empty();
    }
    String token = header.substring(7).trim();
    return token.isEmpty() ? Optional.empty() : Optional.of(token);
  }

  /** The idempotency key of a money-moving call, if present and of sane length. */
  Optional<String> idempotencyKey() {
    String key = request.getHeader(IDEMPOTENCY_KEY);
    if (key == null || key.isBlank() || key.length() > MAX_KEY_LENGTH) {
      return Optional.empty();
    }
    return Optional.of(key.trim());
  }

  Optional<JsonNode> jsonBody() {
    return Json.readObject(request.getBodyAsString());
  }

  Optional<String> queryParameter(String name) {
    QueryParameter parameter = request.queryParameter(name);
    return parameter != null && parameter.isPresent()
        ? Optional.of(parameter.firstValue())
        : Optional.empty();
  }

  /** A whole-number field of the JSON body that is at least 1, if present. */
  static Optional<Long> positiveLong(JsonNode body, String field) {
    JsonNode node = body.get(field);
    if (node == null || !node.isIntegralNumber() || !node.canConvertToLong() || node.asLong() < 1) {
      return Optional.empty();
    }
    return Optional.of(node.asLong());
  }

  static Optional<String> text(JsonNode body, String field) {
    JsonNode node = body.get(field);
    return node != null && node.isTextual() && !node.asText().isBlank()
        ? Optional.of(node.asText())
        : Optional.empty();
  }
}
