package io.casinoperf.report;

import com.samskivert.mustache.Template;
import io.casinoperf.report.RunTrend.Marker;
import io.casinoperf.report.RunTrend.Outcome;
import io.casinoperf.report.RunTrend.Point;
import io.casinoperf.report.RunTrend.Run;
import io.casinoperf.report.chart.SvgCharts;
import io.casinoperf.report.chart.TrendCharts;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.jfree.chart.JFreeChart;

/** trend.html: p99 and error rate per request across a simulation's stored runs, one self-contained file. */
public final class TrendHtml {
  private static final Template TEMPLATE = HtmlTemplates.load("trend");
  private static final DateTimeFormatter RECORDED =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private TrendHtml() {}

  /** Charts for all requests and at most this many single requests, the busiest first. */
  public static final int DEFAULT_CHARTED_REQUESTS = 12;

  public static String render(RunTrend trend) {
    return render(trend, DEFAULT_CHARTED_REQUESTS, Map.of());
  }

  /**
   * @param chartedRequests how many single requests get charts, the busiest first (all requests
   *     are always charted; 0 charts every request); the rest are named below the charts
   * @param gateReports by run id, a link to the run's gate.html (relative to the page's folder, or
   *     a file: URI); runs without one are not linked
   */
  public static String render(RunTrend trend, int chartedRequests, Map<String, String> gateReports) {
    List<Run> runs = trend.runs();
    Map<String, Object> page = new LinkedHashMap<>();
    page.put("simulation", trend.simulation());
    page.put("chosen", trend.chosenByDefault() ? "the simulation of the newest run" : "as asked");
    page.put("others", trend.otherSimulations().isEmpty() ? null : trend.otherSimulations().entrySet().stream()
        .map(e -> e.getKey() + " (" + e.getValue() + (e.getValue() == 1 ? " run)" : " runs)"))
        .collect(Collectors.joining(", ")));
    page.put("runCount", runs.size());
    page.put("first", RECORDED.format(runs.get(0).record().recordedAt()));
    page.put("last", RECORDED.format(runs.get(runs.size() - 1).record().recordedAt()));
    page.put("passes", count(runs, Outcome.PASS));
    page.put("regressions", count(runs, Outcome.REGRESSION));
    page.put("inconclusive", count(runs, Outcome.INCONCLUSIVE));
    page.put("aborted", count(runs, Outcome.ABORTED));
    page.put("invalid", count(runs, Outcome.INVALID));
    page.put("problems", trend.problems());
    List<String> charted = charted(trend, chartedRequests);
    page.put("charts", charts(trend, charted));
    List<String> notCharted = trend.requests().stream().filter(r -> !charted.contains(r)).toList();
    page.put("notCharted", notCharted.isEmpty() ? null : String.join(", ", notCharted));
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = runs.size() - 1; i >= 0; i--) {
      rows.add(row(runs.get(i), gateReports.get(runs.get(i).record().id())));
    }
    page.put("rows", rows);
    return TEMPLATE.execute(page);
  }

  private static List<String> charted(RunTrend trend, int limit) {
    List<String> requests = trend.requests();
    if (limit <= 0 || requests.size() <= limit + 1) {
      return requests;
    }
    Map<String, Long> traffic = new LinkedHashMap<>();
    for (String path : requests) {
      long total = 0;
      for (Run run : trend.runs()) {
        Point point = run.points().get(path);
        total += point == null ? 0 : point.count();
      }
      traffic.put(path, total);
    }
    List<String> busiest = requests.stream().filter(r -> !r.equals(RunTrend.ALL_REQUESTS))
        .sorted((a, b) -> Long.compare(traffic.get(b), traffic.get(a))).limit(limit).toList();
    return requests.stream().filter(r -> r.equals(RunTrend.ALL_REQUESTS) || busiest.contains(r)).toList();
  }

  private static List<Map<String, Object>> charts(RunTrend trend, List<String> charted) {
    List<Map<String, Object>> charts = new ArrayList<>();
    int index = 0;
    for (String path : charted) {
      charts.add(Map.of("path", path,
          "p99", SvgCharts.svg(p99Chart(trend, path), "p99-" + index, path + ": p99 per run", 540, 340),
          "errors", SvgCharts.svg(errorChart(trend, path), "errors-" + index, path + ": error rate per run", 540, 340)));
      index++;
    }
    return charts;
  }

  /** One request's p99 per run (ms), each run marked as {@link Run#markerOn} says. */
  static JFreeChart p99Chart(RunTrend trend, String path) {
    return TrendCharts.perRun("p99 response time", "p99 (ms)", values(trend, path, Point::p99Millis),
        markers(trend, path), ticks(trend), false);
  }

  /** One request's error rate per run, each run marked as {@link Run#markerOn} says. */
  static JFreeChart errorChart(RunTrend trend, String path) {
    return TrendCharts.perRun("Error rate", "KO responses (%)", values(trend, path, Point::errorRate),
        markers(trend, path), ticks(trend), true);
  }

  /** A value per run; NaN where the run did not send the request. */
  private static double[] values(RunTrend trend, String path, ToDoubleFunction<Point> value) {
    List<Run> runs = trend.runs();
    double[] values = new double[runs.size()];
    for (int i = 0; i < runs.size(); i++) {
      Point point = runs.get(i).points().get(path);
      values[i] = point != null && point.count() > 0 ? value.applyAsDouble(point) : Double.NaN;
    }
    return values;
  }

  private static List<Marker> markers(RunTrend trend, String path) {
    return trend.runs().stream().map(run -> run.markerOn(path)).toList();
  }

  private static List<String> ticks(RunTrend trend) {
    return trend.runs().stream().map(Run::axisLabel).toList();
  }

  private static Map<String, Object> row(Run run, String gateReport) {
    Map<String, Object> row = new LinkedHashMap<>();
    Point all = run.all();
    row.put("class", run.outcome().cssClass());
    row.put("symbol", run.outcome().symbol());
    row.put("id", run.record().id());
    row.put("gateReport", gateReport);
    row.put("label", run.record().label());
    row.put("recordedAt", RECORDED.format(run.record().recordedAt()));
    row.put("verdict", run.record().verdict().orElse("not judged") + (run.record().partial() ? ", partial" : ""));
    // Aborted and invalid runs are decided by the run as a whole; saying so adds nothing.
    boolean wholeRunRule = run.outcome() == Outcome.ABORTED || run.outcome() == Outcome.INVALID;
    row.put("decidedBy", wholeRunRule ? null : run.record().decidedBy().orElse(null));
    row.put("count", String.format(Locale.ROOT, "%,d", all.count()));
    row.put("p99", p99(all));
    row.put("errorRate", percent(all.errorRate()));
    row.put("lastPass", run.lastPassBefore() == null ? "–"
        : run.lastPassBefore().label().isBlank() ? Run.shortId(run.lastPassBefore()) : run.lastPassBefore().label());
    return row;
  }

  /** As the table prints a p99: whole milliseconds. */
  static String p99(Point point) {
    return point.count() == 0 ? "–" : point.p99Millis() + " ms";
  }

  /** As the table prints an error rate: percent, two decimals. */
  static String percent(double share) {
    return String.format(Locale.ROOT, "%.2f %%", 100 * share);
  }

  private static long count(List<Run> runs, Outcome outcome) {
    return runs.stream().filter(r -> r.outcome() == outcome).count();
  }
}
