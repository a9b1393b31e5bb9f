package io.casinoperf.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.casinoperf.capacity.demand.Backtest;
import io.casinoperf.capacity.forecast.CapacityForecast;
import io.casinoperf.capacity.forecast.CapacityForecast.NodePlan;
import io.casinoperf.capacity.forecast.CapacityForecast.Quantiles;
import io.casinoperf.capacity.forecast.CapacityForecast.ResourceForecast;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Renders a {@link CapacityForecast} as the documented forecast.json and a console summary. */
public final class ForecastWriters {
  /** Times and days as ISO-8601 text. */
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
      .registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  private ForecastWriters() {}

  public static String json(CapacityForecast forecast) {
    try {
      return JSON.writeValueAsString(withSentences(forecast)) + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The forecast as a JSON tree whose typed {@code findings} are followed by the same in words,
   * {@code assumptions} and {@code warnings} (for people and for scripts that read them as text).
   */
  private static ObjectNode withSentences(CapacityForecast forecast) {
    ObjectNode tree = JSON.valueToTree(forecast);
    ObjectNode out = JSON.createObjectNode();
    tree.fields().forEachRemaining(field -> {
      out.set(field.getKey(), field.getValue());
      if (field.getKey().equals("findings")) {
        out.set("assumptions", JSON.valueToTree(FindingText.sentences(forecast.assumptions())));
        out.set("warnings", JSON.valueToTree(FindingText.sentences(forecast.warnings())));
      }
    });
    return out;
  }

  /**
   * The flag of a P50 peak far beyond the history that no multiplier explains ({@link
   * CapacityForecast.PeakCheck}), in words; empty when the peak is plausible (or the forecast was
   * written before the check existed).
   */
  public static java.util.Optional<String> implausiblePeak(CapacityForecast f) {
    CapacityForecast.TrafficForecast t = f.traffic();
    CapacityForecast.PeakCheck check = t.peakCheck();
    if (check == null || !check.implausible()) {
      return java.util.Optional.empty();
    }
    String explained = check.multiplier() == 1 ? "no promotion multiplier explains it"
        : String.format(Locale.ROOT, "the promotion's ×%.2f explains only that much of it, leaving"
            + " %.1f×", check.multiplier(), check.unexplained());
    return java.util.Optional.of(String.format(Locale.ROOT, "IMPLAUSIBLE PEAK: the P50 peak of %s,"
            + " %s %s, is %.1f× the highest value in the history (%s) and %s (at most %.0f× is taken"
            + " without a flag): the model carries a trend or an anomaly too far; check the last"
            + " days of the data, the incidents in the calendar and the horizon before sizing on it",
        t.series(), num(t.peak().p50()), t.unit(), check.ratio(), num(t.maxObserved()), explained,
        check.bound()));
  }

  /**
   * The answer in one line: what limits first and by how much, then what fits. Resources that do
   * not fit come first, the tightest (least headroom) leading; empty without any node plan.
   */
  public static String bottomLine(CapacityForecast f) {
    record Item(String name, NodePlan plan, String unit, boolean perNode) {}
    List<Item> items = new ArrayList<>();
    CapacityForecast.TrafficForecast t = f.traffic();
    if (t.nodes() != null) {
      CapacityForecast.LatencyPlan l = t.latency();
      boolean latencyDecides = l != null && l.nodes() != null && l.nodes() > l.throughputNodes();
      items.add(new Item(t.series() + (latencyDecides ? " p" + FindingText.number(l.percentile()) + " ≤ " + FindingText.number(l.sloMillis())
          + " ms" : " throughput"), t.nodes(), t.unit(), true));
    }
    for (ResourceForecast r : f.resources()) {
      items.add(new Item(r.name(), r.nodes(), r.unit(), r.perNode()));
    }
    if (items.isEmpty()) {
      return "";
    }
    items.sort(java.util.Comparator.comparing((Item i) -> fit(i.plan()) == CapacityForecast.Fit.FITS)
        .thenComparing(i -> i.plan().headroom() == null ? Double.NEGATIVE_INFINITY : i.plan().headroom()));
    String at = String.format(Locale.ROOT, "P%.0f", 100 * f.decisionQuantile());
    List<String> parts = new ArrayList<>();
    for (Item i : items) {
      NodePlan n = i.plan();
      String what = i.perNode() ? "nodes" : "instances";
      parts.add(switch (fit(n)) {
        case NEEDS_MORE -> String.format(Locale.ROOT, "%s limits: %d %s (+%d)", i.name(),
            n.currentNodes() + n.more(), what, n.more());
        // The demand at the decision percentile, from its headroom: (usable − demand) ÷ usable.
        case DOES_NOT_FIT -> String.format(Locale.ROOT, "%s does not fit: %s %s against %s usable",
            i.name(), num(n.usableCapacity() * (1 - (n.headroom() == null ? 0 : n.headroom()))),
            i.unit(), num(n.usableCapacity()));
        case COUNT_ONLY -> String.format(Locale.ROOT, "%s needs %d %s (today's count not given)",
            i.name(), n.nodesNeeded().p90(), what);
        case FITS -> n.headroom() == null ? i.name() + " fits"
            : String.format(Locale.ROOT, "%s fits (%.0f %% headroom)", i.name(), 100 * n.headroom());
      });
    }
    return "At " + at + ": " + String.join("; ", parts);
  }

  /**
   * Will the response-time percentile hold at the decision quantile's peak, in one sentence: how
   * many nodes hold the SLO and what they are predicted to give, against the throughput count and
   * today's; empty without a queueing plan.
   */
  public static String latencyLine(CapacityForecast f) {
    CapacityForecast.LatencyPlan l = f.traffic().latency();
    if (l == null) {
      return "";
    }
    NodePlan n = f.traffic().nodes();
    int spares = n == null ? 0 : n.redundancy();
    String p = "p" + FindingText.number(l.percentile());
    String at = String.format(Locale.ROOT, "%s at the P%.0f peak (%s requests/s)", p, 100 * f.decisionQuantile(),
        num(l.arrivalsPerSecond()));
    String slo = FindingText.number(l.sloMillis()) + " ms";
    StringBuilder line = new StringBuilder(at).append(": ");
    if (l.nodes() == null) {
      line.append(l.sloReachable()
          ? "no node count tried holds " + slo + "; sized on throughput alone"
          : "no node count holds " + slo + ", the service time alone is slower at " + p
              + "; sized on throughput alone");
    } else {
      line.append(String.format(Locale.ROOT, "%d %s%s hold%s %s (predicted %s ms, %.0f %% busy, %.0f %% of"
              + " requests wait)", l.nodes(), l.nodes() == 1 ? "node" : "nodes", spares > 0 ? " + " + spares
              + (spares == 1 ? " spare" : " spares") : "", l.nodes() == 1 && spares == 0 ? "s" : "", slo,
          millis(l.predicted().percentileMillis()), 100 * l.predicted().utilisation(),
          100 * l.predicted().waitProbability()));
      line.append(l.nodes() > l.throughputNodes()
          ? String.format(Locale.ROOT, "; throughput alone asks for %d: %s decides", l.throughputNodes(), p)
          : "; the throughput target asks for as many");
    }
    if (l.today() != null) {
      line.append(String.format(Locale.ROOT, "; today's %d usable: %s", l.today().nodes(),
          l.today().percentileMillis() == null ? "overloaded (more requests than the nodes can serve)"
              : millis(l.today().percentileMillis()) + " ms"));
    }
    return line.toString();
  }

  private static String millis(Double v) {
    return v == null ? "n/a" : num(v);
  }

  /** A plan's decision as a type; plans read from files written before it was typed, by its words. */
  public static CapacityForecast.Fit fit(NodePlan n) {
    if (n.fit() != null) {
      return n.fit();
    }
    String decision = n.decision();
    return decision.equals("fits") ? CapacityForecast.Fit.FITS
        : decision.startsWith("needs") ? CapacityForecast.Fit.NEEDS_MORE
        : decision.startsWith("does not") ? CapacityForecast.Fit.DOES_NOT_FIT
        : CapacityForecast.Fit.COUNT_ONLY;
  }

  /** What a planner reads first: the peak, then one line per resource, then the model's quality. */
  public static String console(CapacityForecast f) {
    StringBuilder out = new StringBuilder();
    implausiblePeak(f).ifPresent(flag -> out.append(flag).append('\n'));
    String bottom = bottomLine(f);
    if (!bottom.isEmpty()) {
      out.append(bottom).append('\n');
    }
    CapacityForecast.Planned p = f.planned();
    out.append(String.format(Locale.ROOT, "Forecast for %s%s, %s .. %s%n", p.name(),
        p.type() == null ? "" : " (" + p.type() + ")", p.start(), p.end()));
    if (p.multiplierSource() != CapacityForecast.MultiplierSource.NONE) {
      out.append(String.format(Locale.ROOT, "  traffic ×%.2f (%s)%s%n", p.multiplier(),
          p.multiplierSource() == CapacityForecast.MultiplierSource.PLANNER ? "planner's multiplier"
              : "learned from past promotions",
          p.multiplierSource() == CapacityForecast.MultiplierSource.PLANNER && p.learnedEffect() != null
              ? String.format(Locale.ROOT, "; past %s promotions brought ×%.2f (90 %% %.2f–%.2f)",
                  p.learnedEffect().type(), p.learnedEffect().multiplier(), p.learnedEffect().low90(),
                  p.learnedEffect().high90())
              : ""));
    }
    CapacityForecast.TrafficForecast t = f.traffic();
    out.append(String.format(Locale.ROOT, "  %s peaks at %s: P50 %s  P90 %s  P99 %s %s (highest seen %s)%n",
        t.series(), t.peakAt(), num(t.peak().p50()), num(t.peak().p90()), num(t.peak().p99()),
        t.unit(), num(t.maxObserved())));
    out.append('\n');
    List<String[]> table = new ArrayList<>();
    if (t.nodes() != null) {
      table.add(row(t.series() + " (USL)", t.peak(), t.unit(), "/node", t.nodes()));
    }
    for (ResourceForecast r : f.resources()) {
      table.add(row(r.name(), r.value(), r.unit(), r.perNode() ? "/node" : "", r.nodes()));
    }
    if (table.isEmpty()) {
      out.append("no resources in the capacity file and no load steps: the traffic alone is forecast\n");
    } else {
      table.add(0, new String[] {"resource", "unit", "P50", "P90", "P99", "limit",
          "nodes 50/90/99", "headroom", "decision", "runway P50 / P90"});
      out.append(aligned(table, "llrrrrrrll"));
    }
    String latency = latencyLine(f);
    if (!latency.isEmpty()) {
      out.append(latency).append('\n');
    }
    out.append('\n');
    Backtest.Result b = t.backtest();
    out.append("Demand model: ").append(t.model().description()).append(String.format(Locale.ROOT,
        " (%d terms, %d points)%n", t.model().terms(), t.model().points()));
    if (b != null) {
      out.append(String.format(Locale.ROOT, "Backtest, %d origins × %s: MAPE %.1f %%, sMAPE %.1f %%, MASE %.2f;"
          + " seasonal-naive MAPE %.1f %%, sMAPE %.1f %%, MASE %.2f%n", b.windows().size(),
          duration(b.horizonSeconds()), b.mape(), b.smape(), b.mase(), b.naiveMape(), b.naiveSmape(),
          b.naiveMase()));
      out.append(String.format(Locale.ROOT, "  %s; 90 %% intervals held %.0f %% of actual values%n",
          b.verdict(), 100 * b.coverage90()));
      if (b.scores() != null && b.naiveScores() != null) {
        out.append(String.format(Locale.ROOT, "  MAE %s vs %s, pinball loss %s vs %s, 80 %% intervals held"
            + " %.0f %% vs %.0f %% (per step: forecast backtest)%n", num(b.scores().mae()),
            num(b.naiveScores().mae()), num(b.scores().pinball()), num(b.naiveScores().pinball()),
            100 * b.scores().coverage80(), 100 * b.naiveScores().coverage80()));
      }
    }
    for (String warning : FindingText.sentences(f.warnings())) {
      out.append("warning: ").append(warning).append('\n');
    }
    return out.toString();
  }

  private static String[] row(String name, Quantiles q, String unit, String per, NodePlan n) {
    String runway = n.runway() == null ? "-"
        : or(n.runway().p50(), "after " + n.runway().searchedUntil()) + " / "
            + or(n.runway().p90(), "after " + n.runway().searchedUntil());
    String headroom = n.headroom() == null ? "-" : String.format(Locale.ROOT, "%.0f %%", 100 * n.headroom());
    Units.Scale scale = Units.scaleFor(unit, Math.max(Math.abs(n.limit()), Math.abs(q.p99())));
    return new String[] {name, scale.unit(), scale.number(q.p50()), scale.number(q.p90()),
        scale.number(q.p99()), scale.number(n.limit()) + per,
        n.nodesNeeded().p50() + "/" + n.nodesNeeded().p90() + "/" + n.nodesNeeded().p99() + " of " + n.currentNodes(),
        headroom, n.decision(), runway};
  }

  /** Rows padded to their columns' widths, {@code l} or {@code r} aligned per column. */
  static String aligned(List<String[]> rows, String alignment) {
    int columns = alignment.length();
    int[] width = new int[columns];
    for (String[] row : rows) {
      for (int c = 0; c < columns; c++) {
        width[c] = Math.max(width[c], row[c].length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < columns; c++) {
        String cell = row[c];
        String pad = " ".repeat(width[c] - cell.length());
        line.append(c == 0 ? "" : "  ").append(alignment.charAt(c) == 'r' ? pad + cell : cell + pad);
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
    return out.toString();
  }

  private static String or(Object value, String otherwise) {
    return value == null ? otherwise : value.toString();
  }


  private static String duration(long seconds) {
    return seconds % 86_400 == 0 ? seconds / 86_400 + " d" : seconds / 3600.0 + " h";
  }

  /** Four significant digits, thousands grouped: 4,210, 61.23, 0.05123, 8.59e+09. */
  public static String num(double v) {
    if (!Double.isFinite(v)) {
      return "n/a";
    }
    double a = Math.abs(v);
    if (a >= 1e7) {
      return String.format(Locale.ROOT, "%.3g", v);
    }
    if (a >= 1000) {
      return String.format(Locale.ROOT, "%,.0f", v);
    }
    return new java.math.BigDecimal(v).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
  }
}
