package io.casinoperf.simulations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.casinoperf.capacity.testing.RealPrometheus;
import io.casinoperf.gate.summary.RequestKey;
import io.casinoperf.gate.summary.RunSummaries;
import io.casinoperf.gate.summary.RunSummary;
import io.casinoperf.mocks.PlatformMock;
import io.casinoperf.mocks.PlatformMockConfig;
import io.casinoperf.mocks.conditions.Conditions;
import io.casinoperf.mocks.conditions.Mode;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Prometheus scrapes the injector and the platform every second during a short real
 * flash-peak run against a faulty platform (10 % 503s, 2 % dropped connections); what it stored
 * afterwards agrees with Gatling's own counts, OK and KO, request by request, and with what the
 * platform served, and every metric the Grafana dashboard draws is one the injector serves.
 */
class LiveMetricsEndToEndTest {
  private static final int SPINS = 3;
  private static final Path DASHBOARD = Path.of("..", "docs", "grafana", "casinoperf-run.json");

  @TempDir Path dir;

  @Test
  void prometheusScrapesTheInjectorAndThePlatformAndItsCountsAreGatlingsAndThePlatforms() throws Exception {
    RealPrometheus.requireInstalled();
    int injectorPort;
    try (ServerSocket free = new ServerSocket(0)) {
      injectorPort = free.getLocalPort();
    }
    Conditions faulty = new Conditions(Mode.FAULTY, 10, 0.4, 25, 0.9, 10, 2, 1, 8, 20, 1);
    try (PlatformMock platform = PlatformMock.start(PlatformMockConfig.defaults().withConditions(faulty));
        RealPrometheus prometheus = RealPrometheus.scraping(dir, new LinkedHashMap<>(Map.of(
            "casinoperf-injector", "127.0.0.1:" + injectorPort,
            "casino-platform", "127.0.0.1:" + platform.port())))) {
      Map<String, String> properties = new HashMap<>(TestFlashPeak.properties("6s", 3, "2s", 12, SPINS, "200ms"));
      properties.put("target", platform.baseUrl().toString());
      properties.put("maxErrorPercent", "100");
      // The breaker judges, but a faulty platform's early burst of errors must not stop the run.
      properties.put("circuitBreaker.errorPercent", "90");
      properties.put("metrics.port", Integer.toString(injectorPort));
      // Served three scrapes longer than the run, so that Prometheus has the final counts.
      properties.put("metrics.linger", "3s");

      prometheus.awaitScraped("casino-platform");
      GatlingProcess.Result run = GatlingProcess.run(FlashSpinPeakSimulation.class, properties,
          dir.resolve("results"), Duration.ofMinutes(3));

      assertThat(run.stdout()).contains("live metrics for Prometheus: http://127.0.0.1:" + injectorPort + "/metrics");
      GatlingProcess.LatencyJudgement latency = run.assertSlosHeldWhereJudged();
      RunSummary log = RunSummaries.read(List.of(run.runFolder().orElseThrow().resolve("simulation.log")));
      // A counter's highest sample is its last; after the run the injector is gone and its series
      // are stale, so each is read over the last minutes.
      Map<String, Double> byRequest = byLabel(prometheus,
          "sum by (request) (max_over_time(casinoperf_requests_total[5m]))", "request");
      Map<String, Double> koByRequest = byLabel(prometheus,
          "sum by (request) (max_over_time(casinoperf_requests_total{status=\"KO\"}[5m]))", "request");
      assertThat(byRequest.keySet()).contains("Login", "Lobby", "Spin");
      for (String request : byRequest.keySet()) {
        assertThat(byRequest.get(request)).as(request)
            .isEqualTo((double) log.requests().get(RequestKey.of(request)).count());
        assertThat(koByRequest.getOrDefault(request, 0.0)).as(request + " KO")
            .isEqualTo((double) log.requests().get(RequestKey.of(request)).koCount());
      }
      assertThat(log.all().koCount()).as("a faulty platform fails some requests").isPositive();
      assertThat(prometheus.value("sum(max_over_time(casinoperf_requests_total[5m]))"))
          .isEqualTo((double) run.requestCount());
      assertThat(prometheus.value("sum(max_over_time(casinoperf_requests_total{status=\"KO\"}[5m])) or vector(0)"))
          .isEqualTo((double) log.all().koCount());
      assertThat(prometheus.value("sum(max_over_time(casinoperf_response_time_seconds_count[5m]))"))
          .isEqualTo((double) run.requestCount());
      // Every request under 2 s (the run's p99 SLO) is under the histogram's 2 s bound.
      assertThat(prometheus.value("sum(max_over_time(casinoperf_response_time_seconds_bucket{le=\"+Inf\"}[5m]))"))
          .isEqualTo((double) run.requestCount());

      // Users came and went: some in the run at a time, none left at its end.
      assertThat(prometheus.value("max_over_time(casinoperf_active_users[5m])")).isPositive();
      assertThat(prometheus.value("last_over_time(casinoperf_active_users[5m])")).isZero();
      // Every user logs in once.
      assertThat(prometheus.value("max_over_time(casinoperf_users_arrived_total[5m])"))
          .isEqualTo(byRequest.get("Login"));
      assertThat(prometheus.value("max_over_time(casinoperf_circuit_breaker_open[5m])")).isZero();
      assertThat(prometheus.value("max_over_time(casinoperf_circuit_breaker_window_requests[5m])")).isPositive();
      assertThat(prometheus.value("max_over_time(casinoperf_injector_cpu_ratio[5m])")).isPositive();

      // The platform served what the injector sent, operation by operation.
      Map<String, Double> served = byLabel(prometheus,
          "sum by (operation) (max_over_time(casino_platform_requests_total[5m]))", "operation");
      // Gatling sends a request again when the platform dropped the connection before answering
      // (its http.maxRetry), so the platform may have served one more for each drop.
      Map<String, Double> dropped = byLabel(prometheus,
          "sum by (operation) (max_over_time(casino_platform_requests_total{code=\"0\"}[5m]))", "operation");
      for (String request : List.of("Login", "Lobby", "Spin")) {
        String operation = request.toLowerCase(java.util.Locale.ROOT);
        assertThat(served.get(operation)).as(operation).isBetween(byRequest.get(request),
            byRequest.get(request) + dropped.getOrDefault(operation, 0.0));
      }
      assertThat(prometheus.value("max_over_time(casino_platform_active_players[5m])")).isPositive()
          .isLessThanOrEqualTo(byRequest.get("Login"));
      assertThat(prometheus.value("max_over_time(casino_platform_db_connections[5m])")).isGreaterThan(5);
      assertThat(prometheus.value("max_over_time(casino_platform_redis_used_memory_bytes[5m])"))
          .isGreaterThan(64.0 * 1024 * 1024);
      // Every money operation the platform carried out (not failed by its faults first) took the lock once.
      assertThat(prometheus.value("sum(max_over_time(casino_platform_wallet_lock_wait_seconds_count[5m]))"))
          .isPositive().isEqualTo(prometheus.value("sum(max_over_time(casino_platform_requests_total"
              + "{operation=~\"spin|deposit|withdrawal\", code!~\"503|0\"}[5m]))"));
      assertThat(prometheus.value("max_over_time(process_cpu_seconds_total{job=\"casino-platform\"}[5m])"))
          .isPositive();

      // Every metric the dashboard draws is one the injector served.
      Set<String> servedNames = prometheus.names("{job=\"casinoperf-injector\"}");
      Set<String> drawn = new TreeSet<>();
      Matcher names = Pattern.compile("casinoperf_[a-z0-9_]+").matcher(
          new ObjectMapper().readTree(DASHBOARD.toFile()).toString());
      while (names.find()) {
        drawn.add(names.group());
      }
      assertThat(drawn).isNotEmpty();
      assertThat(servedNames).containsAll(drawn);
      latency.reportSkipped();
    }
  }

  private static Map<String, Double> byLabel(RealPrometheus prometheus, String promql, String label)
      throws Exception {
    Map<String, Double> values = new java.util.TreeMap<>();
    for (JsonNode series : prometheus.query(promql)) {
      values.put(series.path("metric").path(label).asText(), Double.parseDouble(series.path("value").get(1).asText()));
    }
    return values;
  }

  /**
   * The platform embedded in the run, on the port {@code -Dplatform.port} gives it, is scraped as
   * it serves: its spins are the run's and its warm-up's.
   */
  @Test
  void theEmbeddedPlatformOnAGivenPortIsScrapedDuringTheRun() throws Exception {
    RealPrometheus.requireInstalled();
    int injectorPort;
    int platformPort;
    try (ServerSocket one = new ServerSocket(0); ServerSocket two = new ServerSocket(0)) {
      injectorPort = one.getLocalPort();
      platformPort = two.getLocalPort();
    }
    try (RealPrometheus prometheus = RealPrometheus.scraping(dir, new LinkedHashMap<>(Map.of(
        "casinoperf-injector", "127.0.0.1:" + injectorPort,
        "casino-platform", "127.0.0.1:" + platformPort)))) {
      Map<String, String> properties = new HashMap<>(TestFlashPeak.properties("6s", 3, "2s", 12, SPINS, "200ms"));
      properties.put("platform.port", Integer.toString(platformPort));
      properties.put("metrics.port", Integer.toString(injectorPort));
      properties.put("metrics.linger", "3s");
      // The platform starts with the run: Prometheus must be scraping its port already.
      prometheus.awaitScraping("casino-platform");

      GatlingProcess.Result run = GatlingProcess.run(FlashSpinPeakSimulation.class, properties,
          dir.resolve("embedded"), Duration.ofMinutes(3));

      assertThat(run.stdout()).contains("casino platform mock on http://127.0.0.1:" + platformPort);
      GatlingProcess.LatencyJudgement latency = run.assertSlosHeldWhereJudged();
      RunSummary log = RunSummaries.read(List.of(run.runFolder().orElseThrow().resolve("simulation.log")));
      long spins = log.requests().get(RequestKey.of("Spin")).count();
      assertThat(prometheus.value("sum(max_over_time(casinoperf_requests_total{request=\"Spin\"}[5m]))"))
          .isEqualTo((double) spins);
      // The warm-up's players spin before the run, on the same platform.
      assertThat(prometheus.value(
              "sum(max_over_time(casino_platform_requests_total{job=\"casino-platform\", operation=\"spin\"}[5m]))"))
          .isGreaterThan((double) spins);
      latency.reportSkipped();
    }
  }
}
