package io.casinoperf.cli;

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
final class RealPrometheus implements AutoCloseable {
  private final Process process;
  private final int port;
  private final boolean tls;

  private RealPrometheus(Process process, int port, boolean tls) {
    this.process = process;
    this.port = port;
    this.tls = tls;
  }

  /** The server's base URL. */
  String url() {
    return (tls ? "https" : "http") + "://" + (tls ? "localhost" : "127.0.0.1") + ":" + port;
  }

  int port() {
    return port;
  }

  /** Skips (or under CI fails) when the server's binaries are not installed. */
  static void requireInstalled() {
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
  static Path backfill(Path dir, String openMetrics) throws IOException, InterruptedException {
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
  static RealPrometheus start(Path dir, Path data, String webConfig) throws IOException, InterruptedException {
    requireInstalled();
    int port;
    try (ServerSocket free = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = free.getLocalPort();
    }
    // Each server its own files: Prometheus reads its web configuration again at every request.
    Path config = dir.resolve("prometheus-" + port + ".yml");
    Files.writeString(config, "global:\n  scrape_interval: 15s\nscrape_configs: []\n");
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

  /** Runs a command to its end, failing with its output when it fails. */
  static void run(List<String> command, Path log) throws IOException, InterruptedException {
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
