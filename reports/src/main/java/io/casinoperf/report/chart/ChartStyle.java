package io.casinoperf.report.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Stroke;
import java.util.Locale;
import java.util.TimeZone;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;

/**
 * One look for every chart: the Okabe–Ito palette (told apart by colour-blind readers), and
 * lines that also differ by dash and weight, so a greyscale print keeps them apart.
 */
public final class ChartStyle {
  public static final Color BLACK = new Color(0x000000);
  public static final Color ORANGE = new Color(0xE69F00);
  public static final Color SKY_BLUE = new Color(0x56B4E9);
  public static final Color GREEN = new Color(0x009E73);
  public static final Color BLUE = new Color(0x0072B2);
  public static final Color VERMILLION = new Color(0xD55E00);
  public static final Color PURPLE = new Color(0xCC79A7);
  public static final Color GRID = new Color(0xDDDDDD);

  public static final Stroke SOLID = new BasicStroke(1.6f);
  public static final Stroke THIN = new BasicStroke(0.8f);
  public static final Stroke DASHED = new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
      10f, new float[] {6f, 4f}, 0f);
  public static final Stroke DOTTED = new BasicStroke(1.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND,
      10f, new float[] {1.5f, 3.5f}, 0f);
  public static final Stroke LIMIT = new BasicStroke(2.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
      10f, new float[] {10f, 5f, 2f, 5f}, 0f);

  static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 14);
  static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
  static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

  private ChartStyle() {}

  /** A value axis whose ticks use the same digits on every machine (1,000.5, not 1.000,5). */
  public static NumberAxis numberAxis(String label) {
    NumberAxis axis = new NumberAxis(label);
    axis.setStandardTickUnits(NumberAxis.createStandardTickUnits(Locale.ROOT));
    return axis;
  }

  /** Same colour with the given opacity (0–255), for bands and shaded windows. */
  public static Color translucent(Color color, int alpha) {
    return new Color(color.getRed(), color.getGreen(), color.getBlue(), alpha);
  }

  static void apply(JFreeChart chart) {
    chart.setBackgroundPaint(Color.WHITE);
    chart.setAntiAlias(true);
    if (chart.getTitle() != null) {
      chart.getTitle().setFont(TITLE);
    }
    LegendTitle legend = chart.getLegend();
    if (legend != null) {
      legend.setItemFont(LABEL);
      legend.setPosition(RectangleEdge.BOTTOM);
      legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
    }
    if (chart.getPlot() instanceof XYPlot plot) {
      plot.setBackgroundPaint(Color.WHITE);
      plot.setDomainGridlinePaint(GRID);
      plot.setRangeGridlinePaint(GRID);
      plot.setOutlineVisible(false);
      style(plot.getDomainAxis());
      style(plot.getRangeAxis());
    }
  }

  private static void style(org.jfree.chart.axis.ValueAxis axis) {
    axis.setLabelFont(LABEL);
    axis.setTickLabelFont(TICK);
    // Ticks read the same on every machine: UTC, and English month names and digits whatever
    // the JVM's locale.
    if (axis instanceof DateAxis date) {
      date.setTimeZone(TimeZone.getTimeZone("UTC"));
      date.setStandardTickUnits(DateAxis.createStandardDateTickUnits(TimeZone.getTimeZone("UTC"), Locale.ROOT));
    }

  }
}
