package io.casinoperf.capacity.series;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;

/**
 * Series read from a Prometheus server's {@code /api/v1/query_range}, one query at a time: a range
 * longer than the server allows in one answer is asked for in consecutive pieces, and the pieces
 * are put together into one {@code query_range} answer that {@link PrometheusMetrics} reads as it
 * reads a saved file. So a forecast from the server and one from the saved answer read the same
 * points.
 *
 * <p>Every way a server can fail to give a usable series (not reachable, a certificate not
 * trusted, an HTTP error with Prometheus' own {@code error} text, an answer that is not Prometheus',
 * no series, more than one) is a {@link PrometheusException} of one line. What Prometheus reports
 * in {@code warnings} beside usable data is kept as a warning, and so are points whose value is
 * not a number (0/0 in a query), which are left out.
 */
public final class PrometheusSource {
  /** Points per series per request; Prometheus refuses more than 11,000. */
  public static final int POINTS_PER_REQUEST = 10_000;

  /** A metric name as Prometheus spells one, so that a saved answer reads back under the same name. */
  private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI endpoint;
  private final String shownUrl;
  private final HttpClient client;
  private final String authorization;
  private final Duration timeout;
  private final int pointsPerRequest;

  /** A query: the series name the capacity file uses, and the PromQL that gives it. */
  public record Query(String name, String promql) {
    public Query {
      if (!NAME.matcher(name).matches()) {
        throw new PrometheusException("'" + name + "' is not a metric name (letters, digits, _ and :, not"
            + " starting with a digit), as the capacity file's series names it");
      }
      if (promql.isBlank()) {
        throw new PrometheusException("no PromQL after '='");
      }
    }

    /**
     * {@code NAME=PROMQL}, split at the first '='.
     *
     * @throws PrometheusException saying what is wrong, for the caller to name where it came from
     */
    public static Query parse(String text) {
      int eq = text.indexOf('=');
      if (eq <= 0) {
        throw new PrometheusException("expected NAME=PROMQL, such as"
            + " rps=sum(rate(http_requests_total[5m]))");
      }
      return new Query(text.substring(0, eq).strip(), text.substring(eq + 1).strip());
    }
  }

  /** How to prove who is asking: nothing, a bearer token, or a user and password. */
  public sealed interface Credentials {
    /** No Authorization header. */
    record None() implements Credentials {}

    record Bearer(String token) implements Credentials {
      @Override
      public String toString() {
        return "Bearer(…)";
      }
    }

    record Basic(String user, String password) implements Credentials {
      @Override
      public String toString() {
        return "Basic(" + user + ", …)";
      }
    }
  }

  /**
   * One query's answer.
   *
   * @param series the points, named by the query's name
   * @param answer a {@code query_range} answer holding exactly these points, as the server wrote
   *     each value, for saving and reading back
   * @param requests how many requests the range took
   * @param warnings what Prometheus warned of, and points left out
   */
  public record Fetched(Query query, RawSeries series, String answer, int requests, List<String> warnings) {
    public Fetched {
      warnings = List.copyOf(warnings);
    }
  }

  /**
   * @param baseUrl the server, as its users open it: {@code http://prometheus:9090}, or with the
   *     path prefix a proxy serves it under
   * @param caFile PEM certificates to trust for https (the server's CA), or null for the JVM's own
   * @throws PrometheusException for a URL that is not http(s) or a CA file that cannot be used
   */
  public PrometheusSource(String baseUrl, Credentials credentials, Path caFile, Duration timeout) {
    this(baseUrl, credentials, caFile, timeout, POINTS_PER_REQUEST);
  }

  /** @param pointsPerRequest the most points one request asks for, for servers with a lower limit */
  public PrometheusSource(String baseUrl, Credentials credentials, Path caFile, Duration timeout,
      int pointsPerRequest) {
    if (pointsPerRequest < 2) {
      throw new IllegalArgumentException("at least 2 points a request, not " + pointsPerRequest);
    }
    this.pointsPerRequest = pointsPerRequest;
    URI base;
    try {
      base = URI.create(baseUrl.strip());
    } catch (IllegalArgumentException e) {
      throw new PrometheusException("--prometheus " + redacted(baseUrl) + ": not a URL");
    }
    String scheme = base.getScheme() == null ? "" : base.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || base.getHost() == null) {
      throw new PrometheusException("--prometheus " + redacted(baseUrl)
          + ": expected an http:// or https:// URL with a host, such as http://prometheus:9090");
    }
    if (base.getRawUserInfo() != null) {
      throw new PrometheusException("--prometheus: the URL holds a user and password; give them with"
          + " --prometheus-user and --prometheus-password-env or --prometheus-password-file instead");
    }
    if (caFile != null && !scheme.equals("https")) {
      throw new PrometheusException("--prometheus-ca-file is for https; " + redacted(baseUrl) + " is plain http");
    }
    String path = base.getRawPath() == null ? "" : base.getRawPath().replaceAll("/+$", "");
    this.endpoint = URI.create(scheme + "://" + base.getRawAuthority() + path + "/api/v1/query_range");
    this.shownUrl = scheme + "://" + base.getRawAuthority() + path;
    this.timeout = timeout;
    HttpClient.Builder builder = HttpClient.newBuilder()
        .connectTimeout(timeout)
        // Never: the JDK's client would send the credentials on to wherever a redirect points.
        .followRedirects(HttpClient.Redirect.NEVER);
    if (caFile != null) {
      builder.sslContext(trusting(caFile));
    }
    this.client = builder.build();
    if (credentials instanceof Credentials.Bearer bearer) {
      this.authorization = "Bearer " + bearer.token();
    } else if (credentials instanceof Credentials.Basic basic) {
      this.authorization = "Basic " + Base64.getEncoder().encodeToString(
          (basic.user() + ":" + basic.password()).getBytes(StandardCharsets.UTF_8));
    } else {
      this.authorization = null;
    }
  }

  /** {@code url} with any user and password replaced by {@code ***}, for messages. */
  public static String redacted(String url) {
    return url == null ? null : url.replaceFirst("^([a-zA-Z][a-zA-Z0-9+.-]*://)?[^/@\\s]*@", "$1***@");
  }

  /** The server as given, without credentials. */
  public String url() {
    return shownUrl;
  }

  /**
   * The query's series from {@code start} to {@code end}, both included, every {@code step}.
   *
   * @throws PrometheusException when the server cannot be asked or gives no single usable series
   */
  public Fetched fetch(Query query, long start, long end, long step) {
    if (step < 1 || end < start) {
      throw new IllegalArgumentException("step " + step + " from " + start + " to " + end);
    }
    ArrayNode values = JSON.createArrayNode();
    Set<String> warnings = new LinkedHashSet<>();
    String labels = null;
    int requests = 0;
    int notNumbers = 0;
    for (long from = start; from <= end; from += (long) pointsPerRequest * step) {
      long to = Math.min(end, from + (long) (pointsPerRequest - 1) * step);
      JsonNode data = ask(query, from, to, step, warnings);
      requests++;
      JsonNode result = data.path("result");
      if (result.size() > 1) {
        throw new PrometheusException(tooMany(query, result));
      }
      if (result.isEmpty()) {
        continue;
      }
      String these = result.get(0).path("metric").toString();
      if (labels != null && !labels.equals(these)) {
        throw new PrometheusException("query " + query.name() + " gives " + labels + " before "
            + Timestamps.format(from) + " and " + these + " after: two series; aggregate them into one,"
            + " for example sum(" + query.promql() + ")");
      }
      labels = these;
      for (JsonNode pair : result.get(0).path("values")) {
        if (!pair.isArray() || pair.size() != 2 || !pair.get(0).isNumber() || !pair.get(1).isTextual()) {
          throw notPrometheus("a point " + pair + " instead of [<seconds>, \"<value>\"]");
        }
        String text = pair.get(1).asText();
        double value;
        try {
          // Prometheus spells the infinities +Inf and -Inf, which Java does not read.
          value = text.equals("+Inf") || text.equals("-Inf") ? Double.NaN : Double.parseDouble(text);
        } catch (NumberFormatException e) {
          throw notPrometheus("a value " + pair.get(1) + " that is not a number");
        }
        if (Double.isFinite(value)) {
          values.add(pair);
        } else {
          notNumbers++;
        }
      }
    }
    if (labels == null) {
      throw new PrometheusException.NoSeries("query " + query.name() + "=" + query.promql() + " found no series at "
          + shownUrl + " from " + Timestamps.format(start) + " to " + Timestamps.format(end)
          + " (is the name right, and is there data in that range?)");
    }
    if (values.isEmpty()) {
      throw new PrometheusException("query " + query.name() + "=" + query.promql() + " gave only values that"
          + " are not numbers (NaN or ±Inf) from " + Timestamps.format(start) + " to " + Timestamps.format(end));
    }
    if (notNumbers > 0) {
      warnings.add(query.name() + ": " + notNumbers + " point" + (notNumbers == 1 ? "" : "s") + " NaN or ±Inf"
          + " left out (a division by zero in the query?)");
    }
    ObjectNode answer = JSON.createObjectNode().put("status", "success");
    ObjectNode series = answer.putObject("data").put("resultType", "matrix").putArray("result").addObject();
    series.putObject("metric").put("__name__", query.name());
    series.set("values", values);
    String text;
    try {
      text = JSON.writeValueAsString(answer);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    RawSeries points = PrometheusMetrics.parse(text, Path.of(query.name() + " from " + shownUrl)).get(0);
    return new Fetched(query, points, text, requests, new ArrayList<>(warnings));
  }

  /**
   * How densely a fetched series fills its steps. Prometheus answers each step with the latest
   * sample of the five minutes before it (its lookback), so a step finer than the samples' own
   * spacing repeats each sample on the next step or two and then leaves steps empty: a staircase
   * with holes, not finer data.
   *
   * @param coverage steps from the first point to the last that have a value, 0..1
   * @param repeats of neighbouring steps that both have a value, the share whose values are equal
   */
  public record Sampling(double coverage, double repeats) {
    /** Below this coverage, or at or above this share of repeats, a series is a staircase. */
    public static final double MIN_COVERAGE = 0.9;
    public static final double MAX_REPEATS = 0.4;

    public static Sampling of(RawSeries series, long step) {
      long[] times = series.epochSeconds();
      double[] values = series.values();
      if (times.length < 2) {
        return new Sampling(1, 0);
      }
      long steps = (times[times.length - 1] - times[0]) / step + 1;
      int neighbours = 0;
      int equal = 0;
      for (int i = 1; i < times.length; i++) {
        if (times[i] - times[i - 1] == step) {
          neighbours++;
          if (values[i] == values[i - 1]) {
            equal++;
          }
        }
      }
      return new Sampling(Math.min(1, times.length / (double) steps),
          neighbours == 0 ? 0 : equal / (double) neighbours);
    }

    /** Whether the series looks sampled at least once a step. */
    public boolean dense() {
      return coverage >= MIN_COVERAGE && repeats < MAX_REPEATS;
    }

    /**
     * Whether {@code coarser}, the same query at a longer step, is the series with less of a
     * staircase: half again as many steps filled (or dense), or half the repeats. A series that
     * is flat by nature (a pool at its maximum for hours) repeats at every step and is not.
     */
    public boolean improvedBy(Sampling coarser) {
      return coarser.coverage >= Math.min(MIN_COVERAGE, 1.5 * coverage) && coarser.coverage > coverage
          || coarser.repeats < repeats / 2 && coarser.coverage >= Math.min(coverage, MIN_COVERAGE);
    }
  }

  private static String tooMany(Query query, JsonNode result) {
    List<String> some = new ArrayList<>();
    for (JsonNode r : result) {
      if (some.size() == 3) {
        some.add("…");
        break;
      }
      some.add(r.path("metric").toString());
    }
    return "query " + query.name() + "=" + query.promql() + " gives " + result.size() + " series ("
        + String.join(", ", some) + "); a forecast needs one: aggregate them, for example sum("
        + query.promql() + ")";
  }

  /** One request; the answer's {@code data}. */
  private JsonNode ask(Query query, long from, long to, long step, Collection<String> warnings) {
    String form = "query=" + URLEncoder.encode(query.promql(), StandardCharsets.UTF_8)
        + "&start=" + from + "&end=" + to + "&step=" + step;
    HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
        .timeout(timeout)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(form));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    HttpResponse<byte[]> response;
    try {
      response = exchange(request.build());
    } catch (HttpConnectTimeoutException e) {
      throw new PrometheusException("cannot connect to Prometheus at " + shownUrl + ": no answer within "
          + seconds(timeout));
    } catch (HttpTimeoutException e) {
      throw new PrometheusException("Prometheus at " + shownUrl + " did not answer query " + query.name()
          + " within " + seconds(timeout));
    } catch (ConnectException e) {
      throw new PrometheusException("cannot connect to Prometheus at " + shownUrl + " ("
          + (e.getMessage() == null ? "connection refused" : e.getMessage()) + ")");
    } catch (SSLException e) {
      throw new PrometheusException("TLS with Prometheus at " + shownUrl + " failed (" + firstLine(e)
          + "); --prometheus-ca-file names the certificate authority to trust");
    } catch (IOException e) {
      throw new PrometheusException("cannot ask Prometheus at " + shownUrl + " (" + firstLine(e) + ")"
          + httpsHint());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PrometheusException("interrupted while asking Prometheus at " + shownUrl);
    }
    byte[] body = response.body();
    int code = response.statusCode();
    if (code / 100 == 3) {
      throw new PrometheusException("Prometheus at " + shownUrl + " answered " + code + ", a redirect to "
          + redacted(response.headers().firstValue("Location").orElse("(no Location)"))
          + ": give the URL it redirects to (credentials are not sent on)");
    }
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (IOException e) {
      root = null;
    }
    int status = response.statusCode();
    if (root == null || !root.isObject() || !root.has("status")) {
      String text = new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8)
          .lines().findFirst().orElse("").strip();
      String hint = status == 401 || status == 403 ? "; it asks for credentials:"
          + " --prometheus-token-env, --prometheus-token-file, or --prometheus-user with a password" : "";
      throw new PrometheusException("Prometheus at " + shownUrl + " answered " + status
          + (text.isEmpty() ? "" : " \"" + text + "\"") + hint
          + (status / 100 == 2 ? ", not a Prometheus API answer (is the URL the server's own?)" : ""));
    }
    for (JsonNode warning : root.path("warnings")) {
      warnings.add(query.name() + ": Prometheus warns: " + warning.asText());
    }
    if (!"success".equals(root.path("status").asText()) || status / 100 != 2) {
      String type = root.path("errorType").asText("");
      throw new PrometheusException("Prometheus at " + shownUrl + " refused query " + query.name() + "="
          + query.promql() + ": " + status + (type.isEmpty() ? "" : " " + type) + ": "
          + root.path("error").asText("(no error text)"));
    }
    JsonNode data = root.path("data");
    if (!"matrix".equals(data.path("resultType").asText())) {
      throw notPrometheus("resultType '" + data.path("resultType").asText() + "' instead of 'matrix'");
    }
    if (!data.path("result").isArray()) {
      throw notPrometheus("no result list");
    }
    return data;
  }

  /** For a plain-http URL whose server hung up: a server that speaks TLS does that to plain requests. */
  private String httpsHint() {
    return shownUrl.startsWith("http://") ? "; if the server speaks TLS, give its https:// URL" : "";
  }

  /**
   * One request and its whole answer within the timeout: the request's own timeout stops at the
   * headers, and a server that stalls in the body would hold the command for ever.
   */
  private HttpResponse<byte[]> exchange(HttpRequest request) throws IOException, InterruptedException {
    try {
      return client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
          .get(timeout.toMillis() + 1_000, java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new HttpTimeoutException("no whole answer within " + seconds(timeout));
    } catch (java.util.concurrent.ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      throw new IOException(cause == null ? e : cause);
    }
  }

  private PrometheusException notPrometheus(String what) {
    return new PrometheusException("Prometheus at " + shownUrl + " gave " + what
        + ": not a query_range answer");
  }

  private static String seconds(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }

  private static String firstLine(Throwable e) {
    String text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return text.lines().findFirst().orElse("").strip();
  }

  /** An SSL context trusting the PEM certificates of the file, and nothing else. */
  private static SSLContext trusting(Path caFile) {
    try (InputStream in = Files.newInputStream(caFile)) {
      Collection<? extends Certificate> certificates =
          CertificateFactory.getInstance("X.509").generateCertificates(in);
      if (certificates.isEmpty()) {
        throw new PrometheusException("--prometheus-ca-file " + caFile + ": no PEM certificate in it");
      }
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      int i = 0;
      for (Certificate certificate : certificates) {
        store.setCertificateEntry("ca-" + i++, certificate);
      }
      TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(store);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context;
    } catch (java.nio.file.NoSuchFileException e) {
      throw new PrometheusException("--prometheus-ca-file " + caFile + ": no such file");
    } catch (IOException e) {
      throw new PrometheusException("--prometheus-ca-file " + caFile + ": cannot read (" + firstLine(e) + ")");
    } catch (GeneralSecurityException e) {
      throw new PrometheusException("--prometheus-ca-file " + caFile + ": not PEM certificates ("
          + firstLine(e) + ")");
    }
  }
}
