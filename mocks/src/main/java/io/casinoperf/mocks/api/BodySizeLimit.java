package io.casinoperf.mocks.api;

import com.github.tomakehurst.wiremock.extension.requestfilter.RequestFilterAction;
import com.github.tomakehurst.wiremock.extension.requestfilter.RequestFilterV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * Refuses a request whose body is larger than the platform accepts with 413 {@code
 * payload_too_large}, before any stub or operator endpoint sees it. A declared {@code
 * Content-Length} above the limit is refused without looking at the body; a body sent without one
 * (chunked) is measured.
 */
public final class BodySizeLimit implements RequestFilterV2 {
  private final int maxBodyBytes;

  public BodySizeLimit(int maxBodyBytes) {
    this.maxBodyBytes = maxBodyBytes;
  }

  @Override
  public String getName() {
    return "casino-body-size-limit";
  }

  @Override
  public RequestFilterAction filter(Request request, ServeEvent serveEvent) {
    long declared = declaredLength(request.getHeader("Content-Length"));
    long size = declared >= 0 ? declared : bodyLength(request);
    if (size > maxBodyBytes) {
      ResponseDefinition tooLarge = ResponseDefinitionBuilder.responseDefinition()
          .withStatus(413)
          .withHeader("Content-Type", "application/json")
          .withBody(Json.write(new ApiResponse.ApiError("payload_too_large",
              "request bodies are limited to " + maxBodyBytes + " bytes; this one has " + size)))
          .build();
      return RequestFilterAction.stopWith(tooLarge);
    }
    return RequestFilterAction.continueWith(request);
  }

  @Override
  public boolean applyToAdmin() {
    return true;
  }

  @Override
  public boolean applyToStubs() {
    return true;
  }

  /** The Content-Length header's value, or -1 when absent or not a number. */
  private static long declaredLength(String header) {
    if (header == null) {
      return -1;
    }
    try {
      return Long.parseLong(header.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static long bodyLength(Request request) {
    byte[] body = request.getBody();
    return body == null ? 0 : body.length;
  }
}
