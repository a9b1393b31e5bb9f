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
import org.jfree.chart.plot.XYPlot;
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
    return new JFreeChart(d.path() + ": response time by percentile", ChartStyle.TITLE, plot, true);
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
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
    renderer.setDrawSeriesLineAsPath(true);
    renderer.setSeriesPaint(0, ChartStyle.BLUE);
    renderer.setSeriesStroke(0, ChartStyle.SOLID);
    renderer.setSeriesPaint(1, ChartStyle.VERMILLION);
    renderer.setSeriesStroke(1, ChartStyle.DASHED);
    NumberAxis count = ChartStyle.numberAxis("per second");
    count.setAutoRangeIncludesZero(true);
    XYPlot plot = new XYPlot(data, new DateAxis("time (UTC)"), count, renderer);
    return new JFreeChart("Candidate: throughput and errors", ChartStyle.TITLE, plot, true);
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
