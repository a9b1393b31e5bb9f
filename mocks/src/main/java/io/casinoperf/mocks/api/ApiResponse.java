package io.casinoperf.mocks.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An answer of the platform's API: status, a body to be written as JSON, and extra headers.
 *
 * @param body a record or map written as JSON, or {@code null} to keep the stub's own body
 */
public record ApiResponse(int status, Object body, Map<String, String> headers) {

  /** The error body: a stable machine-readable code and a sentence for people. */
  public record ApiError(String error, String message) {}

  public ApiResponse {
    headers = Map.copyOf(headers);
  }

  public static ApiResponse ok(Object body) {
    return new ApiResponse(200, body, Map.of());
  }

  public static ApiResponse error(int status, String code, String message) {
    return new ApiResponse(status, new ApiError(code, message), Map.of());
  }

  public static ApiResponse badRequest(String message) {
    return error(400, "bad_request", message);
  }

  public ApiResponse withHeader(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new ApiResponse(status, body, more);
  }
}
