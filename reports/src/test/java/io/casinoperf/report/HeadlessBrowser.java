package io.casinoperf.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's Chromium, headless, on local files only: renders a page and returns its screenshot.
 * `.ci/run` installs it when missing; on a machine without it the tests that need it are skipped
 * (and fail under CI=true, where it must be present).
 */
final class HeadlessBrowser {
  private HeadlessBrowser() {}

  static Path executable() {
    for (String candidate : List.of(System.getenv().getOrDefault("CHROMIUM", ""), "/usr/bin/chromium",
        "/usr/bin/chromium-browser")) {
      if (!candidate.isEmpty() && Files.isExecutable(Path.of(candidate))) {
        return Path.of(candidate);
      }
    }
    if ("true".equals(System.getenv("CI"))) {
      throw new AssertionError("chromium is missing: .ci/run installs it (apt-get install chromium)");
    }
    Assumptions.abort("chromium is not installed (apt-get install chromium)");
    return null;
  }

  /** A screenshot of the page at the given window size. */
  static BufferedImage screenshot(Path page, int width, int height, Path workDir)
      throws IOException, InterruptedException {
    Path browser = executable();
    Path shot = workDir.resolve(page.getFileName() + ".png");
    Path profile = Files.createTempDirectory(workDir, "chromium-profile");
    Process process = new ProcessBuilder(browser.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--hide-scrollbars", "--user-data-dir=" + profile,
        "--window-size=" + width + "," + height, "--screenshot=" + shot, page.toUri().toString())
        .redirectErrorStream(true)
        .redirectOutput(workDir.resolve("chromium.log").toFile())
        .start();
    assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("chromium finished").isTrue();
    assertThat(shot).as(Files.readString(workDir.resolve("chromium.log"))).exists();
    return ImageIO.read(shot.toFile());
  }

  /** Share of pixels that are not (nearly) white. */
  static double inkedShare(BufferedImage image) {
    long inked = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y);
        int r = (rgb >> 16) & 0xff;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        inked += r + g + b < 720 ? 1 : 0;
      }
    }
    return (double) inked / ((long) image.getWidth() * image.getHeight());
  }

  /** Distinct colours, a cheap sign that charts (not only text) were drawn. */
  static int colours(BufferedImage image) {
    java.util.Set<Integer> seen = new java.util.HashSet<>();
    for (int y = 0; y < image.getHeight(); y += 2) {
      for (int x = 0; x < image.getWidth(); x += 2) {
        seen.add(image.getRGB(x, y) & 0xffffff);
      }
    }
    return seen.size();
  }
}
