package io.casinoperf.benchmarks;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.casinoperf.mocks.PlatformMock;
import io.casinoperf.mocks.PlatformMockConfig;
import io.casinoperf.mocks.conditions.Conditions;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One level of the embedded platform's capacity sweep: an open model offering {@code bench.rate}
 * requests per second for {@code bench.seconds} to one endpoint, each virtual user sending one
 * request over connections shared by all users (as behind a load balancer). Server and Gatling
 * share this JVM and the machine's cores, as in the main job. No latency is added by the mock.
 *
 * <p>{@code bench.endpoint}: {@code bare} (a plain Jetty handler, the baseline), {@code stub}
 * (WireMock serving the static health stub) or {@code spin} (WireMock with the platform's spin:
 * token check, wallet lock, idempotency key, JSON). Run through {@code benchmarks/mock-capacity.sh}.
 */
public class EndpointCapacitySimulation extends Simulation {
  private static final int PLAYERS = 500;
  private static final int WARM_UP_SECONDS = 10;
  static final String MEASURED = "measured";

  private final String endpoint = System.getProperty("bench.endpoint", "stub");
  private final double rate = Double.parseDouble(System.getProperty("bench.rate", "1000"));
  private final int seconds = Integer.parseInt(System.getProperty("bench.seconds", "15"));

  private BareJettyEndpoint bare;
  private PlatformMock mock;
  private final URI baseUrl = startServer();
  private final Iterator<Map<String, Object>> tokens = endpoint.equals("spin") ? tokens() : null;

  private URI startServer() {
    try {
      if (endpoint.equals("bare")) {
        bare = BareJettyEndpoint.start(PlatformMockConfig.defaults().containerThreads());
        return bare.baseUrl();
      }
      PlatformMockConfig config =
          new PlatformMockConfig("127.0.0.1", 0, Conditions.none(),
              0.96, 1_000_000_000L, PlatformMockConfig.DEFAULT_PASSWORD, "EUR",
              PlatformMockConfig.defaults().containerThreads(), 4, 50,
              PlatformMockConfig.defaults().idempotency(), PlatformMockConfig.DEFAULT_MAX_BODY_BYTES);
      mock = PlatformMock.start(config);
      return mock.baseUrl();
    } catch (Exception e) {
      throw new IllegalStateException("cannot start the " + endpoint + " endpoint", e);
    }
  }

  private ChainBuilder oneRequest(String name) {
    HttpRequestActionBuilder request;
    switch (endpoint) {
      case "bare", "stub" -> request = http(name).get("/health").check(status().is(200));
      case "spin" -> {
        return feed(tokens)
            .exec(
                http(name)
                    .post("/api/spins")
                    .header("Authorization", "Bearer #{token}")
                    .header("Idempotency-Key", "#{randomUuid()}")
                    .body(StringBody("{\"gameId\":\"lucky-sevens\",\"stakeCents\":10}"))
                    .check(status().is(200)));
      }
      default -> throw new IllegalArgumentException(
          "bench.endpoint=" + endpoint + ": expected bare, stub or spin");
    }
    return io.gatling.javaapi.core.CoreDsl.exec(request);
  }

  /** Logs in {@value #PLAYERS} players before the run and hands their tokens out in turn. */
  private Iterator<Map<String, Object>> tokens() {
    HttpClient client = HttpClient.newHttpClient();
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < PLAYERS; i++) {
      tokens.add(BenchLogin.token(client, baseUrl, "bench-" + i));
    }
    AtomicInteger next = new AtomicInteger(ThreadLocalRandom.current().nextInt(PLAYERS));
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return true;
      }

      @Override
      public Map<String, Object> next() {
        return Map.of("token", tokens.get(Math.floorMod(next.getAndIncrement(), PLAYERS)));
      }
    };
  }

  {
    // A fresh JVM answers its first requests slowly (class loading, JIT): ramp up to the rate
    // for a while under another request name, then measure only the steady level.
    setUp(
            scenario("warm-up")
                .exec(oneRequest("warm-up"))
                .injectOpen(rampUsersPerSec(rate / 10).to(rate).during(WARM_UP_SECONDS)),
            scenario(endpoint + " at " + rate + "/s")
                .exec(oneRequest(MEASURED))
                .injectOpen(
                    nothingFor(WARM_UP_SECONDS), constantUsersPerSec(rate).during(seconds)))
        .protocols(http.baseUrl(baseUrl.toString()).shareConnections().disableWarmUp())
        // Always true: the assertions are how Gatling prints the measured level's figures,
        // which benchmarks/mock-capacity.sh reads.
        .assertions(
            details(MEASURED).responseTime().percentile(50.0).gte(0),
            details(MEASURED).responseTime().percentile(99.0).gte(0),
            details(MEASURED).failedRequests().percent().gte(0.0));
  }

  @Override
  public void after() {
    try {
      if (bare != null) {
        bare.close();
      }
      if (mock != null) {
        mock.close();
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

}
