package io.casinoperf.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.casinoperf.cli.GatedRuns;
import io.casinoperf.gate.history.RunHistory;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Makes docs/trend-report.png: twelve releases gated as a pipeline would, one of them slower (a
 * regression), one cut off (inconclusive), one on a saturated injector (invalid) and one stopped by
 * its circuit breaker (aborted), rendered by headless Chromium 1200 px wide. Runs only when asked:
 *
 * <pre>./mvnw -q -o -pl reports test -Dtest=TrendScreenshotTest -Dtrend.screenshot=$PWD/docs/trend-report.png</pre>
 */
@EnabledIfSystemProperty(named = "trend.screenshot", matches = ".+")
class TrendScreenshotTest {
  private static final int WIDTH = 1200;
  private static final int HEIGHT = 1180;

  @TempDir Path dir;

  @Test
  void writesTheDocumentationScreenshot() throws Exception {
    GatedRuns runs = new GatedRuns(dir);
    runs.gate("v1.4.0", 20, 0, GatedRuns.SIMULATION);
    runs.gate("v1.4.1", 20, 1500, GatedRuns.SIMULATION);
    runs.gate("v1.4.2", 21, 0, GatedRuns.SIMULATION);
    runs.gate("v1.5.0-rc1", 30, 1000, GatedRuns.SIMULATION);
    runs.gate("v1.5.0-rc2", 20, 0, GatedRuns.SIMULATION);
    runs.gate("v1.5.0", 20, 3000, GatedRuns.SIMULATION);
    runs.gateCutOff("v1.5.1", 20);
    runs.gate("v1.5.1+b7e04d2", 20, 0, GatedRuns.SIMULATION);
    runs.gateInvalid("v1.5.2", 40);
    runs.gateAborted("v1.6.0-rc1", 20);
    runs.gate("", 20, 0, GatedRuns.SIMULATION);
    runs.gate("v1.6.0", 20, 3000, GatedRuns.SIMULATION);
    RunTrend trend = RunTrend.read(new RunHistory(runs.history()), Optional.empty());
    assertThat(trend.runs()).extracting(RunTrend.Run::outcome).contains(RunTrend.Outcome.REGRESSION,
        RunTrend.Outcome.INCONCLUSIVE, RunTrend.Outcome.INVALID, RunTrend.Outcome.ABORTED);
    Path page = Files.writeString(dir.resolve("trend.html"), TrendHtml.render(trend));

    BufferedImage shot = HeadlessBrowser.screenshot(page, WIDTH, HEIGHT, dir);

    Path target = Path.of(System.getProperty("trend.screenshot"));
    Files.createDirectories(target.toAbsolutePath().getParent());
    ImageIO.write(shot, "png", target.toFile());
    assertThat(HeadlessBrowser.inkedShare(shot)).isGreaterThan(0.03);
  }
}
