package io.casinoperf.report.chart;

import io.casinoperf.report.RunTrend.Marker;
import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.NumberTickUnitSource;
import org.jfree.chart.axis.TickUnits;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.util.ShapeUtils;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * trend.html's charts: one value per run, runs left to right in recorded order, each run marked
 * by how the gate judged it. Passes are blue circles, regressions larger vermillion triangles,
 * inconclusive runs hollow orange diamonds; a run whose verdict another request decided is a small
 * hollow grey circle; aborted runs are black crosses and invalid runs hollow reddish-purple
 * squares. Shape and colour both tell them apart. The line joins only the runs whose numbers
 * measure the platform: aborted and invalid runs stand beside it.
 */
public final class TrendCharts {
  private static final int[] TICK_STEPS = {1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000};

  /** The marker series' names, as the legend shows them. */
  public static final Map<Marker, String> LEGEND = legend();

  private TrendCharts() {}

  private static Map<Marker, String> legend() {
    Map<Marker, String> names = new EnumMap<>(Marker.class);
    names.put(Marker.PASS, "pass (baseline-eligible)");
    names.put(Marker.REGRESSION, "regression");
    names.put(Marker.INCONCLUSIVE, "inconclusive");
    names.put(Marker.JUDGED_ELSEWHERE, "judged on another request");
    names.put(Marker.ABORTED, "aborted (breaker stopped it)");
    names.put(Marker.INVALID, "invalid (injector saturated)");
    return Collections.unmodifiableMap(names);
  }

  /**
   * A line through the values of the runs that measure the platform, with a marker per run. The
   * line is the first series, named by the title; then one series per {@link Marker}, named as
   * {@link #LEGEND} says, in the order of the enum. The legend lists the markers the chart has.
   *
   * @param values one per run, oldest first; NaN where the run did not send the request
   * @param markers one per run
   * @param ticks one axis label per run (its version label, or a short id)
   * @param axisLabel the value axis label, with its unit
   * @param percent whether values are shares in [0, 1] drawn as percentages
   */
  public static JFreeChart perRun(String title, String axisLabel, double[] values, List<Marker> markers,
      List<String> ticks, boolean percent) {
    double scale = percent ? 100 : 1;
    XYSeries line = new XYSeries(title, false, true);
    Map<Marker, XYSeries> byMarker = new EnumMap<>(Marker.class);
    for (Marker marker : Marker.values()) {
      byMarker.put(marker, new XYSeries(LEGEND.get(marker), false, true));
    }
    double highest = 0;
    for (int i = 0; i < values.length; i++) {
      Marker marker = markers.get(i);
      if (Double.isNaN(values[i])) {
        if (marker.onLine()) {
          line.add(i, null);
        }
        continue;
      }
      double y = scale * values[i];
      highest = Math.max(highest, y);
      if (marker.onLine()) {
        line.add(i, y);
      }
      byMarker.get(marker).add(i, y);
    }
    XYSeriesCollection data = new XYSeriesCollection();
    data.addSeries(line);
    // In the enum's order: the marker's series is 1 + its ordinal.
    byMarker.values().forEach(data::addSeries);

    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
    renderer.setSeriesPaint(0, ChartStyle.BLACK);
    renderer.setSeriesStroke(0, ChartStyle.THIN);
    renderer.setSeriesShapesVisible(0, false);
    renderer.setSeriesVisibleInLegend(0, false);
    // Markers shrink when runs crowd the axis; a regression's never below 9 px, so it still shows.
    double size = values.length <= 40 ? 1 : Math.max(0.5, Math.sqrt(40.0 / values.length));
    for (Marker marker : Marker.values()) {
      int series = 1 + marker.ordinal();
      switch (marker) {
        case PASS -> marker(renderer, series, ChartStyle.BLUE, circle(8 * size), true);
        case REGRESSION -> marker(renderer, series, ChartStyle.VERMILLION, triangle(Math.max(9, 13 * size)), true);
        case INCONCLUSIVE -> marker(renderer, series, ChartStyle.ORANGE, diamond(Math.max(7, 11 * size)), false);
        case JUDGED_ELSEWHERE -> marker(renderer, series, ChartStyle.GREY, circle(Math.max(4, 6 * size)), false);
        case ABORTED -> marker(renderer, series, ChartStyle.BLACK,
            ShapeUtils.createDiagonalCross((float) Math.max(4.5, 6 * size), (float) Math.max(1, 1.5 * size)), true);
        case INVALID -> marker(renderer, series, ChartStyle.PURPLE, square(Math.max(7, 10 * size)), false);
      }
      renderer.setSeriesVisibleInLegend(series, byMarker.get(marker).getItemCount() > 0);
    }
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

  private static Shape square(double size) {
    return new Rectangle2D.Double(-size / 2, -size / 2, size, size);
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
