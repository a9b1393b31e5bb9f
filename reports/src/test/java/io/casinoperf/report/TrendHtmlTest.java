package io.casinoperf.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.casinoperf.cli.GatedRuns;
import io.casinoperf.cli.GatedRuns.Gated;
import io.casinoperf.gate.history.RunHistory;
import io.casinoperf.report.RunTrend.Outcome;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** trend.html over a history the real gate made: each run's numbers and verdict, nothing external, a real render. */
class TrendHtmlTest {
  @TempDir static Path dir;
  private static List<Gated> gated;
  private static Gated otherSimulation;
  private static RunTrend trend;
  private static String html;

  @BeforeAll
  static void gateFiveReleasesAndRender() throws Exception {
    GatedRuns runs = new GatedRuns(dir);
    Gated v1 = runs.gate("v1", 20);
    otherSimulation = runs.gate("lobby-1", 20, 0, "casino.LobbyBrowseSimulation");
    Gated v2 = runs.gate("v2", 20, 1000, GatedRuns.SIMULATION);
    Gated v3 = runs.gate("v3", 30);
    Gated v4 = runs.gate("v4", 20);
    // A label that would be markup if it were not escaped.
    Gated v5 = runs.gate("v5 <b>rc</b>", 21);
    gated = List.of(v1, v2, v3, v4, v5);
    trend = RunTrend.read(new RunHistory(runs.history()), Optional.empty());
    html = TrendHtml.render(trend);
    Files.writeString(dir.resolve("trend.html"), html);
  }

  @Test
  void theSlowerReleaseIsTheOnlyRegression() {
    assertThat(gated).extracting(Gated::verdict).containsExactly("pass", "pass", "regression", "pass", "pass");
    assertThat(trend.runs()).extracting(RunTrend.Run::outcome)
        .containsExactly(Outcome.PASS, Outcome.PASS, Outcome.REGRESSION, Outcome.PASS, Outcome.PASS);
    // The regression never became a baseline: v4 was compared with v2 again.
    assertThat(trend.runs().get(3).lastPassBefore().label()).isEqualTo("v2");
    assertThat(trend.runs().get(2).lastPassBefore().label()).isEqualTo("v2");
    assertThat(trend.runs().get(0).lastPassBefore()).isNull();
  }

  @Test
  void eachRunIsARowWithItsLabelVerdictAndTheP99TheGateReported() {
    for (Gated run : gated) {
      Matcher row = Pattern.compile("<tr class=\"(\\w+)\"><td class=\"id\">" + run.id() + "</td>(.*?)</tr>").matcher(html);
      assertThat(row.find()).as(run.id()).isTrue();
      assertThat(row.group(1)).isEqualTo(run.verdict());
      assertThat(row.group(2))
          .contains("<td class=\"text\">" + com.samskivert.mustache.Escapers.HTML.escape(run.label()) + "</td>")
          .contains("<td>" + run.allP99Millis() + " ms</td>")
          .contains(run.verdict().equals("regression") ? "▲ regression" : "● pass");
    }
    // 3 KO spins of 6,000 requests.
    assertThat(html).contains("<td>0.05 %</td>");
  }

  @Test
  void saysWhichSimulationItShowsAndWhichOthersThereAre() {
    assertThat(html).contains("Simulation <b>casino.FlashSpinPeakSimulation</b> (the simulation of the newest run)")
        .contains("other simulations in this history: casino.LobbyBrowseSimulation (1 run)")
        .contains("5 runs recorded")
        .doesNotContain(otherSimulation.id());
  }

  @Test
  void chartsEachRequestAndMarksTheRegressionInVermillion() {
    assertThat(trend.requests()).containsExactly("All requests", "Login", "Spin");
    assertThat(Pattern.compile("<svg id='(p99|errors)-\\d'").matcher(html).results().count()).isEqualTo(6);
    String allP99 = html.substring(html.indexOf("<svg id='p99-0'"), html.indexOf("</svg>", html.indexOf("<svg id='p99-0'")));
    assertThat(allP99).contains("<title>All requests: p99 per run</title>").contains("regression")
        .contains("pass (baseline-eligible)");
    // The legend's triangle and the one regression's.
    assertThat(Pattern.compile("fill:rgb\\(213,94,0\\)").matcher(allP99).results().count()).isEqualTo(2);
    assertThat(trend.runs()).extracting(RunTrend.Run::axisLabel).containsExactly("v1", "v2", "v3", "v4", "v5 <b>rc</b>");
  }

  @Test
  void nothingIsLoadedFromElsewhereAndLabelsAreEscaped() {
    assertThat(SelfContainedPages.firstExternalReference(html)).isEmpty();
    assertThat(html).doesNotContain("<b>rc</b>").contains("v5 &lt;b&gt;rc&lt;/b&gt;");
  }

  @Test
  void rendersInARealBrowser() throws Exception {
    BufferedImage shot = HeadlessBrowser.screenshot(dir.resolve("trend.html"), 1200, 1600, dir);

    assertThat(shot.getWidth()).isEqualTo(1200);
    assertThat(HeadlessBrowser.inkedShare(shot)).isGreaterThan(0.03);
    assertThat(HeadlessBrowser.colours(shot)).isGreaterThan(100);
  }
}
