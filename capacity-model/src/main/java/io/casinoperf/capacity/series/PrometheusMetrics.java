package io.casinoperf.capacity.series;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Metrics from a Prometheus {@code /api/v1/query_range} answer saved to a file: {@code
 * {"status":"success","data":{"resultType":"matrix","result":[{"metric":{labels},"values":
 * [[<epoch seconds>, "<value>"], …]}]}}}. Each result is a series named by its labels, e.g.
 * {@code cpu{instance="app-1"}}. Prometheus writes values as strings; "NaN" and "±Inf" are
 * refused, and so are timestamps outside 1970 to 9999 (milliseconds, say). The file holds exactly
 * one answer: anything after it, and a key given twice in one object (which would otherwise let
 * the last one win, renaming a series or changing the status), are refused at their line and
 * column.
 */
public final class PrometheusMetrics {
  /** 9999-12-31T23:59:59Z: later timestamps are not seconds (or not Prometheus's). */
  private static final double LAST_SECOND = 253_402_300_799L;
  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  private PrometheusMetrics() {}

  /** @throws MetricsFormatException naming the file and what was expected */
  public static List<RawSeries> read(Path file) {
    JsonNode root;
    try {
      root = JSON.readTree(file.toFile());
    } catch (NoSuchFileException e) {
      throw new MetricsFormatException(file, 0, "no such file");
    } catch (JsonProcessingException e) {
      throw notJson(file, e);
    } catch (IOException e) {
      if (!file.toFile().exists()) {
        throw new MetricsFormatException(file, 0, "no such file");
      }
      throw new MetricsFormatException(file, 0, "cannot read (" + e.getMessage() + ")");
    }
    return series(file, root);
  }

  /**
   * An answer already in memory (one fetched from a server), checked as a file is.
   *
   * @param source what messages name in place of a file
   */
  public static List<RawSeries> parse(String answer, Path source) {
    try {
      return series(source, JSON.readTree(answer));
    } catch (JsonProcessingException e) {
      throw notJson(source, e);
    }
  }

  private static List<RawSeries> series(Path file, JsonNode root) {
    if (root == null || !root.isObject()) {
      throw new MetricsFormatException(file, 0, "empty, or not a Prometheus query_range answer");
    }
    if (!"success".equals(root.path("status").asText())) {
      throw new MetricsFormatException(file, 0, "Prometheus status is '" + root.path("status").asText()
          + "', not 'success'" + (root.has("error") ? ": " + root.path("error").asText() : ""));
    }
    JsonNode data = root.path("data");
    if (!"matrix".equals(data.path("resultType").asText())) {
      throw new MetricsFormatException(file, 0, "resultType is '" + data.path("resultType").asText()
          + "'; expected 'matrix' (a query_range answer)");
    }
    List<RawSeries> series = new ArrayList<>();
    int index = 0;
    for (JsonNode result : data.path("result")) {
      series.add(result(file, result, index++));
    }
    if (series.isEmpty()) {
      throw new MetricsFormatException(file, 0, "the query returned no series");
    }
    return series;
  }

  /** Jackson's complaint as one line at its line and column. */
  private static MetricsFormatException notJson(Path file, JsonProcessingException e) {
    JsonLocation at = e.getLocation();
    String column = at == null || at.getColumnNr() < 1 ? "" : " at column " + at.getColumnNr();
    String problem;
    if (e instanceof MismatchedInputException) {
      // The only mismatch reading a tree can meet: FAIL_ON_TRAILING_TOKENS found a second value.
      problem = "more after the end of the answer; expected one query_range answer per file";
    } else if (e.getOriginalMessage().startsWith("Duplicate field '")) {
      problem = e.getOriginalMessage().substring("Duplicate field ".length())
          + " given twice in one object; expected each key once";
    } else {
      problem = e.getOriginalMessage().lines().findFirst().orElse("unreadable");
    }
    return new MetricsFormatException(file, at == null ? 0 : at.getLineNr(), "not valid JSON" + column
        + ": " + problem);
  }

  private static RawSeries result(Path file, JsonNode result, int index) {
    String name = name(result.path("metric"));
    JsonNode values = result.path("values");
    if (!values.isArray() || values.isEmpty()) {
      throw new MetricsFormatException(file, 0, "series " + index + " (" + name + ") has no values");
    }
    long[] times = new long[values.size()];
    double[] numbers = new double[values.size()];
    int i = 0;
    for (JsonNode pair : values) {
      if (!pair.isArray() || pair.size() != 2 || !pair.get(0).isNumber()) {
        throw new MetricsFormatException(file, 0, "series " + name + ", point " + i
            + ": expected [<epoch seconds>, \"<value>\"], found " + pair);
      }
      double seconds = pair.get(0).asDouble();
      if (!(seconds >= 0 && seconds <= LAST_SECOND)) {
        throw new MetricsFormatException(file, 0, "series " + name + ", point " + i + ": timestamp "
            + pair.get(0) + " is not epoch seconds between 1970 and 9999 (Prometheus writes seconds;"
            + " milliseconds are a thousand times larger)");
      }
      times[i] = (long) Math.floor(seconds);
      double value;
      try {
        value = Double.parseDouble(pair.get(1).asText());
      } catch (NumberFormatException e) {
        value = Double.NaN;
      }
      if (!Double.isFinite(value)) {
        throw new MetricsFormatException(file, 0, "series " + name + " at "
            + Timestamps.format(times[i]) + ": value " + pair.get(1) + " is not a finite number");
      }
      numbers[i] = value;
      i++;
    }
    return new RawSeries(name, times, numbers);
  }

  /** {@code __name__{a="1",b="2"}} with labels sorted, as Prometheus prints series. */
  private static String name(JsonNode metric) {
    Map<String, String> labels = new TreeMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = metric.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> label = it.next();
      labels.put(label.getKey(), label.getValue().asText());
    }
    String metricName = labels.getOrDefault("__name__", "");
    labels.remove("__name__");
    String rest = labels.entrySet().stream()
        .map(e -> e.getKey() + "=\"" + e.getValue() + "\"")
        .collect(Collectors.joining(","));
    return metricName + (rest.isEmpty() ? "" : "{" + rest + "}");
  }
}
