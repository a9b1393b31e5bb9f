package io.casinoperf.report;

import com.samskivert.mustache.Template;
import io.casinoperf.report.chart.GateCharts;
import io.casinoperf.report.chart.SvgCharts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** gate.html: the release decision, one self-contained file. */
public final class GateHtml {
  private static final Template TEMPLATE = HtmlTemplates.load("gate");

  private static final java.util.concurrent.atomic.AtomicBoolean PREPARED =
      new java.util.concurrent.atomic.AtomicBoolean();

  private GateHtml() {}

  /**
   * What the first page of a JVM pays for once, paid ahead: loading and compiling JFreeChart,
   * Java2D's fonts and the SVG writer, by drawing small charts of each kind the page has and
   * throwing them away. Run on a background thread before a long log is read, it uses the core
   * the reading leaves idle. Once per JVM; later calls return at once.
   */
  public static void prepare() {
    if (!PREPARED.compareAndSet(false, true)) {
      return;
    }
    try {
      GateReport.Distribution distribution = new GateReport.Distribution("sample", List.of(
          new GateReport.DistributionPoint(50, 10, 11L), new GateReport.DistributionPoint(99, 40, 42L)), 200L);
      SvgCharts.svg(GateCharts.distribution(distribution), "sample", "sample", 560, 380);
      List<OverTime.Window> windows = List.of(new OverTime.Window(0, 100, 0.01, 10, 30, 40, 5L),
          new OverTime.Window(1, 120, 0, 11, 31, 41, 6L));
      OverTime overTime = new OverTime(1, windows, windows, 200, null, List.of(1L));
      SvgCharts.svg(GateCharts.latencyOverTime(overTime), "sample", "sample", 1100, 360);
      SvgCharts.svg(GateCharts.loadOverTime(overTime), "sample", "sample", 1100, 300);
      TEMPLATE.execute(Map.of());
    } catch (RuntimeException | LinkageError e) {
      // Only a head start: the page itself reports whatever goes wrong.
    }
  }

  /**
   * @param gatlingCandidate link to the candidate's Gatling report (relative to the page), or null
   * @param gatlingBaseline link to the baseline's, or null
   */
  public static String render(GateReport r, String gatlingCandidate, String gatlingBaseline) {
    Map<String, Object> page = new LinkedHashMap<>();
    page.put("verdictUpper", r.verdict().toUpperCase(Locale.ROOT));
    page.put("verdictClass", cssClass(r.verdict()));
    page.put("reason", r.reason());
    page.put("candidate", Map.of("simulation", r.candidate().simulation(),
        "label", r.candidate().label().isEmpty() ? "(no label)" : r.candidate().label(),
        "id", r.candidate().id().isEmpty() ? "not stored" : r.candidate().id(),
        "start", r.candidate().start(), "end", r.candidate().end()));
    page.put("candidateWarnings", r.candidate().warnings());
    page.put("conditions", List.of(GateReportWriters.conditions(r).split("\n")));
    page.put("baseline", r.baseline() == null ? "none — only the SLOs judged this run" : r.baseline().description());
    page.put("noBaseline", r.noBaseline() == null ? null : Map.of(
        "headline", r.noBaseline().headline(), "keys", r.noBaseline().keysLine(),
        "nearest", r.noBaseline().nearest()));
    page.put("baselineDifferences", r.baseline() == null ? List.of() : r.baseline().differences());
    page.put("power", r.requestsToDetectTenPercent() == null ? ""
        : String.format(Locale.ROOT, "About %,d responses per side give an 80 %% chance to flag a +10 %% p99.",
            r.requestsToDetectTenPercent()));
    page.put("confidence", String.format(Locale.ROOT, "%.0f %%", 100 * r.settings().confidence()));
    List<Map<String, Object>> rows = new ArrayList<>();
    List<Map<String, Object>> checks = new ArrayList<>();
    for (GateReport.Request q : r.requests()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("path", q.path());
      row.put("verdict", q.verdict());
      row.put("verdictClass", cssClass(q.verdict()));
      row.put("baselineMark", q.baselineMark());
      row.put("sloMark", q.sloMark());
      row.put("counts", (q.baselineCount() == 0 ? "–" : String.format(Locale.ROOT, "%,d", q.baselineCount()))
          + " / " + String.format(Locale.ROOT, "%,d", q.candidateCount()));
      row.put("errors", (q.baselineErrorRate() == null ? "–" : percent(q.baselineErrorRate())) + " / "
          + percent(q.candidateErrorRate()));
      row.put("p50", pair(q, 50));
      row.put("p95", pair(q, 95));
      row.put("p99", pair(q, 99));
      GateReport.Percentile p99 = find(q, 99);
      row.put("change", p99 == null || p99.change() == null ? "–"
          : String.format(Locale.ROOT, "%+.1f %% (%+.1f .. %+.1f %%%s)", 100 * p99.change(),
              100 * p99.changeLower(), 100 * p99.changeUpper(), q.intervalConfidence() == null
                  ? "" : ", " + io.casinoperf.gate.verdict.Percentages.confidence(q.intervalConfidence())));
      rows.add(row);
      for (GateReport.Check c : q.checks()) {
        checks.add(Map.of("path", q.path(), "name", c.name(), "verdict", c.verdict(),
            "verdictClass", cssClass(c.verdict()), "reason", c.reason()));
      }
    }
    page.put("rows", rows);
    page.put("checks", checks);
    List<Map<String, Object>> distributions = new ArrayList<>();
    int index = 0;
    for (GateReport.Distribution d : r.distributions()) {
      distributions.add(Map.of("svg", SvgCharts.svg(GateCharts.distribution(d), "distribution-" + index++,
          d.path() + ": response time by percentile, candidate and baseline", 560, 380)));
    }
    page.put("distributionCharts", distributions);
    boolean overTime = r.overTime() != null && !r.overTime().candidate().isEmpty();
    page.put("latencyOverTimeChart", !overTime ? null
        : SvgCharts.svg(GateCharts.latencyOverTime(r.overTime()), "latency-over-time",
            "p50, p95 and p99 of all requests over the run, candidate against baseline, with the SLO",
            1100, 360));
    page.put("timelineChart", overTime
        ? SvgCharts.svg(GateCharts.loadOverTime(r.overTime()), "load-over-time",
            "candidate active users, requests per second and error rate over the run", 1100, 300)
        : r.timeline() == null || r.timeline().requestsPerSecond().length == 0 ? null
        : SvgCharts.svg(GateCharts.timeline(r.timeline()), "timeline",
            "candidate requests and KOs per second", 1100, 300));
    page.put("overTimeNote", !overTime ? null : r.overTime().baseline().isEmpty()
        ? "The candidate alone: " + (r.baseline() == null ? "there is no baseline."
            : "a baseline pooled from several runs has no single time axis.")
        : "Candidate solid, baseline dashed, by seconds since each run's start.");
    page.put("errors", r.errors() == null ? List.of() : r.errors().stream()
        .map(e -> Map.of("message", e.message(),
            "candidate", String.format(Locale.ROOT, "%,d", e.candidate()),
            "baseline", e.baseline() == null ? "–" : String.format(Locale.ROOT, "%,d", e.baseline())))
        .toList());
    page.put("hasErrors", r.errors() != null && !r.errors().isEmpty());
    page.put("whatRan", r.conditions() == null ? List.of() : r.conditions().whatRan());
    page.put("gatlingCandidate", gatlingCandidate);
    page.put("gatlingBaseline", gatlingBaseline);
    GateReport.Settings s = r.settings();
    page.put("settings", String.format(Locale.ROOT, "confidence %.0f %% for the whole run (%s); a p99"
        + " change within %.0f %% or %d ms is never a regression; at least %,d responses per side to judge"
        + " a p99; an error-rate increase under %.2f points is never a regression; SLO p99 ≤ %d ms and"
        + " errors ≤ %.2f %%.", 100 * s.confidence(), s.correction(), 100 * s.tolerance(), s.minEffectMillis(),
        s.minSamples(), 100 * s.minErrorRateIncrease(), s.sloP99Millis(), 100 * s.sloErrorRate()));
    return TEMPLATE.execute(page);
  }

  private static GateReport.Percentile find(GateReport.Request q, double percentile) {
    return q.percentiles().stream().filter(p -> p.percentile() == percentile).findFirst().orElse(null);
  }

  private static String pair(GateReport.Request q, double percentile) {
    GateReport.Percentile p = find(q, percentile);
    if (p == null) {
      return "–";
    }
    return (p.baselineMillis() == null ? "–" : Long.toString(p.baselineMillis())) + " / " + p.candidateMillis();
  }

  private static String percent(double share) {
    return String.format(Locale.ROOT, "%.2f %%", 100 * share);
  }

  /** A verdict label as a CSS class: {@code slo breach} becomes {@code slo-breach}. */
  static String cssClass(String verdict) {
    return verdict.replace(' ', '-').replace("/", "");
  }
}
