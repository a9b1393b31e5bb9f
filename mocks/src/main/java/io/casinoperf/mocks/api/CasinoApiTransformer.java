package io.casinoperf.mocks.api;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.casinoperf.mocks.auth.PlayerSessions;
import io.casinoperf.mocks.conditions.Disturbance;
import io.casinoperf.mocks.conditions.PlatformConditions;
import io.casinoperf.mocks.metrics.PlatformTelemetry;
import io.casinoperf.mocks.spin.GameCatalogue;
import io.casinoperf.mocks.spin.Paytable;
import io.casinoperf.mocks.wallet.Wallets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The behaviour behind the platform's stub mappings. Each mapping names this transformer ({@value
 * #NAME}) and its operation in {@code transformerParameters.operation}; this class applies the
 * current latency and fault conditions, checks the bearer token and hands the request to the
 * endpoint class of that operation. Thread-safe.
 */
public final class CasinoApiTransformer implements ResponseDefinitionTransformerV2 {
  public static final String NAME = "casino-api";
  private static final Logger LOG = LoggerFactory.getLogger(CasinoApiTransformer.class);

  private final PlayerSessions sessions;
  private final PlatformConditions conditions;
  private final AuthApi auth;
  private final WalletApi wallet;
  private final SpinApi spins;
  private final PlatformTelemetry telemetry;

  public CasinoApiTransformer(
      PlayerSessions sessions,
      Wallets wallets,
      GameCatalogue games,
      Paytable paytable,
      PlatformConditions conditions,
      String currency,
      PlatformTelemetry telemetry) {
    this.telemetry = telemetry;
    this.sessions = sessions;
    this.conditions = conditions;
    this.auth = new AuthApi(sessions, wallets, currency);
    this.wallet = new WalletApi(wallets, currency);
    this.spins = new SpinApi(wallets, games, paytable, currency);
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
    ResponseDefinition response = respond(serveEvent);
    String operation = serveEvent.getTransformerParameters().getString("operation", "unknown");
    String player = new ApiRequest(serveEvent.getRequest()).bearerToken().flatMap(sessions::playerFor)
        .orElse(null);
    telemetry.served(operation, response.getFault() != null ? 0 : response.getStatus(), player);
    return response;
  }

  private ResponseDefinition respond(ServeEvent serveEvent) {
    RandomGenerator random = ThreadLocalRandom.current();
    Disturbance disturbance = conditions.draw(random);
    int delay = (int) Math.min(Integer.MAX_VALUE, disturbance.delayMillis());
    switch (disturbance.fault()) {
      case SERVICE_UNAVAILABLE:
        return render(
            ApiResponse.error(503, "service_unavailable", "the platform is in faulty mode"),
            delay);
      case CONNECTION_DROPPED:
        return ResponseDefinitionBuilder.responseDefinition()
            .withFault(Fault.CONNECTION_RESET_BY_PEER)
            .withFixedDelay(delay)
            .build();
      case NONE:
        break;
    }
    try {
      ApiResponse response = handle(serveEvent, random);
      if (response == null) {
        // The stub's own response (a body file) for an authorised request.
        return ResponseDefinitionBuilder.like(serveEvent.getResponseDefinition())
            .but()
            .withFixedDelay(delay)
            .build();
      }
      return render(response, delay);
    } catch (RuntimeException e) {
      LOG.error("{} {} failed", serveEvent.getRequest().getMethod(), serveEvent.getRequest().getUrl(), e);
      return render(ApiResponse.error(500, "internal_error", e.getMessage()), delay);
    }
  }

  private ApiResponse handle(ServeEvent serveEvent, RandomGenerator random) {
    ApiOperation operation =
        ApiOperation.parse(serveEvent.getTransformerParameters().getString("operation", ""));
    ApiRequest request = new ApiRequest(serveEvent.getRequest());
    if (!operation.needsPlayer()) {
      return auth.login(request);
    }
    Optional<String> player = request.bearerToken().flatMap(sessions::playerFor);
    if (player.isEmpty()) {
      return ApiResponse.error(401, "unauthorized", "a valid bearer token is required")
          .withHeader("WWW-Authenticate", "Bearer");
    }
    String playerId = player.get();
    return switch (operation) {
      case LOBBY -> null;
      case BALANCE -> wallet.balance(playerId);
      case SPIN -> spins.spin(playerId, request, random);
      case DEPOSIT -> wallet.deposit(playerId, request);
      case WITHDRAWAL -> wallet.withdraw(playerId, request);
      case TRANSACTIONS -> wallet.transactions(playerId, request);
      case LOGIN -> throw new IllegalStateException("login needs no player");
    };
  }

  private static ResponseDefinition render(ApiResponse response, int delayMillis) {
    ResponseDefinitionBuilder builder =
        ResponseDefinitionBuilder.responseDefinition()
            .withStatus(response.status())
            .withHeader("Content-Type", "application/json")
            .withBody(Json.write(response.body()))
            .withFixedDelay(delayMillis);
    for (Map.Entry<String, String> header : response.headers().entrySet()) {
      builder = builder.withHeader(header.getKey(), header.getValue());
    }
    return builder.build();
  }
}
