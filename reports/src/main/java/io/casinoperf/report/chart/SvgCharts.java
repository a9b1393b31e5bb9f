package io.casinoperf.report.chart;

import java.awt.Rectangle;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/** Charts as inline SVG: crisp at any zoom, their text searchable, nothing to load. */
public final class SvgCharts {
  private SvgCharts() {}

  /**
   * The chart as an {@code <svg>} element with the given id and a {@code <title>} for screen
   * readers; coordinates to one decimal, which keeps a 1,000-point line small.
   */
  public static String svg(JFreeChart chart, String id, String title, int width, int height) {
    ChartStyle.apply(chart);
    SVGGraphics2D g = new SVGGraphics2D(width, height);
    // The chart's own id keeps its clip paths apart from the page's other charts; the default,
    // a clock reading, would make two reports of the same run differ.
    g.setDefsKeyPrefix(id + "-");
    g.setGeomDoubleConverter(v -> String.format(Locale.ROOT, "%.1f", v));
    chart.draw(g, new Rectangle(0, 0, width, height));
    // A viewBox lets the page scale the chart to its column instead of clipping it.
    String svg = g.getSVGElement(id, true, new ViewBox(0, 0, width, height), null, null);
    int open = svg.indexOf('>', svg.indexOf("<svg")) + 1;
    return svg.substring(0, open) + "<title>" + escape(title) + "</title>" + svg.substring(open);
  }

  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
