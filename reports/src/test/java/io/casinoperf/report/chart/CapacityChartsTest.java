package io.casinoperf.report.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.casinoperf.capacity.forecast.CapacityForecast.RelationChart;
import io.casinoperf.capacity.forecast.CapacityForecast.SeriesChart;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;

/**
 * The capacity charts on values near the largest double: drawn, axes and all, on an axis whose
 * range stays finite.
 */
class CapacityChartsTest {
  private static final long T = 1_700_000_000L;

  private static SeriesChart series(double spike, Double capacity) {
    double[] history = {40, spike, 42};
    return new SeriesChart("redis_used_bytes", "bytes", new long[] {T, T + 60, T + 120}, history, history,
        new double[] {41, 41, 41}, new long[] {T + 180, T + 240}, new double[] {30, 31},
        new double[] {40, 41}, new double[] {50, 51}, capacity);
  }

  @Test
  void aSeriesNearTheLargestDoubleIsDrawnWithItsCapacityLine() {
    JFreeChart chart = CapacityCharts.overTime(series(1.7e308, 80.0), List.of(), List.of(), Long.MIN_VALUE,
        "All history");

    String svg = SvgCharts.svg(chart, "time-0", "redis_used_bytes", 640, 360);

    // Tick labels in powers of ten: all 308 digits would leave the plot no room, and no axis.
    assertThat(svg).contains(">1E307</text>").contains(">capacity with today&apos;s nodes</text>");
    assertThat(((XYPlot) chart.getPlot()).getRangeAxis().getUpperBound())
        .isFinite().isGreaterThan(1e306);
  }

  @Test
  void aForecastBandReachingInfinityIsDrawnAtTheLimit() {
    SeriesChart band = new SeriesChart("rps", "requests/s", new long[] {T, T + 60}, new double[] {1, 2},
        new double[] {1, 2}, new double[] {1, 2}, new long[] {T + 120}, new double[] {1},
        new double[] {-Double.MAX_VALUE}, new double[] {Double.POSITIVE_INFINITY}, null);
    JFreeChart chart = CapacityCharts.overTime(band, List.of(), List.of(), Long.MIN_VALUE, "All history");

    String svg = SvgCharts.svg(chart, "time-0", "rps", 640, 360);

    assertThat(svg).contains(">1E307</text>").contains(">-1E307</text>");
    assertThat(((XYPlot) chart.getPlot()).getRangeAxis().getRange().getLength()).isFinite();
  }

  @Test
  void aRelationWithAHugePairIsDrawn() {
    // 1.75e308 plus the axis' 5 % margin is beyond the largest double.
    RelationChart relation = new RelationChart("redis-memory", new double[] {100, 200, 1.75e308},
        new double[] {1, 2, 1.75e308}, new double[] {100, 200}, new double[] {1, 2}, new double[] {0.5, 1.5},
        new double[] {1.5, 2.5}, 1.75e308);
    JFreeChart chart = CapacityCharts.relation(relation, "rps", "requests/s", "bytes", 1.79e308);

    String img = PngCharts.img(chart, "relation-0", "redis-memory against traffic", 560, 380);

    assertThat(img).startsWith("<img id=\"relation-0\"").contains("data:image/png;base64,");
    assertThat(((XYPlot) chart.getPlot()).getDomainAxis().getRange().getLength()).isFinite();
  }
}
