package io.casinoperf.mocks.metrics;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/** Answers the platform's {@code GET /metrics} with its {@link PlatformTelemetry}, for Prometheus. */
public final class MetricsEndpoint implements ResponseDefinitionTransformerV2 {
  public static final String NAME = "platform-metrics";
  public static final String PATH = "/metrics";

  private final PlatformTelemetry telemetry;

  public MetricsEndpoint(PlatformTelemetry telemetry) {
    this.telemetry = telemetry;
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean applyGlobally() {
    return false;
  }

  @Override
  public ResponseDefinition transform(ServeEvent serveEvent) {
    return ResponseDefinitionBuilder.responseDefinition()
        .withStatus(200)
        .withHeader("Content-Type", PlatformTelemetry.contentType())
        .withBody(telemetry.scrape())
        .build();
  }
}
