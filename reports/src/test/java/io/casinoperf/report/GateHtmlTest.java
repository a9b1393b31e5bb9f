package io.casinoperf.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.casinoperf.cli.CasinoPerfTestAccess;
import io.casinoperf.gate.testing.LogFileWriter;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * gate.html from the gate command on two generated runs, the second with a slower Spin (a
 * regression) and a request name that would be markup if it were not escaped.
 */
class GateHtmlTest {
  private static final long START = 1_795_000_000_000L;

  @TempDir static Path dir;
  private static String html;
  private static JsonNode verdict;

  private static Path log(String folder, long start, double spinMedian, int seed) throws Exception {
    SplittableRandom random = new SplittableRandom(seed);
    LogFileWriter log = new LogFileWriter().run("3.15.1", "casino.FlashSpinPeakSimulation", start, List.of("p"));
    for (int i = 0; i < 3_000; i++) {
      int at = i * 20;
      log.request(List.of(), "Login <b>", at, at + (int) Math.round(15 * Math.exp(0.4 * random.nextGaussian())), true, "");
      boolean ok = i % 500 != 0;
      log.request(List.of(), "Spin", at + 5,
          at + 5 + (int) Math.round(spinMedian * Math.exp(0.5 * random.nextGaussian())), ok, ok ? "" : "boom");
    }
    Path run = Files.createDirectories(dir.resolve(folder));
    Files.writeString(run.resolve("index.html"), "<html>Gatling</html>");
    return log.writeTo(run.resolve("simulation.log"));
  }

  @BeforeAll
  static void judge() throws Exception {
    String history = dir.resolve("history").toString();
    CasinoPerfTestAccess.run("gate", log("run-1", START, 20, 1).toString(), "--history", history,
        "--out", dir.resolve("r1").toString(), "--label", "v1");
    int code = CasinoPerfTestAccess.run("gate", log("run-2", START + 3_600_000, 40, 2).toString(), "--history",
        history, "--out", dir.resolve("r2").toString(), "--label", "v2");
    assertThat(code).isEqualTo(1);
    html = Files.readString(dir.resolve("r2/gate.html"));
    verdict = new ObjectMapper().readTree(dir.resolve("r2/verdict.json").toFile());
  }

  @Test
  void theBannerSaysTheVerdictAndWhy() {
    assertThat(html).contains("<div class=\"verdict regression\"><b>REGRESSION</b> — All requests: p99");
    assertThat(html).contains(com.samskivert.mustache.Escapers.HTML.escape(verdict.get("reason").asText()));
  }

  @Test
  void theTableShowsEachRequestWorstFirstWithBothRuns() {
    JsonNode spin = verdict.get("requests").get(1);
    assertThat(spin.get("path").asText()).isEqualTo("Spin");
    JsonNode p99 = spin.get("percentiles").get(2);
    assertThat(p99.get("percentile").asDouble()).isEqualTo(99);
    String row = html.substring(html.indexOf("<tr><td>Spin</td>"));
    row = row.substring(0, row.indexOf("</tr>"));
    assertThat(row).contains("badge regression", "3,000 / 3,000", "0.20 % / 0.20 %",
        p99.get("baselineMillis").asLong() + " / " + p99.get("candidateMillis").asLong(),
        String.format(java.util.Locale.ROOT, "%+.1f %%", 100 * p99.get("change").asDouble()));
    assertThat(html.indexOf("<tr><td>Spin</td>")).isLessThan(html.indexOf("<tr><td>Login &lt;b&gt;</td>"));
  }

  @Test
  void distributionsForAllRequestsAndTheRegressedOneWithTheirSlosAndTheRunOverTime() {
    assertThat(verdict.get("distributions")).extracting(d -> d.get("path").asText())
        .containsExactly("All requests", "Spin");
    assertThat(Pattern.compile("<svg id='distribution-").matcher(html).results().count()).isEqualTo(2);
    // Over time: latency (candidate over its one-run baseline) and load.
    assertThat(html).contains("<svg id='latency-over-time'").contains("<svg id='load-over-time'");
    assertThat(verdict.get("overTime").get("baseline")).isNotEmpty();
    assertThat(html).contains("Spin: response time by percentile");
    // Each distribution has its SLO line.
    assertThat(verdict.get("distributions").get(1).get("sloP99Millis").asLong()).isPositive();
    assertThat(html).contains("SLO p99 " + verdict.get("distributions").get(1).get("sloP99Millis").asLong() + " ms");
  }

  @Test
  void linksGatlingsReportAndFetchesNothing() {
    assertThat(html).contains("<a href=\"../run-2/index.html\">");
    // The baseline's report was recorded in the history when run-1 was judged.
    assertThat(html).contains("<a href=\"../run-1/index.html\">");
    assertThat(SelfContainedPages.EXTERNAL.matcher(html).find()).isFalse();
    assertThat(html).doesNotContain("Login <b>");
  }

  @Test
  void rendersInARealBrowser() throws Exception {
    BufferedImage shot = HeadlessBrowser.screenshot(dir.resolve("r2/gate.html"), 1200, 2000, dir);

    assertThat(HeadlessBrowser.inkedShare(shot)).isGreaterThan(0.03);
    assertThat(HeadlessBrowser.colours(shot)).isGreaterThan(100);
  }
}
