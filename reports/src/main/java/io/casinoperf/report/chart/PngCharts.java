package io.casinoperf.report.chart;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;

/**
 * Charts of many points (scatter plots) as PNG at twice their displayed size, inlined as a data
 * URI: as sharp as the screen needs, and a fraction of the size of one SVG element per point.
 */
public final class PngCharts {
  private PngCharts() {}

  /** An {@code <img>} element showing the chart at width × height CSS pixels. */
  public static String img(JFreeChart chart, String id, String title, int width, int height) {
    ChartStyle.apply(chart);
    BufferedImage image = new BufferedImage(2 * width, 2 * height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.scale(2, 2);
    chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
    g.dispose();
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", png);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return "<img id=\"" + id + "\" width=\"" + width + "\" height=\"" + height + "\" alt=\""
        + SvgCharts.escape(title).replace("\"", "&quot;") + "\" src=\"data:image/png;base64,"
        + Base64.getEncoder().encodeToString(png.toByteArray()) + "\">";
  }
}
