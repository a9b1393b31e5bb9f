package io.casinoperf.report.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Stroke;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.Locale;
import java.util.TimeZone;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnitSource;
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
  /** Neutral, for what is neither good nor bad: grey is read alike with any colour vision. */
  public static final Color GREY = new Color(0x8C8C8C);
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

  /**
   * A value axis whose ticks use the same digits on every machine (1,000.5, not 1.000,5), and
   * powers of ten from a trillion up (2.5E15): a label of all the digits of 1e300 would leave the
   * plot no room, and the chart would be drawn empty.
   */
  public static NumberAxis numberAxis(String label) {
    NumberAxis axis = new NumberAxis(label);
    axis.setStandardTickUnits(new NumberTickUnitSource(false, new TickLabels()));
    return axis;
  }

  /**
   * The largest magnitude a value is drawn at. JFreeChart pads an axis' range by a share of its
   * length and picks the tick size from that length; for values beyond about a quarter of
   * {@link Double#MAX_VALUE} either overflows to infinity and drawing fails ("Must be finite",
   * from the tick-unit source). Values beyond this are drawn at it: off any useful scale either
   * way, while the report's tables give the numbers as they are.
   */
  public static final double DRAWABLE_LIMIT = 1e307;

  /** The value as drawn: clamped to ±{@link #DRAWABLE_LIMIT}, infinities included; NaN stays a gap. */
  public static double drawable(double value) {
    return Double.isNaN(value) ? value : Math.max(-DRAWABLE_LIMIT, Math.min(DRAWABLE_LIMIT, value));
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

  /** Tick labels: {@code #,##0.###} as in the root locale, scientific from {@value #SCIENTIFIC_FROM}. */
  private static final class TickLabels extends NumberFormat {
    private static final double SCIENTIFIC_FROM = 1e12;
    private static final long serialVersionUID = 1L;
    private final DecimalFormat plain = new DecimalFormat("#,##0.###", DecimalFormatSymbols.getInstance(Locale.ROOT));
    private final DecimalFormat scientific = new DecimalFormat("0.###E0", DecimalFormatSymbols.getInstance(Locale.ROOT));

    @Override
    public StringBuffer format(double number, StringBuffer toAppendTo, FieldPosition position) {
      return (Math.abs(number) >= SCIENTIFIC_FROM ? scientific : plain).format(number, toAppendTo, position);
    }

    @Override
    public StringBuffer format(long number, StringBuffer toAppendTo, FieldPosition position) {
      return format((double) number, toAppendTo, position);
    }

    @Override
    public Number parse(String source, ParsePosition position) {
      return plain.parse(source, position);
    }
  }
}
