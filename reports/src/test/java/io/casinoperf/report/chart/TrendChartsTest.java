package io.casinoperf.report.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.casinoperf.report.RunTrend.Marker;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;

/**
 * The trend chart: each run's label at its index, thinned out when runs are many; a line through
 * the runs that measure the platform, a marker series per kind of run.
 */
class TrendChartsTest {
  private static JFreeChart chart(int runs) {
    List<String> labels = new ArrayList<>();
    double[] values = new double[runs];
    for (int i = 0; i < runs; i++) {
      labels.add("v1." + i + ".0");
      values[i] = 40 + i % 7;
    }
    return TrendCharts.perRun("p99 response time", "p99 (ms)", values,
        Collections.nCopies(runs, Marker.PASS), labels, false);
  }

  private static NumberAxis runAxis(JFreeChart chart) {
    return (NumberAxis) ((XYPlot) chart.getPlot()).getDomainAxis();
  }

  @Test
  void eachRunIsLabelledWithItsVersionAndNothingBetweenRuns() {
    JFreeChart chart = chart(5);
    SvgCharts.svg(chart, "c", "t", 540, 340);

    NumberAxis axis = runAxis(chart);
    assertThat(axis.getTickUnit().getSize()).isEqualTo(1);
    assertThat(axis.getTickUnit().valueToString(3)).isEqualTo("v1.3.0");
    assertThat(axis.getTickUnit().valueToString(2.5)).isEmpty();
    assertThat(axis.getTickUnit().valueToString(5)).isEmpty();
  }

  @Test
  void hundredsOfRunsShowEveryNthLabelSoTheyDoNotOverlap() {
    JFreeChart chart = chart(300);
    String svg = SvgCharts.svg(chart, "c", "t", 540, 340);

    // About 400 px of axis and 13 px per upright label: at most ~30 labels.
    assertThat(runAxis(chart).getTickUnit().getSize()).isGreaterThanOrEqualTo(10);
    assertThat(svg.length()).isLessThan(400_000);
  }

  /** A series' points as "x: y", y null for a gap. */
  static List<String> points(XYSeries series) {
    List<String> points = new ArrayList<>();
    for (int i = 0; i < series.getItemCount(); i++) {
      Number y = series.getY(i);
      points.add(series.getX(i).intValue() + ": "
          + (y == null ? "gap" : String.format(Locale.ROOT, "%.0f", y.doubleValue())));
    }
    return points;
  }

  @Test
  void theLineJoinsOnlyRunsThatMeasureThePlatformAndAbortedOrInvalidRunsStandApart() {
    double[] p99 = {40, 95, 42, 180, 41, Double.NaN, 60};
    List<Marker> markers = List.of(Marker.PASS, Marker.INVALID, Marker.PASS, Marker.ABORTED,
        Marker.JUDGED_ELSEWHERE, Marker.PASS, Marker.REGRESSION);

    JFreeChart chart = TrendCharts.perRun("p99 response time", "p99 (ms)", p99, markers,
        List.of("v1", "v2", "v3", "v4", "v5", "v6", "v7"), false);

    XYPlot plot = (XYPlot) chart.getPlot();
    XYSeriesCollection data = (XYSeriesCollection) plot.getDataset();
    assertThat(points(data.getSeries("p99 response time")))
        .containsExactly("0: 40", "2: 42", "4: 41", "5: gap", "6: 60");
    assertThat(points(data.getSeries(TrendCharts.LEGEND.get(Marker.INVALID)))).containsExactly("1: 95");
    assertThat(points(data.getSeries(TrendCharts.LEGEND.get(Marker.ABORTED)))).containsExactly("3: 180");
    assertThat(points(data.getSeries(TrendCharts.LEGEND.get(Marker.JUDGED_ELSEWHERE)))).containsExactly("4: 41");
    assertThat(points(data.getSeries(TrendCharts.LEGEND.get(Marker.REGRESSION)))).containsExactly("6: 60");
    // The legend names the markers this chart has, the line not.
    List<String> legend = new ArrayList<>();
    for (int i = 0; i < plot.getLegendItems().getItemCount(); i++) {
      legend.add(plot.getLegendItems().get(i).getLabel());
    }
    assertThat(legend).containsExactly("pass (baseline-eligible)", "regression", "judged on another request",
        "aborted (breaker stopped it)", "invalid (injector saturated)");
  }
}
