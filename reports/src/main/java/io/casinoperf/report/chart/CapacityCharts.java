package io.casinoperf.report.chart;

import io.casinoperf.capacity.forecast.CapacityForecast;
import io.casinoperf.capacity.forecast.CapacityForecast.RelationChart;
import io.casinoperf.capacity.forecast.CapacityForecast.SeriesChart;
import io.casinoperf.capacity.forecast.CapacityForecast.Span;
import io.casinoperf.capacity.forecast.CapacityForecast.UslChart;
import java.awt.Color;
import java.awt.Font;
import java.time.Instant;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * The capacity report's charts, from the chart data of forecast.json. Every value goes through
 * {@link ChartStyle#drawable}: a forecast or a metric near the largest double must not stop the
 * page from being drawn.
 */
public final class CapacityCharts {
  private CapacityCharts() {}

  /**
   * A series over time from {@code fromEpochSecond} (history before it is left out, for a zoom):
   * history (bucket mean, and bucket maximum thinner), fitted values, the forecast's P50 with its
   * P5–P95 band, the capacity line, past promotions shaded grey and the planned one orange.
   */
  public static JFreeChart overTime(SeriesChart c, List<Span> promotions, List<Span> incidents,
      long fromEpochSecond, String title) {
    return overTime(c, promotions, incidents, fromEpochSecond, Long.MAX_VALUE, title);
  }

  /**
   * The same between two times: history and forecast points outside [from, to] are left out (the
   * planned window's day, for one).
   */
  public static JFreeChart overTime(SeriesChart c, List<Span> promotions, List<Span> incidents,
      long fromEpochSecond, long toEpochSecond, String title) {
    XYSeries mean = new XYSeries("history (mean)");
    XYSeries max = new XYSeries("history (maximum)");
    XYSeries fitted = new XYSeries("fitted");
    for (int i = 0; i < c.times().length; i++) {
      if (c.times()[i] >= fromEpochSecond && c.times()[i] <= toEpochSecond) {
        mean.add(millis(c.times()[i]), ChartStyle.drawable(c.mean()[i]));
        max.add(millis(c.times()[i]), ChartStyle.drawable(c.max()[i]));
        fitted.add(millis(c.times()[i]), ChartStyle.drawable(c.fitted()[i]));
      }
    }
    XYSeriesCollection lines = new XYSeriesCollection();
    lines.addSeries(mean);
    lines.addSeries(max);
    lines.addSeries(fitted);
    YIntervalSeries band = new YIntervalSeries("forecast P50, P5–P95 band");
    for (int i = 0; i < c.forecastTimes().length; i++) {
      if (c.forecastTimes()[i] < fromEpochSecond || c.forecastTimes()[i] > toEpochSecond) {
        continue;
      }
      band.add(millis(c.forecastTimes()[i]), ChartStyle.drawable(c.p50()[i]),
          ChartStyle.drawable(c.p05()[i]), ChartStyle.drawable(c.p95()[i]));
    }
    YIntervalSeriesCollection forecast = new YIntervalSeriesCollection();
    forecast.addSeries(band);

    DateAxis time = new DateAxis("time (UTC)");
    NumberAxis value = ChartStyle.numberAxis(c.series() + " (" + c.unit() + ")");
    XYLineAndShapeRenderer lineRenderer = new XYLineAndShapeRenderer(true, false);
    lineRenderer.setDrawSeriesLineAsPath(true);
    lineRenderer.setSeriesPaint(0, ChartStyle.BLUE);
    lineRenderer.setSeriesStroke(0, ChartStyle.SOLID);
    lineRenderer.setSeriesPaint(1, ChartStyle.SKY_BLUE);
    lineRenderer.setSeriesStroke(1, ChartStyle.THIN);
    lineRenderer.setSeriesPaint(2, ChartStyle.BLACK);
    lineRenderer.setSeriesStroke(2, ChartStyle.DOTTED);
    XYPlot plot = new XYPlot(lines, time, value, lineRenderer);
    DeviationRenderer bandRenderer = new DeviationRenderer(true, false);
    bandRenderer.setSeriesPaint(0, ChartStyle.VERMILLION);
    bandRenderer.setSeriesFillPaint(0, ChartStyle.VERMILLION);
    bandRenderer.setSeriesStroke(0, ChartStyle.DASHED);
    bandRenderer.setAlpha(0.25f);
    plot.setDataset(1, forecast);
    plot.setRenderer(1, bandRenderer);
    for (Span span : promotions) {
      shade(plot, span, span.planned() ? ChartStyle.translucent(ChartStyle.ORANGE, 110)
          : ChartStyle.translucent(Color.GRAY, 45), fromEpochSecond);
    }
    for (Span span : incidents) {
      shade(plot, span, ChartStyle.translucent(ChartStyle.PURPLE, 60), fromEpochSecond);
    }
    if (c.capacity() != null) {
      double capacityValue = ChartStyle.drawable(c.capacity());
      ValueMarker capacity = new ValueMarker(capacityValue, ChartStyle.VERMILLION, ChartStyle.LIMIT);
      capacity.setLabel("capacity with today's nodes");
      capacity.setLabelFont(ChartStyle.LABEL);
      capacity.setLabelAnchor(RectangleAnchor.TOP_LEFT);
      capacity.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
      plot.addRangeMarker(capacity, Layer.FOREGROUND);
      double top = Math.max(capacityValue, value.getUpperBound());
      value.setRange(Math.min(value.getLowerBound(), capacityValue), top * 1.05);
    }
    return new JFreeChart(title, ChartStyle.TITLE, plot, true);
  }

  /** Resource against traffic: the pairs, the fitted relation with its 90 % band, markers. */
  public static JFreeChart relation(RelationChart r, String trafficName, String trafficUnit,
      String unit, double peakP90) {
    XYSeries pairs = new XYSeries("measured", false);
    for (int i = 0; i < r.traffic().length; i++) {
      pairs.add(ChartStyle.drawable(r.traffic()[i]), ChartStyle.drawable(r.value()[i]));
    }
    YIntervalSeries fit = new YIntervalSeries("fit, 90 % band");
    for (int i = 0; i < r.curveTraffic().length; i++) {
      fit.add(ChartStyle.drawable(r.curveTraffic()[i]), ChartStyle.drawable(r.curveMean()[i]),
          ChartStyle.drawable(r.curveP05()[i]), ChartStyle.drawable(r.curveP95()[i]));
    }
    NumberAxis x = ChartStyle.numberAxis(trafficName + " (" + trafficUnit + ")");
    NumberAxis y = ChartStyle.numberAxis(r.resource() + " (" + unit + ")");
    XYLineAndShapeRenderer dots = new XYLineAndShapeRenderer(false, true);
    dots.setSeriesPaint(0, ChartStyle.translucent(ChartStyle.BLUE, 90));
    dots.setSeriesShape(0, new java.awt.geom.Ellipse2D.Double(-1.5, -1.5, 3, 3));
    XYPlot plot = new XYPlot(new XYSeriesCollection(pairs), x, y, dots);
    YIntervalSeriesCollection curve = new YIntervalSeriesCollection();
    curve.addSeries(fit);
    DeviationRenderer line = new DeviationRenderer(true, false);
    line.setSeriesPaint(0, ChartStyle.VERMILLION);
    line.setSeriesFillPaint(0, ChartStyle.VERMILLION);
    line.setSeriesStroke(0, ChartStyle.SOLID);
    line.setAlpha(0.2f);
    plot.setDataset(1, curve);
    plot.setRenderer(1, line);
    plot.setDatasetRenderingOrder(org.jfree.chart.plot.DatasetRenderingOrder.FORWARD);
    plot.addDomainMarker(marker(r.maxTrafficSeen(), "highest seen", ChartStyle.BLACK, ChartStyle.DOTTED));
    plot.addDomainMarker(marker(peakP90, "peak P90", ChartStyle.ORANGE, ChartStyle.DASHED));
    return new JFreeChart(r.resource() + " against " + trafficName, ChartStyle.TITLE, plot, true);
  }

  /** Load-test steps, the fitted USL curve and its peak. */
  public static JFreeChart usl(UslChart u, CapacityForecast.Usl fit, String trafficUnit) {
    XYSeries steps = new XYSeries("load-test steps", false);
    for (int i = 0; i < u.concurrency().length; i++) {
      steps.add(ChartStyle.drawable(u.concurrency()[i]), ChartStyle.drawable(u.throughput()[i]));
    }
    XYSeries curve = new XYSeries("Universal Scalability Law fit", false);
    for (int i = 0; i < u.curveConcurrency().length; i++) {
      curve.add(ChartStyle.drawable(u.curveConcurrency()[i]), ChartStyle.drawable(u.curveThroughput()[i]));
    }
    XYSeriesCollection data = new XYSeriesCollection();
    data.addSeries(steps);
    data.addSeries(curve);
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
    renderer.setDrawSeriesLineAsPath(true);
    renderer.setSeriesLinesVisible(0, false);
    renderer.setSeriesPaint(0, ChartStyle.BLUE);
    renderer.setSeriesShape(0, new java.awt.geom.Rectangle2D.Double(-3.5, -3.5, 7, 7));
    renderer.setSeriesShapesVisible(1, false);
    renderer.setSeriesPaint(1, ChartStyle.VERMILLION);
    renderer.setSeriesStroke(1, ChartStyle.SOLID);
    XYPlot plot = new XYPlot(data, ChartStyle.numberAxis("concurrency (users)"),
        ChartStyle.numberAxis("throughput (" + trafficUnit + " per node)"), renderer);
    if (fit.peakConcurrency() != null) {
      plot.addDomainMarker(marker(fit.peakConcurrency(), String.format(java.util.Locale.ROOT,
          "peak: %.0f users, %.0f/s", fit.peakConcurrency(), fit.maxThroughput()), ChartStyle.BLACK,
          ChartStyle.DASHED));
    }
    return new JFreeChart("Throughput of one node (load test)", ChartStyle.TITLE, plot, true);
  }

  /**
   * The response-time percentile against the node count at the forecast peak (queueing), with
   * the SLO as a line and the chosen count marked.
   */
  public static JFreeChart latency(CapacityForecast.LatencyPlan plan) {
    String percentile = "p" + io.casinoperf.report.FindingText.number(plan.percentile());
    XYSeries curve = new XYSeries(percentile + " at the peak", false);
    double highest = plan.sloMillis();
    for (CapacityForecast.QueueAt point : plan.curve()) {
      if (point.percentileMillis() != null) {
        curve.add(point.nodes(), ChartStyle.drawable(point.percentileMillis()));
        highest = Math.max(highest, point.percentileMillis());
      }
    }
    XYSeriesCollection data = new XYSeriesCollection();
    data.addSeries(curve);
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
    renderer.setSeriesPaint(0, ChartStyle.BLUE);
    renderer.setSeriesStroke(0, ChartStyle.SOLID);
    renderer.setSeriesShape(0, new java.awt.geom.Ellipse2D.Double(-3.5, -3.5, 7, 7));
    org.jfree.chart.axis.NumberAxis nodes = ChartStyle.numberAxis("application nodes (spares not included)");
    nodes.setStandardTickUnits(org.jfree.chart.axis.NumberAxis.createIntegerTickUnits());
    org.jfree.chart.axis.NumberAxis millis = ChartStyle.numberAxis(percentile + " response time (ms)");
    // The SLO line is always in view, whether the curve runs above or below it.
    millis.setRange(0, ChartStyle.drawable(highest * 1.08));
    XYPlot plot = new XYPlot(data, nodes, millis, renderer);
    ValueMarker slo = new ValueMarker(plan.sloMillis(), ChartStyle.VERMILLION, ChartStyle.DASHED);
    slo.setLabel("SLO " + io.casinoperf.report.FindingText.number(plan.sloMillis()) + " ms");
    slo.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    slo.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
    slo.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
    plot.addRangeMarker(slo);
    if (plan.nodes() != null) {
      plot.addDomainMarker(marker(plan.nodes(), plan.nodes() + (plan.nodes() == 1 ? " node" : " nodes"),
          ChartStyle.BLACK, ChartStyle.DASHED));
    }
    return new JFreeChart("Will " + percentile + " hold at the peak?", ChartStyle.TITLE, plot, false);
  }

  private static ValueMarker marker(double at, String label, Color color, java.awt.Stroke stroke) {
    ValueMarker marker = new ValueMarker(ChartStyle.drawable(at), color, stroke);
    marker.setLabel(label);
    marker.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
    marker.setLabelTextAnchor(TextAnchor.TOP_LEFT);
    return marker;
  }

  private static void shade(XYPlot plot, Span span, Color color, long fromEpochSecond) {
    long start = span.start().getEpochSecond();
    long end = span.end().getEpochSecond();
    if (end < fromEpochSecond) {
      return;
    }
    IntervalMarker marker = new IntervalMarker(millis(Math.max(start, fromEpochSecond)), millis(end), color);
    if (span.planned()) {
      marker.setLabel(span.name());
      marker.setLabelFont(new Font(Font.SANS_SERIF, Font.BOLD, 11));
      marker.setLabelAnchor(RectangleAnchor.TOP);
      marker.setLabelTextAnchor(TextAnchor.TOP_CENTER);
    }
    plot.addDomainMarker(marker, Layer.BACKGROUND);
  }

  private static double millis(long epochSecond) {
    return epochSecond * 1000.0;
  }
}
