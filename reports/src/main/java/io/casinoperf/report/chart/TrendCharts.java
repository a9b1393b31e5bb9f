package io.casinoperf.report.chart;

import io.casinoperf.report.RunTrend.Outcome;
import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.NumberTickUnitSource;
import org.jfree.chart.axis.TickUnits;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * trend.html's charts: one value per run, runs left to right in recorded order, each run marked
 * by how the gate judged it. Passes are blue circles, regressions larger vermillion triangles,
 * inconclusive runs hollow orange diamonds: shape and colour both tell them apart.
 */
public final class TrendCharts {
  private static final int[] TICK_STEPS = {1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000};

  private TrendCharts() {}

  /**
   * A line through the runs' values with a marker per run.
   *
   * @param values one per run, oldest first; NaN where the run did not send the request
   * @param outcomes one per run
   * @param ticks one axis label per run (its version label, or a short id)
   * @param axisLabel the value axis label, with its unit
   * @param percent whether values are shares in [0, 1] drawn as percentages
   */
  public static JFreeChart perRun(String title, String axisLabel, double[] values, List<Outcome> outcomes,
      List<String> ticks, boolean percent) {
    double scale = percent ? 100 : 1;
    XYSeries line = new XYSeries(title, false, true);
    XYSeries pass = new XYSeries("pass (baseline-eligible)", false, true);
    XYSeries regression = new XYSeries("regression", false, true);
    XYSeries inconclusive = new XYSeries("inconclusive", false, true);
    double highest = 0;
    for (int i = 0; i < values.length; i++) {
      if (Double.isNaN(values[i])) {
        line.add(i, null);
        continue;
      }
      double y = scale * values[i];
      highest = Math.max(highest, y);
      line.add(i, y);
      switch (outcomes.get(i)) {
        case PASS -> pass.add(i, y);
        case REGRESSION -> regression.add(i, y);
        case INCONCLUSIVE -> inconclusive.add(i, y);
      }
    }
    XYSeriesCollection data = new XYSeriesCollection();
    data.addSeries(line);
    data.addSeries(pass);
    data.addSeries(regression);
    data.addSeries(inconclusive);

    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
    renderer.setSeriesPaint(0, ChartStyle.BLACK);
    renderer.setSeriesStroke(0, ChartStyle.THIN);
    renderer.setSeriesShapesVisible(0, false);
    renderer.setSeriesVisibleInLegend(0, false);
    // Markers shrink when runs crowd the axis; a regression's never below 9 px, so it still shows.
    double size = values.length <= 40 ? 1 : Math.max(0.5, Math.sqrt(40.0 / values.length));
    marker(renderer, 1, ChartStyle.BLUE, circle(8 * size), true);
    marker(renderer, 2, ChartStyle.VERMILLION, triangle(Math.max(9, 13 * size)), true);
    marker(renderer, 3, ChartStyle.ORANGE, diamond(Math.max(7, 11 * size)), false);
    renderer.setUseOutlinePaint(true);
    renderer.setDrawOutlines(true);

    NumberAxis runs = runAxis(ticks);
    NumberAxis value = new NumberAxis(axisLabel);
    // Ticks read the same whatever the machine's locale: 0.05, never 0,05.
    value.setStandardTickUnits(new NumberTickUnitSource(false, NumberFormat.getNumberInstance(Locale.ROOT)));
    // From zero, so twice as slow looks twice as high; a little room above the highest marker.
    value.setRange(0, highest > 0 ? highest * 1.12 : percent ? 1 : 10);
    XYPlot plot = new XYPlot(data, runs, value, renderer);
    return new JFreeChart(title, ChartStyle.TITLE, plot, true);
  }

  private static void marker(XYLineAndShapeRenderer renderer, int series, Color colour, Shape shape, boolean filled) {
    renderer.setSeriesLinesVisible(series, false);
    renderer.setSeriesShapesVisible(series, true);
    renderer.setSeriesShape(series, shape);
    renderer.setSeriesPaint(series, colour);
    renderer.setSeriesFillPaint(series, colour);
    renderer.setSeriesOutlinePaint(series, filled ? ChartStyle.BLACK : colour);
    renderer.setSeriesOutlineStroke(series, filled ? ChartStyle.THIN : ChartStyle.SOLID);
    renderer.setSeriesShapesFilled(series, filled);
  }

  /**
   * Runs 0..n-1 labelled by the given texts, drawn upright; with many runs every 2nd, 5th, 10th…
   * label is shown, whichever keeps them apart.
   */
  private static NumberAxis runAxis(List<String> ticks) {
    NumberAxis axis = new NumberAxis("run, oldest first (version label, or id when unlabelled)");
    NumberFormat labels = new RunLabels(ticks);
    TickUnits units = new TickUnits();
    for (int step : TICK_STEPS) {
      units.add(new NumberTickUnit(step, labels, 0));
    }
    axis.setStandardTickUnits(units);
    axis.setVerticalTickLabels(true);
    axis.setRange(-0.5, Math.max(ticks.size(), 1) - 0.5);
    return axis;
  }

  private static Shape circle(double size) {
    return new Ellipse2D.Double(-size / 2, -size / 2, size, size);
  }

  private static Shape triangle(double size) {
    Path2D.Double p = new Path2D.Double();
    p.moveTo(0, -size / 2);
    p.lineTo(size / 2, size / 2);
    p.lineTo(-size / 2, size / 2);
    p.closePath();
    return p;
  }

  private static Shape diamond(double size) {
    Path2D.Double p = new Path2D.Double();
    p.moveTo(0, -size / 2);
    p.lineTo(size / 2, 0);
    p.lineTo(0, size / 2);
    p.lineTo(-size / 2, 0);
    p.closePath();
    return p;
  }

  /** Formats a run's index as its label; anything between runs as nothing. */
  private static final class RunLabels extends NumberFormat {
    private static final int MAX_CHARS = 18;
    private final List<String> ticks;

    RunLabels(List<String> ticks) {
      this.ticks = ticks;
    }

    @Override
    public StringBuffer format(double number, StringBuffer to, FieldPosition position) {
      long index = Math.round(number);
      if (Math.abs(number - index) < 1e-6 && index >= 0 && index < ticks.size()) {
        String label = ticks.get((int) index);
        to.append(label.length() > MAX_CHARS ? label.substring(0, MAX_CHARS - 1) + "…" : label);
      }
      return to;
    }

    @Override
    public StringBuffer format(long number, StringBuffer to, FieldPosition position) {
      return format((double) number, to, position);
    }

    @Override
    public Number parse(String source, ParsePosition position) {
      throw new UnsupportedOperationException("run labels are not parsed");
    }
  }
}
