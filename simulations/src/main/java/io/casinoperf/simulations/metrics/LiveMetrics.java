package io.casinoperf.simulations.metrics;

import io.casinoperf.scenarios.breaker.CircuitBreaker;
import io.casinoperf.scenarios.live.RequestObserver;
import io.casinoperf.scenarios.live.Users;
import io.casinoperf.simulations.health.InjectorHealthSampler;
import io.casinoperf.simulations.settings.RunSettings;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.core.metrics.Info;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * The injector's live metrics, served for Prometheus at {@code http://BIND:PORT/metrics} while the
 * run lasts: each HTTP request's outcome by name (Gatling's OK/KO, as the gate reads them from
 * simulation.log), its response time as a histogram (bounds around the 200 ms SLO), the virtual
 * users in the run, the circuit breaker's window as it judges it, and the injector-health figures
 * of the latest second. Names start {@code casinoperf_}; docs/grafana/casinoperf-run.json draws
 * them as gate.html does.
 */
public final class LiveMetrics implements RequestObserver, AutoCloseable {
  /** Response-time bounds, seconds: the SLO's 200 ms is one, so its share is exact. */
  static final double[] BOUNDS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.15, 0.2, 0.3, 0.5, 0.75, 1, 2, 5, 10, 30};

  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final Counter requests;
  private final Histogram responseTime;
  private final HTTPServer server;
  private final String bind;

  private final java.util.function.Supplier<Optional<CircuitBreaker>> breaker;

  private LiveMetrics(RunSettings.MetricsEndpoint endpoint, String simulation, String target,
      InjectorHealthSampler health, java.util.function.Supplier<Optional<CircuitBreaker>> breaker)
      throws IOException {
    this.breaker = breaker;
    this.bind = endpoint.bind();
    Info.builder().name("casinoperf_run_info").help("The run: its simulation and target")
        .labelNames("simulation", "target").register(registry).addLabelValues(simulation, target);
    requests = Counter.builder().name("casinoperf_requests_total")
        .help("HTTP requests answered or failed, by name and Gatling's status (OK, KO)")
        .labelNames("request", "status").register(registry);
    responseTime = Histogram.builder().name("casinoperf_response_time_seconds")
        .help("Gatling's response time of HTTP requests, by name and status")
        .labelNames("request", "status").classicOnly().classicUpperBounds(BOUNDS).register(registry);
    GaugeWithCallback.builder().name("casinoperf_active_users")
        .help("Virtual users that arrived and have not left")
        .callback(callback -> callback.call(Users.active())).register(registry);
    CounterWithCallback.builder().name("casinoperf_users_arrived_total")
        .help("Virtual users that arrived since the run started")
        .callback(callback -> callback.call(Users.arrived())).register(registry);
    breaker("casinoperf_circuit_breaker_open", "1 once the circuit breaker stopped the run, else 0",
        (b, w) -> b.isOpen() ? 1 : 0);
    breaker("casinoperf_circuit_breaker_window_requests", "Requests in the breaker's sliding window",
        (b, w) -> w.requests());
    breaker("casinoperf_circuit_breaker_window_errors", "Errors (no response, 5xx, 429) in the window",
        (b, w) -> w.errors());
    breaker("casinoperf_circuit_breaker_window_p99_seconds", "The window's 99th percentile response time",
        (b, w) -> w.p99Millis() / 1000.0);
    breaker("casinoperf_circuit_breaker_window_seconds", "The window's length",
        (b, w) -> b.settings().window().toMillis() / 1000.0);
    breaker("casinoperf_circuit_breaker_max_error_ratio", "The error share that opens the breaker",
        (b, w) -> b.settings().maxErrorRate());
    breaker("casinoperf_circuit_breaker_p99_ceiling_seconds", "The p99 that opens the breaker",
        (b, w) -> b.settings().p99CeilingMillis() / 1000.0);
    health(health, "casinoperf_injector_lag_p99_seconds",
        "99th percentile of the lag probe's wake-ups in the latest second", l -> l.lagP99Millis() / 1000);
    health(health, "casinoperf_injector_lag_max_seconds", "The latest wake-up in the latest second",
        l -> l.lagMaxMillis() / 1000);
    health(health, "casinoperf_injector_gc_pause_seconds", "Stop-the-world collection in the latest second",
        l -> l.gcPauseMillis() / 1000);
    health(health, "casinoperf_injector_cpu_ratio", "The injector's CPU in the latest second, share of the"
        + " machine (all cores = 1)", l -> l.processCpuPercent() / 100);
    health(health, "casinoperf_machine_cpu_ratio", "The machine's CPU in the latest second (all cores = 1);"
        + " absent where unknown", l -> l.machineCpuPercent() < 0 ? Double.NaN : l.machineCpuPercent() / 100);
    health(health, "casinoperf_machine_load1", "The one-minute load average; absent where unknown",
        l -> l.loadAverage() < 0 ? Double.NaN : l.loadAverage());
    server = HTTPServer.builder().hostname(endpoint.bind()).port(endpoint.port()).registry(registry)
        .buildAndStart();
  }

  /**
   * Starts serving; the caller makes it the {@link io.casinoperf.scenarios.breaker.Guard}'s
   * observer.
   *
   * @param breaker the run's circuit breaker, when it has one, asked at each scrape
   * @return the metrics, or empty when the port cannot be had (one line said why; the run goes on)
   */
  public static Optional<LiveMetrics> start(RunSettings.MetricsEndpoint endpoint, String simulation,
      String target, InjectorHealthSampler health, java.util.function.Supplier<Optional<CircuitBreaker>> breaker) {
    try {
      return Optional.of(new LiveMetrics(endpoint, simulation, target, health, breaker));
    } catch (IOException e) {
      System.err.println("casinoperf: live metrics not served: cannot listen on " + endpoint.bind() + ":"
          + endpoint.port() + " (" + e.getMessage() + "); give another -Dmetrics.port, or -Dmetrics=off");
      return Optional.empty();
    }
  }

  /** Where Prometheus scrapes this run. */
  public String url() {
    return "http://" + host() + ":" + server.getPort() + "/metrics";
  }

  private String host() {
    return bind.contains(":") ? "[" + bind + "]" : bind;
  }

  @Override
  public void requestDone(String request, boolean ok, long responseMillis) {
    String status = ok ? "OK" : "KO";
    requests.labelValues(request, status).inc();
    responseTime.labelValues(request, status).observe(responseMillis / 1000.0);
  }

  private interface BreakerFigure {
    double of(CircuitBreaker breaker, CircuitBreaker.Window window);
  }

  /** A gauge of the installed breaker's window; absent when the run has none. */
  private void breaker(String name, String help, BreakerFigure figure) {
    GaugeWithCallback.builder().name(name).help(help).callback(callback -> {
      Optional<CircuitBreaker> installed = breaker.get();
      if (installed.isPresent()) {
        callback.call(figure.of(installed.get(), installed.get().window(System.nanoTime() / 1_000_000)));
      }
    }).register(registry);
  }

  private void health(InjectorHealthSampler sampler, String name, String help,
      ToDoubleFunction<InjectorHealthSampler.Latest> figure) {
    GaugeWithCallback.builder().name(name).help(help).callback(callback -> sampler.latest().ifPresent(latest -> {
      double value = figure.applyAsDouble(latest);
      if (!Double.isNaN(value)) {
        callback.call(value);
      }
    })).register(registry);
  }

  /** Stops serving. */
  @Override
  public void close() {
    server.close();
  }
}
