package io.casinoperf.simulations;

import io.casinoperf.capacity.series.PrometheusException;
import io.casinoperf.capacity.series.PrometheusSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What each level of a capacity probe cost the platform, read back from Prometheus after the run:
 * {@code -Dprometheus=URL} and {@code -Dprobe.resources=NAME=PROMQL,…} (commas inside the PromQL's
 * brackets and quotes belong to it). Each resource is the mean of its query over the level's
 * measuring window, asked for every second, so that a sample Prometheus repeats (a scrape every 15
 * s) counts for as long as it held. A bearer token comes from {@value #TOKEN_ENV} or {@code
 * -Dprometheus.tokenFile=FILE}, never the command line.
 */
final class ProbeResources {
  static final String TOKEN_ENV = "CASINOPERF_PROMETHEUS_TOKEN";
  /** How long to wait for Prometheus to have scraped past the last window's end. */
  static final Duration SETTLE = Duration.ofSeconds(30);

  private final PrometheusSource source;
  private final List<PrometheusSource.Query> queries;

  private ProbeResources(PrometheusSource source, List<PrometheusSource.Query> queries) {
    this.source = source;
    this.queries = List.copyOf(queries);
  }

  /**
   * The resources the run parameters ask for; empty without {@code -Dprobe.resources}.
   *
   * @throws IllegalArgumentException naming the parameter for a value that cannot work
   */
  static Optional<ProbeResources> from(Map<String, String> properties, Map<String, String> environment) {
    String resources = properties.get("probe.resources");
    String url = properties.get("prometheus");
    if (resources == null) {
      if (url != null) {
        throw new IllegalArgumentException("-Dprometheus=" + PrometheusSource.redacted(url)
            + " is for -Dprobe.resources=NAME=PROMQL,…:"
            + " give the resources to record at each level");
      }
      return Optional.empty();
    }
    if (url == null) {
      throw new IllegalArgumentException("-Dprobe.resources needs -Dprometheus=URL, the server that scrapes"
          + " the platform");
    }
    List<PrometheusSource.Query> queries = new ArrayList<>();
    Map<String, String> byName = new LinkedHashMap<>();
    for (String part : splitTopLevel(resources)) {
      PrometheusSource.Query query;
      try {
        query = PrometheusSource.Query.parse(part);
      } catch (PrometheusException e) {
        throw new IllegalArgumentException("-Dprobe.resources: " + part + ": " + e.getMessage());
      }
      if (byName.put(query.name().toLowerCase(java.util.Locale.ROOT), query.promql()) != null) {
        throw new IllegalArgumentException("-Dprobe.resources: " + query.name() + " is given twice");
      }
      if (List.of("concurrency", "throughput_per_s", "throughput", "p99_ms", "error_rate", "mean_ms", "scv")
          .contains(query.name().toLowerCase(java.util.Locale.ROOT))) {
        throw new IllegalArgumentException("-Dprobe.resources: " + query.name() + " is a column the probe"
            + " writes itself; name the resource otherwise");
      }
      queries.add(query);
    }
    if (queries.isEmpty()) {
      throw new IllegalArgumentException("-Dprobe.resources is empty; expected NAME=PROMQL,…");
    }
    PrometheusSource.Credentials credentials = new PrometheusSource.Credentials.None();
    String token = environment.get(TOKEN_ENV);
    String tokenFile = properties.get("prometheus.tokenFile");
    if (token != null && !token.isEmpty()) {
      credentials = new PrometheusSource.Credentials.Bearer(token);
    } else if (tokenFile != null) {
      try {
        credentials = new PrometheusSource.Credentials.Bearer(
            Files.readString(Path.of(tokenFile), StandardCharsets.UTF_8).strip());
      } catch (IOException e) {
        throw new IllegalArgumentException("-Dprometheus.tokenFile=" + tokenFile + ": cannot read it ("
            + e.getMessage() + ")");
      }
    }
    try {
      return Optional.of(new ProbeResources(new PrometheusSource(url, credentials, null, Duration.ofSeconds(10)),
          queries));
    } catch (PrometheusException e) {
      throw new IllegalArgumentException("-Dprometheus=" + PrometheusSource.redacted(url) + ": " + e.getMessage());
    }
  }

  /** {@code a=f(x, y),b=g{l="1",m="2"}} → the two, split at commas outside brackets and quotes. */
  static List<String> splitTopLevel(String text) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    char quote = 0;
    int from = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        if (c == '\\') {
          i++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '\'' || c == '`') {
        quote = c;
      } else if (c == '(' || c == '{' || c == '[') {
        depth++;
      } else if (c == ')' || c == '}' || c == ']') {
        depth--;
      } else if (c == ',' && depth == 0) {
        parts.add(text.substring(from, i).strip());
        from = i + 1;
      }
    }
    parts.add(text.substring(from).strip());
    parts.removeIf(String::isEmpty);
    return parts;
  }

  List<String> names() {
    return queries.stream().map(PrometheusSource.Query::name).toList();
  }

  /**
   * Each resource's mean over each window ({@code [from, to)} epoch ms), by name, in window order;
   * NaN where Prometheus had no value in a window. Waits up to {@link #SETTLE} for the last window
   * to be scraped.
   *
   * @throws PrometheusException when the server cannot be asked or refuses a query
   */
  Map<String, double[]> measure(List<long[]> windows) throws InterruptedException {
    Map<String, double[]> means = new LinkedHashMap<>();
    if (windows.isEmpty()) {
      queries.forEach(q -> means.put(q.name(), new double[0]));
      return means;
    }
    long first = Math.floorDiv(windows.get(0)[0], 1000) + 1;
    long last = Math.floorDiv(windows.get(windows.size() - 1)[1] - 1, 1000);
    long deadline = System.nanoTime() + SETTLE.toNanos();
    for (PrometheusSource.Query query : queries) {
      PrometheusSource.Fetched fetched;
      while (true) {
        fetched = fetchOrEmpty(query, first, last);
        long[] times = fetched == null ? new long[0] : fetched.series().epochSeconds();
        if (times.length > 0 && times[times.length - 1] >= last || System.nanoTime() > deadline) {
          break;
        }
        Thread.sleep(1000);
      }
      long[] times = fetched == null ? new long[0] : fetched.series().epochSeconds();
      double[] values = fetched == null ? new double[0] : fetched.series().values();
      double[] perWindow = new double[windows.size()];
      for (int w = 0; w < windows.size(); w++) {
        double sum = 0;
        int n = 0;
        for (int i = 0; i < times.length; i++) {
          long millis = times[i] * 1000;
          if (millis >= windows.get(w)[0] && millis < windows.get(w)[1]) {
            sum += values[i];
            n++;
          }
        }
        perWindow[w] = n == 0 ? Double.NaN : sum / n;
      }
      means.put(query.name(), perWindow);
    }
    return means;
  }

  /** The series over the whole probe, or null while Prometheus has none of it. */
  private PrometheusSource.Fetched fetchOrEmpty(PrometheusSource.Query query, long first, long last) {
    try {
      return source.fetch(query, first, last, 1);
    } catch (PrometheusException.NoSeries e) {
      return null;
    }
  }
}
