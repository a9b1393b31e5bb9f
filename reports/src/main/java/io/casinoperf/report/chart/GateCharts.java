package io.casinoperf.report.chart;

import io.casinoperf.report.GateReport;
import java.text.DecimalFormat;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import java.awt.Font;
import io.casinoperf.report.OverTime;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The gate report's charts, from the data of verdict.json. */
public final class GateCharts {
  private GateCharts() {}

  /**
   * Response time against percentile, HdrHistogram style: the percentile axis is logarithmic in
   * 1 / (1 − p), so 90 %, 99 %, 99.9 % and 99.99 % are equally spaced and the tail is readable.
   */
  public static JFreeChart distribution(GateReport.Distribution d) {
    XYSeries candidate = new XYSeries("candidate");
    XYSeries baseline = new XYSeries("baseline");
    for (GateReport.DistributionPoint p : d.points()) {
      double x = 1 / (1 - p.percentile() / 100);
      candidate.add(x, p.candidateMillis());
      if (p.baselineMillis() != null) {
        baseline.add(x, p.baselineMillis());
      }
    }
    XYSeriesCollection data = new XYSeriesCollection();
    data.addSeries(candidate);
    if (!baseline.isEmpty()) {
      data.addSeries(baseline);
    }
    LogAxis percentile = new LogAxis("percentile");
    percentile.setBase(10);
    percentile.setTickUnit(new NumberTickUnit(1));
    percentile.setNumberFormatOverride(new PercentileFormat());
    percentile.setRange(1, 2e5);
    percentile.setSmallestValue(1);
    NumberAxis millis = ChartStyle.numberAxis("response time (ms)");
    millis.setAutoRangeIncludesZero(true);
    XYStepRenderer renderer = new XYStepRenderer();
    renderer.setDrawSeriesLineAsPath(true);
    renderer.setSeriesPaint(0, ChartStyle.VERMILLION);
    renderer.setSeriesStroke(0, ChartStyle.SOLID);
    renderer.setSeriesPaint(1, ChartStyle.BLUE);
    renderer.setSeriesStroke(1, ChartStyle.DASHED);
    XYPlot plot = new XYPlot(data, percentile, millis, renderer);
    if (d.sloP99Millis() != null) {
      plot.addRangeMarker(sloLine(d.sloP99Millis()), Layer.FOREGROUND);
      // The SLO is read at p99: keep its line in view even when every response is far below it.
      millis.setRange(0, Math.max(d.sloP99Millis() * 1.1, maxMillis(d) * 1.05));
    }
    return new JFreeChart(d.path() + ": response time by percentile", ChartStyle.TITLE, plot, true);
  }

  private static double maxMillis(GateReport.Distribution d) {
    double max = 1;
    for (GateReport.DistributionPoint p : d.points()) {
      max = Math.max(max, p.candidateMillis());
      if (p.baselineMillis() != null) {
        max = Math.max(max, p.baselineMillis());
      }
    }
    return max;
  }

  private static ValueMarker sloLine(long millis) {
    ValueMarker slo = new ValueMarker(millis, ChartStyle.BLACK, ChartStyle.LIMIT);
    slo.setLabel("SLO p99 " + millis + " ms");
    slo.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    slo.setLabelAnchor(RectangleAnchor.TOP_LEFT);
    slo.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
    return slo;
  }

  /**
   * p50, p95 and p99 of all requests per window over the run, candidate (solid) over baseline
   * (dashed) by time since each run's start; the SLO line on the p99; the circuit breaker's stop
   * and the seconds the injector was limited marked.
   */
  public static JFreeChart latencyOverTime(OverTime t) {
    XYSeriesCollection data = new XYSeriesCollection();
    String[] names = {"p50", "p95", "p99"};
    java.awt.Color[] colors = {ChartStyle.SKY_BLUE, ChartStyle.ORANGE, ChartStyle.VERMILLION};
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
    renderer.setDrawSeriesLineAsPath(true);
    int series = 0;
    for (int side = 0; side < 2; side++) {
      java.util.List<OverTime.Window> windows = side == 0 ? t.candidate() : t.baseline();
      if (windows.isEmpty()) {
        continue;
      }
      for (int k = 0; k < 3; k++) {
        XYSeries line = new XYSeries((side == 0 ? "candidate " : "baseline ") + names[k]);
        for (OverTime.Window w : windows) {
          long value = k == 0 ? w.p50Millis() : k == 1 ? w.p95Millis() : w.p99Millis();
          line.add(w.offsetSeconds() + t.windowSeconds() / 2.0, value);
        }
        data.addSeries(line);
        renderer.setSeriesPaint(series, colors[k]);
        renderer.setSeriesStroke(series, side == 0 ? ChartStyle.SOLID : ChartStyle.DASHED);
        series++;
      }
    }
    NumberAxis seconds = ChartStyle.numberAxis("seconds since the run's start");
    NumberAxis millis = ChartStyle.numberAxis("response time (ms), per " + t.windowSeconds() + " s");
    millis.setAutoRangeIncludesZero(true);
    XYPlot plot = new XYPlot(data, seconds, millis, renderer);
    plot.addRangeMarker(sloLine(t.sloP99Millis()), Layer.FOREGROUND);
    double top = t.sloP99Millis() * 1.1;
    for (OverTime.Window w : t.candidate()) {
      top = Math.max(top, w.p99Millis() * 1.05);
    }
    for (OverTime.Window w : t.baseline()) {
      top = Math.max(top, w.p99Millis() * 1.05);
    }
    millis.setRange(0, top);
    markRun(plot, t);
    return new JFreeChart("All requests over time: candidate against baseline", ChartStyle.TITLE,
        plot, true);
  }

  /** The breaker's stop as a line, the injector's limited seconds shaded. */
  private static void markRun(XYPlot plot, OverTime t) {
    long from = -1;
    long previous = -2;
    java.util.List<long[]> spans = new java.util.ArrayList<>();
    for (long second : t.unhealthySeconds()) {
      if (second != previous + 1) {
        if (from >= 0) {
          spans.add(new long[] {from, previous + 1});
        }
        from = second;
      }
      previous = second;
    }
    if (from >= 0) {
      spans.add(new long[] {from, previous + 1});
    }
    for (int i = 0; i < spans.size(); i++) {
      IntervalMarker limited = new IntervalMarker(spans.get(i)[0], spans.get(i)[1],
          ChartStyle.translucent(ChartStyle.PURPLE, 60));
      if (i == 0) {
        limited.setLabel("injector limited");
        limited.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        limited.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        limited.setLabelTextAnchor(TextAnchor.TOP_LEFT);
      }
      plot.addDomainMarker(limited, Layer.BACKGROUND);
    }
    if (t.stoppedAtSecond() != null) {
      ValueMarker stop = new ValueMarker(t.stoppedAtSecond(), ChartStyle.BLACK, ChartStyle.DASHED);
      stop.setLabel("circuit breaker stopped the run");
      stop.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
      stop.setLabelAnchor(RectangleAnchor.TOP_LEFT);
      stop.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
      plot.addDomainMarker(stop, Layer.FOREGROUND);
    }
  }

  /**
   * The candidate's load over the run: active users and requests per window, and its error rate
   * (right axis), with the same marks as the latency chart.
   */
  public static JFreeChart loadOverTime(OverTime t) {
    XYSeries users = new XYSeries("active users");
    XYSeries rate = new XYSeries("requests per second");
    XYSeries errors = new XYSeries("error rate (%)");
    for (OverTime.Window w : t.candidate()) {
      double at = w.offsetSeconds() + t.windowSeconds() / 2.0;
      if (w.activeUsers() != null) {
        users.add(at, w.activeUsers());
      }
      rate.add(at, w.count() / (double) t.windowSeconds());
      errors.add(at, 100 * w.errorRate());
    }
    XYSeriesCollection load = new XYSeriesCollection();
    load.addSeries(rate);
    if (!users.isEmpty()) {
      load.addSeries(users);
    }
    XYLineAndShapeRenderer loadRenderer = lines(ChartStyle.BLUE, ChartStyle.SOLID,
        ChartStyle.GREEN, ChartStyle.DOTTED);
    NumberAxis count = ChartStyle.numberAxis("users, requests per second");
    count.setAutoRangeIncludesZero(true);
    XYPlot plot = new XYPlot(load, ChartStyle.numberAxis("seconds since the run's start"), count,
        loadRenderer);
    XYSeriesCollection errorData = new XYSeriesCollection(errors);
    XYLineAndShapeRenderer errorRenderer = lines(ChartStyle.VERMILLION, ChartStyle.DASHED);
    NumberAxis percent = ChartStyle.numberAxis("error rate (%)");
    percent.setAutoRangeIncludesZero(true);
    percent.setRange(0, Math.max(1, errors.getMaxY() * 1.1));
    plot.setRangeAxis(1, percent);
    plot.setDataset(1, errorData);
    plot.mapDatasetToRangeAxis(1, 1);
    plot.setRenderer(1, errorRenderer);
    markRun(plot, t);
    return new JFreeChart("Candidate: load and errors over time", ChartStyle.TITLE, plot, true);
  }

  /** The candidate's requests and KOs per second over the run. */
  public static JFreeChart timeline(GateReport.TimelineData t) {
    XYSeries requests = new XYSeries("requests per second");
    XYSeries kos = new XYSeries("KOs per second");
    for (int i = 0; i < t.requestsPerSecond().length; i++) {
      double at = (t.firstEpochSecond() + i) * 1000.0;
      requests.add(at, t.requestsPerSecond()[i]);
      kos.add(at, t.kosPerSecond()[i]);
    }
    XYSeriesCollection data = new XYSeriesCollection();
    data.addSeries(requests);
    data.addSeries(kos);
    XYLineAndShapeRenderer renderer = lines(ChartStyle.BLUE, ChartStyle.SOLID,
        ChartStyle.VERMILLION, ChartStyle.DASHED);
    NumberAxis count = ChartStyle.numberAxis("per second");
    count.setAutoRangeIncludesZero(true);
    XYPlot plot = new XYPlot(data, new DateAxis("time (UTC)"), count, renderer);
    return new JFreeChart("Candidate: throughput and errors", ChartStyle.TITLE, plot, true);
  }

  /** Lines without shapes: one series with this paint and stroke. */
  private static XYLineAndShapeRenderer lines(java.awt.Paint paint, java.awt.Stroke stroke) {
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
    renderer.setDrawSeriesLineAsPath(true);
    renderer.setSeriesPaint(0, paint);
    renderer.setSeriesStroke(0, stroke);
    return renderer;
  }

  /** Lines without shapes: two series, each with its paint and stroke. */
  private static XYLineAndShapeRenderer lines(java.awt.Paint paint, java.awt.Stroke stroke,
      java.awt.Paint secondPaint, java.awt.Stroke secondStroke) {
    XYLineAndShapeRenderer renderer = lines(paint, stroke);
    renderer.setSeriesPaint(1, secondPaint);
    renderer.setSeriesStroke(1, secondStroke);
    return renderer;
  }

  /** Ticks at 1, 10, 100… of 1 / (1 − p) read as 0 %, 90 %, 99 %… */
  private static final class PercentileFormat extends NumberFormat {
    private static final long serialVersionUID = 1L;
    private final DecimalFormat digits = new DecimalFormat("0.#####",
        java.text.DecimalFormatSymbols.getInstance(Locale.ROOT));

    @Override
    public StringBuffer format(double number, StringBuffer to, FieldPosition pos) {
      return to.append(digits.format(100 * (1 - 1 / number))).append(" %");
    }

    @Override
    public StringBuffer format(long number, StringBuffer to, FieldPosition pos) {
      return format((double) number, to, pos);
    }

    @Override
    public Number parse(String source, ParsePosition pos) {
      return null;
    }
  }
}
