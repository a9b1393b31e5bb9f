package io.casinoperf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.casinoperf.capacity.testing.PlatformMetrics;
import io.casinoperf.capacity.testing.RealPrometheus;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The secrets and certificates of {@code forecast --prometheus}, each checked by a server that
 * refuses without them: a real Prometheus behind basic authentication and one serving https only
 * (its own web configuration), and a bearer-token gate in front of a real Prometheus (Prometheus
 * itself knows no bearer tokens; the proxies that add them do) that records what it was sent.
 */
class PrometheusCredentialsTest {
  private static final int DAYS = 14;
  private static final String USER = "planner";
  /** The password of {@link #USER}: its bcrypt hash (cost 10) is in the server's web configuration. */
  private static final String PASSWORD = "wheel-of-fortune-7";
  private static final String HASH = "$2y$10$QiZNt2fvf2X2/ruv74RKcuK2g80/N9qw47M.zATuX6ryns39DSLxq";

  @TempDir static Path data;
  @TempDir Path dir;
  private static RealPrometheus plain;
  private static RealPrometheus basic;
  private static RealPrometheus tls;
  private static HttpServer bearerGate;
  private static final String TOKEN = "tok-" + UUID.randomUUID();
  private static final List<String> AUTHORIZATIONS = new CopyOnWriteArrayList<>();

  record Result(int exitCode, String out, String err) {}

  @BeforeAll
  static void serve() throws Exception {
    RealPrometheus.requireInstalled();
    PlatformMetrics.write(data, DAYS, 900, 3.0, 5);
    Files.writeString(data.resolve("plan.yaml"), "traffic: {series: rps, unit: requests/s}\n");
    Path tsdb = RealPrometheus.backfill(data, ForecastFromPrometheusTest.openMetrics(data.resolve("metrics.csv")));
    plain = RealPrometheus.start(data, copy(tsdb, "plain"), null);
    basic = RealPrometheus.start(data, copy(tsdb, "basic"), "basic_auth_users:\n  " + USER + ": " + HASH + "\n");
    RealPrometheus.run(List.of("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
        "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost",
        "-keyout", data.resolve("key.pem").toString(), "-out", data.resolve("cert.pem").toString()),
        data.resolve("openssl.log"));
    tls = RealPrometheus.start(data, copy(tsdb, "tls"), "tls_server_config:\n  cert_file: "
        + data.resolve("cert.pem") + "\n  key_file: " + data.resolve("key.pem") + "\n");
    bearerGate = bearerGate(plain.url());
  }

  private static Path copy(Path tsdb, String name) throws IOException {
    Path target = data.resolve("tsdb-" + name);
    try (var files = Files.walk(tsdb)) {
      for (Path from : (Iterable<Path>) files::iterator) {
        Files.copy(from, target.resolve(tsdb.relativize(from).toString()));
      }
    }
    return target;
  }

  /**
   * Passes requests on to {@code upstream} only with {@code Authorization: Bearer TOKEN}, and adds
   * a warning to every answer it passes on, as a federating proxy does for a partial answer.
   */
  private static HttpServer bearerGate(String upstream) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    HttpClient client = HttpClient.newHttpClient();
    ObjectMapper json = new ObjectMapper();
    server.createContext("/", exchange -> {
      String authorization = exchange.getRequestHeaders().getFirst("Authorization");
      AUTHORIZATIONS.add(String.valueOf(authorization));
      byte[] answer;
      int status;
      if (!("Bearer " + TOKEN).equals(authorization)) {
        status = 401;
        answer = "Unauthorized".getBytes(StandardCharsets.UTF_8);
      } else {
        try {
          HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(upstream
                  + exchange.getRequestURI()))
              .header("Content-Type", exchange.getRequestHeaders().getFirst("Content-Type"))
              .POST(HttpRequest.BodyPublishers.ofByteArray(exchange.getRequestBody().readAllBytes())).build(),
              HttpResponse.BodyHandlers.ofString());
          ObjectNode body = (ObjectNode) json.readTree(response.body());
          body.putArray("warnings").add("one store of two did not answer; the data may be incomplete");
          status = response.statusCode();
          answer = json.writeValueAsBytes(body);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException(e);
        }
      }
      exchange.sendResponseHeaders(status, answer.length);
      exchange.getResponseBody().write(answer);
      exchange.close();
    });
    server.start();
    return server;
  }

  @AfterAll
  static void stop() throws InterruptedException {
    if (bearerGate != null) {
      bearerGate.stop(0);
    }
    for (RealPrometheus server : new RealPrometheus[] {plain, basic, tls}) {
      if (server != null) {
        server.close();
      }
    }
  }

  @AfterEach
  void realEnvironment() {
    PrometheusOptions.environment = System::getenv;
  }

  private Result forecast(String url, String... args) {
    StringWriter stdout = new StringWriter();
    StringWriter stderr = new StringWriter();
    List<String> all = new ArrayList<>(List.of("forecast", "--out", dir.resolve("out").toString(),
        "--plan", data.resolve("plan.yaml").toString(), "--horizon", "1d", "--origins", "0",
        "--prometheus", url, "--query", "rps=rps",
        "--start", Instant.ofEpochSecond(PlatformMetrics.START).toString(),
        "--end", Instant.ofEpochSecond(PlatformMetrics.START + DAYS * 86_400L - 900).toString()));
    all.addAll(Arrays.asList(args));
    int code = CasinoPerf.execute(all.toArray(String[]::new), new PrintWriter(stdout, true),
        new PrintWriter(stderr, true));
    return new Result(code, stdout.toString(), stderr.toString());
  }

  private Path secretFile(String secret) throws IOException {
    Path file = dir.resolve("secret-" + UUID.randomUUID());
    Files.writeString(file, secret + "\n");
    return file;
  }

  private static void assertRead(Result result, String url) {
    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).contains("read rps from " + url + ": 1,344 points every 15 min");
  }

  @Test
  void basicAuthenticationWithThePasswordFromAFileOrAVariableAndARefusalWithout() throws Exception {
    Result file = forecast(basic.url(), "--prometheus-user", USER, "--prometheus-password-file",
        secretFile(PASSWORD).toString());
    PrometheusOptions.environment = Map.of("PROM_PASSWORD", PASSWORD)::get;
    Result variable = forecast(basic.url(), "--prometheus-user", USER, "--prometheus-password-env", "PROM_PASSWORD");
    Result none = forecast(basic.url());
    PrometheusOptions.environment = Map.of("PROM_PASSWORD", "spin-to-lose")::get;
    Result wrongPassword = forecast(basic.url(), "--prometheus-user", USER, "--prometheus-password-env",
        "PROM_PASSWORD");

    assertRead(file, basic.url());
    assertRead(variable, basic.url());
    for (Result refused : List.of(none, wrongPassword)) {
      assertThat(refused.exitCode()).isEqualTo(2);
      assertThat(refused.err().strip()).startsWith("casinoperf: Prometheus at " + basic.url() + " answered 401")
          .contains("it asks for credentials: --prometheus-token-env, --prometheus-token-file, or"
              + " --prometheus-user with a password")
          .doesNotContain("\n");
    }
    for (Result any : List.of(file, variable, none, wrongPassword)) {
      assertThat(any.out() + any.err()).doesNotContain(PASSWORD);
    }
  }

  @Test
  void httpsWithTheServersCertificateAuthorityAndARefusalWithoutIt() {
    Result trusted = forecast(tls.url(), "--prometheus-ca-file", data.resolve("cert.pem").toString());
    Result untrusted = forecast(tls.url());
    Result plainHttp = forecast(tls.url().replace("https:", "http:"));

    assertRead(trusted, tls.url());
    assertThat(untrusted.exitCode()).isEqualTo(2);
    assertThat(untrusted.err().strip()).startsWith("casinoperf: TLS with Prometheus at " + tls.url() + " failed (")
        .endsWith("--prometheus-ca-file names the certificate authority to trust").doesNotContain("\n");
    assertThat(plainHttp.exitCode()).isEqualTo(2);
    // Go's TLS server answers a plain request with a 400 saying so, or hangs up: either is named.
    assertThat(plainHttp.err().strip()).doesNotContain("\n").containsAnyOf(
        "answered 400 \"Client sent an HTTP request to an HTTPS server.\"", "if the server speaks TLS, give its https:// URL");
  }

  @Test
  void aBearerTokenFromAFileOrAVariableReachesTheServerAndItsWarningsTheConsole() throws Exception {
    String url = "http://127.0.0.1:" + bearerGate.getAddress().getPort();
    AUTHORIZATIONS.clear();
    Result file = forecast(url, "--prometheus-token-file", secretFile(TOKEN).toString());
    List<String> sentFromFile = List.copyOf(AUTHORIZATIONS);
    AUTHORIZATIONS.clear();
    PrometheusOptions.environment = Map.of("PROM_TOKEN", TOKEN)::get;
    Result variable = forecast(url, "--prometheus-token-env", "PROM_TOKEN");
    List<String> sentFromVariable = List.copyOf(AUTHORIZATIONS);
    Result none = forecast(url);

    assertRead(file, url);
    assertRead(variable, url);
    assertThat(sentFromFile).isNotEmpty().allMatch(("Bearer " + TOKEN)::equals);
    assertThat(sentFromVariable).isNotEmpty().allMatch(("Bearer " + TOKEN)::equals);
    assertThat(file.out()).contains("warning: rps: Prometheus warns: one store of two did not answer;"
        + " the data may be incomplete");
    // The server's warning is the forecast's too, in forecast.json as in the console.
    assertThat(new ObjectMapper().readTree(dir.resolve("out/forecast.json").toFile()).get("findings"))
        .anySatisfy(finding -> {
          assertThat(finding.get("kind").asText()).isEqualTo("PrometheusWarning");
          assertThat(finding.get("series").asText()).isEqualTo("rps");
          assertThat(finding.get("server").asText()).isEqualTo(url);
          assertThat(finding.get("text").asText()).isEqualTo("Prometheus warns: one store of two did not answer;"
              + " the data may be incomplete");
        });
    assertThat(none.exitCode()).isEqualTo(2);
    assertThat(none.err().strip()).isEqualTo("casinoperf: Prometheus at " + url + " answered 401 \"Unauthorized\";"
        + " it asks for credentials: --prometheus-token-env, --prometheus-token-file, or --prometheus-user"
        + " with a password");
    for (Result any : List.of(file, variable, none)) {
      assertThat(any.out() + any.err()).doesNotContain(TOKEN);
    }
  }
}
