package io.casinoperf.report;

import com.samskivert.mustache.Template;
import io.casinoperf.capacity.demand.Backtest;
import io.casinoperf.capacity.forecast.CapacityForecast;
import io.casinoperf.capacity.forecast.CapacityForecast.NodePlan;
import io.casinoperf.capacity.forecast.CapacityForecast.Quantiles;
import io.casinoperf.capacity.forecast.CapacityForecast.ResourceForecast;
import io.casinoperf.capacity.forecast.CapacityForecast.SeriesChart;
import io.casinoperf.report.chart.CapacityCharts;
import io.casinoperf.report.chart.PngCharts;
import io.casinoperf.report.chart.SvgCharts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** capacity.html: the forecast for a campaign review, one self-contained file. */
public final class CapacityHtml {
  private static final Template TEMPLATE = HtmlTemplates.load("capacity");
  private static final long ZOOM_SECONDS = 14 * 86_400L;
  /** Time shown before and after the planned window on its own chart. */
  private static final long EVENT_MARGIN_SECONDS = 6 * 3_600L;

  private CapacityHtml() {}

  public static String render(CapacityForecast f) {
    Map<String, Object> page = new LinkedHashMap<>();
    CapacityForecast.Planned p = f.planned();
    page.put("schema", f.schema());
    page.put("planned", Map.of(
        "name", p.name(),
        "description", (p.type() == null ? "organic traffic" : p.type() + " promotion") + ", "
            + p.start() + " to " + p.end(),
        "multiplierText", switch (p.multiplierSource()) {
          case PLANNER -> String.format(Locale.ROOT, "×%.2f (the planner's multiplier)", p.multiplier());
          case LEARNED -> String.format(Locale.ROOT, "×%.2f (learned from past %s promotions)", p.multiplier(), p.type());
          case NONE -> "without a promotion";
        }));
    CapacityForecast.TrafficForecast t = f.traffic();
    page.put("traffic", Map.of("series", t.series(), "unit", t.unit(), "peakAt", t.peakAt(),
        "p50", num(t.peak().p50()), "p90", num(t.peak().p90()), "p99", num(t.peak().p99()),
        "maxObserved", num(t.maxObserved())));
    page.put("decideAt", String.format(Locale.ROOT, "P%.0f", 100 * f.decisionQuantile()));
    List<Map<String, Object>> headline = new ArrayList<>();
    if (t.nodes() != null) {
      headline.add(row(t.series() + " (load-test throughput)", t.peak(), t.unit() + " per node", t.nodes()));
    }
    for (ResourceForecast r : f.resources()) {
      headline.add(row(r.name(), r.value(), r.unit() + (r.perNode() ? " per node" : ""), r.nodes()));
    }
    page.put("headline", headline);
    page.put("hasHeadline", !headline.isEmpty());
    page.put("warnings", FindingText.sentences(f.warnings()));
    page.put("implausible", ForecastWriters.implausiblePeak(f).orElse(null));
    String bottom = ForecastWriters.bottomLine(f);
    page.put("bottomLine", bottom.isEmpty() ? null : bottom);
    page.put("assumptions", FindingText.sentences(f.assumptions()));
    page.put("timeCharts", timeCharts(f));
    page.put("relationCharts", relationCharts(f));
    page.put("usl", usl(f));
    page.put("latency", latency(f));
    page.put("quality", quality(f));
    return TEMPLATE.execute(page);
  }

  private static Map<String, Object> row(String name, Quantiles q, String unit, NodePlan n) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("name", name);
    // One scale per row, the limit's: 5.45 and 8 GiB, not 5.85e+09 and 8589934592 bytes.
    Units.Scale scale = Units.scaleFor(unit.replace(" per node", ""), Math.max(Math.abs(n.limit()),
        Math.abs(q.p90())));
    String per = unit.endsWith(" per node") ? " per node" : "";
    row.put("p50", scale.number(q.p50()) + " " + scale.unit());
    row.put("p90", scale.number(q.p90()) + " " + scale.unit());
    row.put("limit", scale.number(n.limit()) + " " + scale.unit() + per);
    row.put("nodes", n.nodesNeeded().p50() + " / " + n.nodesNeeded().p90() + " / " + n.nodesNeeded().p99()
        + (n.redundancy() > 0 ? " (N+" + n.redundancy() + ")" : ""));
    row.put("current", n.currentNodes() == 0 ? "not given" : Integer.toString(n.currentNodes()));
    row.put("headroom", n.headroom() == null ? "–" : String.format(Locale.ROOT, "%+.0f %%", 100 * n.headroom()));
    row.put("runway", n.runway() == null ? "–"
        : or(n.runway().p50(), "after " + n.runway().searchedUntil()) + " / "
            + or(n.runway().p90(), "after " + n.runway().searchedUntil()));
    String decision = n.decision();
    CapacityForecast.Fit fit = ForecastWriters.fit(n);
    boolean fits = fit == CapacityForecast.Fit.FITS;
    boolean more = fit == CapacityForecast.Fit.NEEDS_MORE;
    row.put("decisionShort", fits ? "fits" : fit == CapacityForecast.Fit.DOES_NOT_FIT ? "does not fit" : decision);
    row.put("decisionClass", fits ? "fits" : more ? "short" : "nofit");
    row.put("decisionText", fits
        ? String.format(Locale.ROOT, "%d %s needed at P90 of %d today, %s headroom", n.nodesNeeded().p90(),
            n.nodesNeeded().p90() == 1 ? "node" : "nodes", n.currentNodes(), n.headroom() == null ? "unknown" : String.format(Locale.ROOT, "%.0f %%", 100 * n.headroom()))
        : String.format(Locale.ROOT, "%d needed at P90%s; P90 demand is %s of today's usable capacity",
            n.nodesNeeded().p90(), n.currentNodes() == 0 ? "" : " (" + n.currentNodes() + " today)",
            n.headroom() == null ? "unknown" : String.format(Locale.ROOT, "%.0f %%", 100 * (1 - n.headroom()))));
    return row;
  }

  private static List<Map<String, Object>> timeCharts(CapacityForecast f) {
    List<Map<String, Object>> charts = new ArrayList<>();
    CapacityForecast.Charts c = f.charts();
    List<SeriesChart> all = new ArrayList<>();
    all.add(c.traffic());
    all.addAll(c.resources());
    int index = 0;
    for (SeriesChart s : all) {
      long end = s.times().length == 0 ? 0 : s.times()[s.times().length - 1];
      String title = s.series() + " (" + s.unit() + ")";
      long windowStart = f.planned().start().getEpochSecond();
      long windowEnd = f.planned().end().getEpochSecond();
      charts.add(Map.of("title", title,
          "full", SvgCharts.svg(CapacityCharts.overTime(s, c.promotions(), c.incidents(), Long.MIN_VALUE,
              "All history"), "time-" + index, title + ": all history and forecast", 640, 360),
          "zoom", SvgCharts.svg(CapacityCharts.overTime(s, c.promotions(), c.incidents(), end - ZOOM_SECONDS,
              "Last two weeks and forecast"), "zoom-" + index, title + ": last two weeks and forecast", 640, 360),
          "event", SvgCharts.svg(CapacityCharts.overTime(s, c.promotions(), c.incidents(),
              windowStart - EVENT_MARGIN_SECONDS, windowEnd + EVENT_MARGIN_SECONDS,
              f.planned().name() + " with its band"), "event-" + index,
              title + ": " + f.planned().name() + ", the forecast with its band", 640, 360)));
      index++;
    }
    return charts;
  }

  private static List<Map<String, Object>> relationCharts(CapacityForecast f) {
    List<Map<String, Object>> charts = new ArrayList<>();
    int index = 0;
    for (CapacityForecast.RelationChart r : f.charts().relations()) {
      ResourceForecast resource = f.resources().get(index);
      charts.add(Map.of("svg", PngCharts.img(CapacityCharts.relation(r, f.traffic().series(), f.traffic().unit(),
          resource.unit(), f.traffic().peak().p90()), "relation-" + index, r.resource() + " against traffic", 560, 380),
          "formula", resource.relation()));
      index++;
    }
    return charts;
  }

  private static Map<String, Object> usl(CapacityForecast f) {
    if (f.usl() == null || f.charts().usl() == null) {
      return null;
    }
    CapacityForecast.Usl u = f.usl();
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("svg", SvgCharts.svg(CapacityCharts.usl(f.charts().usl(), u, f.traffic().unit()), "usl",
        "throughput of one node against concurrency", 560, 380));
    view.put("steps", u.steps());
    view.put("sigma", String.format(Locale.ROOT, "%.4f", u.sigma()));
    view.put("kappa", String.format(Locale.ROOT, "%.3g", u.kappa()));
    view.put("lambda", num(u.lambda()));
    view.put("rSquared", String.format(Locale.ROOT, "%.3f", u.rSquared()));
    view.put("peakConcurrency", u.peakConcurrency() == null ? "no finite" : num(u.peakConcurrency()));
    view.put("maxThroughput", u.maxThroughput() == null ? "unbounded" : num(u.maxThroughput()));
    NodePlan n = f.traffic().nodes();
    view.put("perNode", n == null ? "–" : num(n.limit()));
    view.put("target", n == null || u.maxThroughput() == null ? "–"
        : String.format(Locale.ROOT, "%.0f %%", 100 * n.limit() / u.maxThroughput()));
    return view;
  }

  private static Map<String, Object> latency(CapacityForecast f) {
    CapacityForecast.LatencyPlan l = f.traffic().latency();
    if (l == null) {
      return null;
    }
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("svg", SvgCharts.svg(CapacityCharts.latency(l), "latency",
        "p" + num(l.percentile()) + " response time against the node count at the peak", 560, 380));
    view.put("line", ForecastWriters.latencyLine(f));
    view.put("percentile", num(l.percentile()));
    view.put("workers", l.workersPerNode());
    view.put("service", num(l.serviceMillis()));
    view.put("scv", String.format(Locale.ROOT, "%.2f", l.serviceScv()) + (l.scvMeasured() ? "" : ", assumed exponential"));
    view.put("measured", l.measuredAtConcurrency() == null
        ? "1/λ of the USL fit, " + num(l.lowLoadMillis()) + " ms (the steps carry no mean_ms)"
        : num(l.lowLoadMillis()) + " ms at concurrency " + num(l.measuredAtConcurrency()));
    view.put("routing", l.routing().equals("pooled") ? "all nodes taking from one queue (least connections)"
        : "each node with its own queue and an even share of the arrivals");
    List<Map<String, Object>> rows = new ArrayList<>();
    for (CapacityForecast.QueueAt q : l.curve()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("nodes", q.nodes());
      row.put("busy", String.format(Locale.ROOT, "%.0f %%", 100 * q.utilisation()));
      row.put("wait", String.format(Locale.ROOT, "%.1f %%", 100 * q.waitProbability()));
      row.put("meanWait", q.meanWaitMillis() == null ? "–" : num(q.meanWaitMillis()) + " ms");
      row.put("percentile", q.percentileMillis() == null ? "–" : num(q.percentileMillis()) + " ms");
      row.put("chosen", l.nodes() != null && q.nodes() == l.nodes());
      rows.add(row);
    }
    view.put("rows", rows);
    return view;
  }

  private static Map<String, Object> quality(CapacityForecast f) {
    Map<String, Object> q = new LinkedHashMap<>();
    CapacityForecast.DemandSummary m = f.traffic().model();
    q.put("model", String.format(Locale.ROOT, "Demand model: %s — %d terms fitted to %s points from %s to %s%s; "
        + "intervals from %s out-of-sample errors.", m.description(), m.terms(), num(m.points()), m.fittedFrom(),
        m.fittedTo(), m.ridge() > 0 ? String.format(Locale.ROOT, ", ridge %.3g", m.ridge()) : "",
        num(m.validationPoints())));
    Backtest.Result b = f.traffic().backtest();
    if (b != null) {
      Map<String, Object> backtest = new LinkedHashMap<>();
      backtest.put("verdict", b.verdict());
      backtest.put("coverage", pct(100 * b.coverage90()));
      backtest.put("points", num(b.points()));
      backtest.put("windows", b.windows().size());
      backtest.put("horizon", b.horizonSeconds() % 86_400 == 0 ? b.horizonSeconds() / 86_400 + " days"
          : b.horizonSeconds() / 3600 + " hours");
      backtest.put("season", b.seasonSeconds() >= 7 * 86_400 ? "week" : "day");
      List<Map<String, Object>> rows = new ArrayList<>();
      for (Backtest.Window w : b.windows()) {
        rows.add(Map.of("origin", Instant.ofEpochSecond(w.originEpochSecond()).toString(),
            "points", num(w.points()), "mape", pct(w.mape()), "smape", pct(w.smape()),
            "mase", String.format(Locale.ROOT, "%.2f", w.mase()), "naiveMape", pct(w.naiveMape()),
            "naiveSmape", pct(w.naiveSmape()), "naiveMase", String.format(Locale.ROOT, "%.2f", w.naiveMase()),
            "coverage", pct(100 * w.coverage90())));
      }
      rows.add(Map.of("origin", "all windows", "points", num(b.points()), "mape", pct(b.mape()),
          "smape", pct(b.smape()), "mase", String.format(Locale.ROOT, "%.2f", b.mase()),
          "naiveMape", pct(b.naiveMape()), "naiveSmape", pct(b.naiveSmape()),
          "naiveMase", String.format(Locale.ROOT, "%.2f", b.naiveMase()), "coverage", pct(100 * b.coverage90())));
      backtest.put("rows", rows);
      q.put("backtest", backtest);
    }
    List<Map<String, Object>> data = new ArrayList<>();
    for (CapacityForecast.SeriesQuality s : f.data()) {
      data.add(Map.of("series", s.series(), "file", s.file(), "step", s.stepSeconds() + " s",
          "points", num(s.points()), "duplicates", s.duplicatesMerged(), "filled", s.filledSteps(),
          "excluded", s.excludedPoints(), "gaps", s.longGaps().isEmpty() ? "none" : String.join(", ", s.longGaps())));
    }
    q.put("data", data);
    return q;
  }

  private static String pct(double value) {
    return String.format(Locale.ROOT, "%.1f %%", value);
  }

  private static String or(Object value, String otherwise) {
    return value == null ? otherwise : value.toString();
  }


  private static String num(double v) {
    return ForecastWriters.num(v);
  }
}
