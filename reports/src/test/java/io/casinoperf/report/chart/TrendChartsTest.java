package io.casinoperf.report.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.casinoperf.report.RunTrend.Outcome;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;

/** The trend chart's run axis: each run's label at its index, thinned out when runs are many. */
class TrendChartsTest {
  private static JFreeChart chart(int runs) {
    List<String> labels = new ArrayList<>();
    double[] values = new double[runs];
    for (int i = 0; i < runs; i++) {
      labels.add("v1." + i + ".0");
      values[i] = 40 + i % 7;
    }
    return TrendCharts.perRun("p99 response time", "p99 (ms)", values,
        Collections.nCopies(runs, Outcome.PASS), labels, false);
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
}
