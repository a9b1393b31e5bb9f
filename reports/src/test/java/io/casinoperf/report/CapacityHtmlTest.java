package io.casinoperf.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.casinoperf.capacity.forecast.CapacityForecast;
import io.casinoperf.capacity.forecast.CapacityForecaster;
import io.casinoperf.capacity.forecast.ForecastInputs;
import io.casinoperf.capacity.forecast.ForecastSettings;
import io.casinoperf.capacity.testing.PlatformMetrics;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** capacity.html for a generated platform: the right numbers and decisions, nothing external, a real render. */
class CapacityHtmlTest {
  private static final Pattern EXTERNAL = SelfContainedPages.EXTERNAL;

  @TempDir static Path dir;
  private static CapacityForecast forecast;
  private static String html;

  @BeforeAll
  static void render() throws Exception {
    PlatformMetrics.write(dir, 42, 900, 3.0, 3);
    // A resource name that would be markup if it were not escaped.
    Path plan = dir.resolve("plan.yaml");
    Files.writeString(plan, Files.readString(plan).replace("name: redis-memory", "name: \"redis <b>memory</b>\""));
    ForecastInputs inputs = ForecastInputs.load(List.of(dir.resolve("metrics.csv")), dir.resolve("calendar.yaml"),
        plan, dir.resolve("load-steps.csv"), 0, 3);
    forecast = CapacityForecaster.forecast(inputs, ForecastSettings.defaults());
    html = CapacityHtml.render(forecast);
    Files.writeString(dir.resolve("capacity.html"), html);
  }

  @Test
  void headlineCarriesEachResourcesNumbersAndDecision() {
    for (CapacityForecast.ResourceForecast r : forecast.resources()) {
      assertThat(html).contains(r.nodes().nodesNeeded().p50() + " / " + r.nodes().nodesNeeded().p90()
          + " / " + r.nodes().nodesNeeded().p99());
      if (r.unit().equals("bytes")) {
        // Gibibytes, not "5.85e+09" or "8589934592 bytes".
        // Four significant digits, without trailing zeros ("5.87 GiB", not "5.870 GiB").
        String gib = new java.math.BigDecimal(String.format(Locale.ROOT, "%.4g", r.value().p90() / (1L << 30)))
            .stripTrailingZeros().toPlainString();
        assertThat(html).contains(gib + " GiB");
        assertThat(html).doesNotContain(ForecastWriters.num(r.value().p90()));
      } else {
        assertThat(html).contains(ForecastWriters.num(r.value().p50()), ForecastWriters.num(r.value().p90()));
      }
    }
    assertThat(html).containsPattern("app-cpu</b> <span class=\"badge short\">needs \\d+ more nodes</span>");
    assertThat(html).containsPattern("redis &lt;b&gt;memory&lt;/b&gt;</b> <span class=\"badge fits\">fits</span>");
    assertThat(html).contains("Capacity forecast: Black Friday").contains("×3.00 (the planner&#39;s multiplier)");
    assertThat(html).contains(ForecastWriters.num(forecast.traffic().peak().p90()));
  }

  /**
   * Each series has a chart of the planned window alone, with its band; the traffic's charts
   * carry the capacity of today's nodes by the load test.
   */
  @Test
  void thePlannedWindowHasItsOwnChartAndTrafficItsCapacityLine() {
    int series = 1 + forecast.resources().size();
    assertThat(html.split(java.util.regex.Pattern.quote(forecast.planned().name() + " with its band"), -1))
        .hasSizeGreaterThan(series);
    CapacityForecast.NodePlan nodes = forecast.traffic().nodes();
    assertThat(nodes).isNotNull();
    assertThat(forecast.charts().traffic().capacity()).isEqualTo(nodes.usableCapacity());
  }

  @Test
  void modelQualityIsInPlainWords() {
    var b = forecast.traffic().backtest();
    assertThat(html).contains(escaped(b.verdict()))
        .contains(String.format(Locale.ROOT, "%.1f %%", 100 * b.coverage90()))
        .contains(String.format(Locale.ROOT, "%.2f", b.naiveMase()));
    for (String assumption : FindingText.sentences(forecast.assumptions())) {
      assertThat(html).contains(escaped(assumption));
    }
  }

  /** As the template library escapes text. */
  private static String escaped(String text) {
    return com.samskivert.mustache.Escapers.HTML.escape(text);
  }

  @Test
  void everyChartIsInlineAndValuesAreEscaped() {
    assertThat(html).doesNotContain("<b>memory</b>");
    assertThat(SelfContainedPages.firstExternalReference(html)).isEmpty();
    // Four series × (all history, zoom, planned window) as SVG, three relations as PNG, one USL
    // chart, one of p99 against the node count.
    assertThat(Pattern.compile("<svg id=").matcher(html).results().count()).isEqualTo(14);
    assertThat(html).contains("<svg id='latency'");
    assertThat(Pattern.compile("<img id=\"relation-").matcher(html).results().count()).isEqualTo(3);
    assertThat(html.length()).isLessThan(2_000_000);
  }

  @Test
  void theExternalReferenceCheckCatchesWhatItMust() {
    assertThat(EXTERNAL.matcher("<img src=\"https://cdn.example/x.png\">").find()).isTrue();
    assertThat(EXTERNAL.matcher("<image xlink:href='https://x/y.png'/>").find()).isTrue();
    assertThat(EXTERNAL.matcher("<link rel=stylesheet href=//cdn.example/s.css>").find()).isTrue();
    assertThat(EXTERNAL.matcher("background: url(http://x/y.png)").find()).isTrue();
    assertThat(EXTERNAL.matcher("<script>1</script>").find()).isTrue();
    assertThat(EXTERNAL.matcher("clip-path='url(#c1)' <a href=\"#top\"> src=\"data:image/png;base64,AA\"").find()).isFalse();
    assertThat(EXTERNAL.matcher("<a href=\"../run/index.html\">Gatling's report</a>").find()).isFalse();
  }

  @Test
  void rendersInARealBrowser() throws Exception {
    BufferedImage shot = HeadlessBrowser.screenshot(dir.resolve("capacity.html"), 1200, 2400, dir);

    assertThat(shot.getWidth()).isEqualTo(1200);
    assertThat(HeadlessBrowser.inkedShare(shot)).isGreaterThan(0.03);
    assertThat(HeadlessBrowser.colours(shot)).isGreaterThan(200);
  }
}
