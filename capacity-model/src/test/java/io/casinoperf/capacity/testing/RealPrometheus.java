package io.casinoperf.capacity.testing;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real Prometheus server (Debian's {@code prometheus} package) on 127.0.0.1, holding series
 * backfilled with {@code promtool tsdb create-blocks-from openmetrics}, optionally behind basic
 * authentication or TLS through a web configuration file. Under {@code CI=true} a missing server
 * fails the test ({@code .ci/run} installs it); elsewhere the test is skipped with the reason.
 */
public final class RealPrometheus implements AutoCloseable {
  private final Process process;
  private final int port;
  private final boolean tls;

  private RealPrometheus(Process process, int port, boolean tls) {
    this.process = process;
    this.port = port;
    this.tls = tls;
  }

  /** The server's base URL. */
  public String url() {
    return (tls ? "https" : "http") + "://" + (tls ? "localhost" : "127.0.0.1") + ":" + port;
  }

  public int port() {
    return port;
  }

  /** Skips (or under CI fails) when the server's binaries are not installed. */
  public static void requireInstalled() {
    boolean installed = Files.isExecutable(binary("prometheus")) && Files.isExecutable(binary("promtool"));
    if (!installed) {
      if (System.getenv("CI") != null) {
        fail("prometheus and promtool are not installed (.ci/run installs Debian's prometheus package)");
      }
      Assumptions.abort("prometheus and promtool are not installed: apt-get install prometheus");
    }
  }

  private static Path binary(String name) {
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
      Path candidate = Path.of(dir, name);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return Path.of("/usr/bin", name);
  }

  /**
   * Backfills {@code openMetrics} (an OpenMetrics text ending in {@code # EOF}) into a new
   * database under {@code dir}.
   */
  public static Path backfill(Path dir, String openMetrics) throws IOException, InterruptedException {
    requireInstalled();
    Path input = dir.resolve("series.om");
    Path data = dir.resolve("data");
    Files.writeString(input, openMetrics, StandardCharsets.UTF_8);
    run(List.of(binary("promtool").toString(), "tsdb", "create-blocks-from", "openmetrics", "-q",
        input.toString(), data.toString()), dir.resolve("promtool.log"));
    return data;
  }

  /**
   * Starts a server on the database.
   *
   * @param webConfig Prometheus' web configuration (basic_auth_users, tls_server_config), or null
   */
  public static RealPrometheus start(Path dir, Path data, String webConfig) throws IOException, InterruptedException {
    return start(dir, data, webConfig, "global:\n  scrape_interval: 15s\nscrape_configs: []\n");
  }

  /**
   * Starts a server that scrapes {@code targets} ({@code host:port}, path {@code /metrics}) every
   * second, each as its own job named by the map's key, into a new database under {@code dir}.
   */
  public static RealPrometheus scraping(Path dir, java.util.Map<String, String> targets)
      throws IOException, InterruptedException {
    StringBuilder config = new StringBuilder("global:\n  scrape_interval: 1s\n  scrape_timeout: 1s\nscrape_configs:\n");
    targets.forEach((job, target) -> config.append("  - job_name: ").append(job)
        .append("\n    static_configs:\n      - targets: ['").append(target).append("']\n"));
    Path data = dir.resolve("scraped");
    Files.createDirectories(data);
    return start(dir, data, null, config.toString());
  }

  private static RealPrometheus start(Path dir, Path data, String webConfig, String configText)
      throws IOException, InterruptedException {
    requireInstalled();
    int port;
    try (ServerSocket free = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = free.getLocalPort();
    }
    // Each server its own files: Prometheus reads its web configuration again at every request.
    Path config = dir.resolve("prometheus-" + port + ".yml");
    Files.writeString(config, configText);
    List<String> command = new ArrayList<>(List.of(binary("prometheus").toString(),
        "--config.file=" + config, "--storage.tsdb.path=" + data,
        "--storage.tsdb.retention.time=100y", "--web.listen-address=127.0.0.1:" + port));
    if (webConfig != null) {
      Path web = dir.resolve("web-" + port + ".yml");
      Files.writeString(web, webConfig);
      command.add("--web.config.file=" + web);
    }
    Path log = dir.resolve("prometheus-" + port + ".log");
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        fail("prometheus stopped at start:\n" + Files.readString(log));
      }
      if (Files.readString(log).contains("Server is ready to receive web requests")) {
        return new RealPrometheus(process, port, webConfig != null && webConfig.contains("tls_server_config"));
      }
      Thread.sleep(50);
    }
    process.destroyForcibly();
    throw new AssertionError("prometheus not ready within 30 s:\n" + Files.readString(log));
  }

  /**
   * The server's answer to an instant query now: its {@code data.result}.
   *
   * @throws AssertionError when the server refuses the query
   */
  public com.fasterxml.jackson.databind.JsonNode query(String promql) throws IOException, InterruptedException {
    java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
        java.net.http.HttpRequest.newBuilder(java.net.URI.create(url() + "/api/v1/query"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(java.net.http.HttpRequest.BodyPublishers.ofString("query="
                + java.net.URLEncoder.encode(promql, StandardCharsets.UTF_8))).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    com.fasterxml.jackson.databind.JsonNode root = new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(response.body());
    if (!"success".equals(root.path("status").asText())) {
      fail(promql + ": " + response.body());
    }
    return root.path("data").path("result");
  }

  /**
   * Waits until Prometheus has scraped {@code job} once: it hands new targets to its scrapers
   * only every five seconds, so the first scrape comes some seconds after the start.
   */
  public void awaitScraped(String job) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      if (value("max(up{job=\"" + job + "\"})") == 1) {
        return;
      }
      Thread.sleep(200);
    }
    fail("Prometheus did not scrape " + job + " within 30 s");
  }

  /**
   * Waits until Prometheus scrapes {@code job}, whether or not the target answers yet: a target
   * that comes up later is then scraped from its first second.
   */
  public void awaitScraping(String job) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      if (!Double.isNaN(value("max(up{job=\"" + job + "\"})"))) {
        return;
      }
      Thread.sleep(200);
    }
    fail("Prometheus did not scrape " + job + " within 30 s");
  }

  /** The names of the series that {@code matcher} selects, over the last ten minutes. */
  public java.util.SortedSet<String> names(String matcher) throws IOException, InterruptedException {
    long now = java.time.Instant.now().getEpochSecond();
    java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
        java.net.http.HttpRequest.newBuilder(java.net.URI.create(url() + "/api/v1/label/__name__/values?match[]="
            + java.net.URLEncoder.encode(matcher, StandardCharsets.UTF_8) + "&start=" + (now - 600) + "&end=" + now))
            .GET().build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    com.fasterxml.jackson.databind.JsonNode root = new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(response.body());
    if (!"success".equals(root.path("status").asText())) {
      fail(matcher + ": " + response.body());
    }
    java.util.SortedSet<String> names = new java.util.TreeSet<>();
    root.path("data").forEach(name -> names.add(name.asText()));
    return names;
  }

  /** The one value of an instant query, or NaN when it gives no series. */
  public double value(String promql) throws IOException, InterruptedException {
    com.fasterxml.jackson.databind.JsonNode result = query(promql);
    if (result.isEmpty()) {
      return Double.NaN;
    }
    if (result.size() > 1) {
      fail(promql + " gives " + result.size() + " series: " + result);
    }
    return Double.parseDouble(result.get(0).path("value").get(1).asText());
  }

  /** Runs a command to its end, failing with its output when it fails. */
  public static void run(List<String> command, Path log) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail(command.get(0) + " did not finish in 120 s");
    }
    if (process.exitValue() != 0) {
      fail(String.join(" ", command) + " failed:\n" + Files.readString(log));
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
