package io.casinoperf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.casinoperf.capacity.testing.PlatformMetrics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code forecast backtest} refuses what it cannot do with one line on stderr, exit code 2 and no
 * file written. The generated history runs from 2025-01-01T00:00Z to 2025-02-11T23:45Z in steps of
 * 15 minutes.
 */
class ForecastBacktestInputErrorsTest {
  @TempDir static Path data;
  @TempDir Path dir;

  @BeforeAll
  static void generate() throws Exception {
    PlatformMetrics.write(data, 42, 900, 3.0, 11);
  }

  /** Runs forecast backtest on the generated metrics and checks the refusal; returns the line. */
  private String refused(String... args) {
    List<String> all = new ArrayList<>(List.of("forecast", "backtest", data.resolve("metrics.csv").toString(),
        "--out", dir.resolve("bt").toString()));
    all.addAll(Arrays.asList(args));
    ForecastBacktestCommandTest.Result result = ForecastBacktestCommandTest.execute(all.toArray(String[]::new));

    assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
    assertThat(result.err()).startsWith("casinoperf: ").doesNotContain("\tat ");
    assertThat(result.err().strip().lines()).as(result.err()).hasSize(1);
    assertThat(dir.resolve("bt")).doesNotExist();
    return result.err().strip();
  }

  @Test
  void anOriginWithoutEnoughHistoryBeforeIt() {
    assertThat(refused("--series", "rps", "--origin", "2025-01-10"))
        .isEqualTo("casinoperf: origin 2025-01-10T00:00:00Z has 9d of history before it (rps starts at"
            + " 2025-01-01T00:00:00Z); the fit needs 14d (two horizons of whole days, at least two days)");
    assertThat(refused("--series", "rps", "--origin", "2025-02-01", "--train", "10d"))
        .contains("has 10d of history before it in its 10d training window; the fit needs 14d");
    assertThat(refused("--series", "rps", "--origins", "5"))
        .startsWith("casinoperf: origin 2025-01-08T00:00:00Z has 7d of history before it");
  }

  @Test
  void anOriginAfterTheData() {
    assertThat(refused("--series", "rps", "--origin", "2025-03-01"))
        .isEqualTo("casinoperf: origin 2025-03-01T00:00:00Z is after the data: rps ends at 2025-02-11T23:45:00Z");
  }

  @Test
  void aHorizonPastTheEndOfTheData() {
    assertThat(refused("--series", "rps", "--origin", "2025-02-10"))
        .isEqualTo("casinoperf: origin 2025-02-10T00:00:00Z forecasts 7d ahead, up to 2025-02-16T23:45:00Z,"
            + " past the end of the data (2025-02-11T23:45:00Z)");
  }

  @Test
  void anOriginOffTheSeriesGrid() {
    assertThat(refused("--series", "rps", "--origin", "2025-02-01T10:07:00Z"))
        .contains("is not on the grid of rps (a step of 15m): 2025-02-01T10:00:00Z or 2025-02-01T10:15:00Z is");
  }

  @Test
  void anUnknownSeries() {
    assertThat(refused("--series", "spins"))
        .isEqualTo("casinoperf: " + data.resolve("metrics.csv") + ": no series 'spins' in this file; there are"
            + " [rps, cpu_percent, db_connections, redis_used_bytes]");
  }

  @Test
  void anUnknownSeriesInSeveralFiles() throws Exception {
    Path other = Files.writeString(dir.resolve("other.csv"), "timestamp,spins_per_s\n1735689600,1\n1735690500,2\n");

    assertThat(refused("--series", "spins", other.toString()))
        .isEqualTo("casinoperf: no series 'spins' in any of [" + data.resolve("metrics.csv") + ", " + other
            + "]; there are [rps, cpu_percent, db_connections, redis_used_bytes, spins_per_s]");
  }

  @Test
  void noSeriesAndNoPlan() {
    assertThat(refused()).isEqualTo("casinoperf: give --series NAME, or --plan FILE to backtest its traffic series");
  }

  @Test
  void originsGivenAndCountedAtOnce() {
    assertThat(refused("--series", "rps", "--origin", "2025-02-01", "--origins", "2"))
        .isEqualTo("casinoperf: --origin and --origins exclude each other: give the origins, or how many"
            + " to roll back from the end of the data");
    assertThat(refused("--series", "rps", "--origin", "2025-02-01", "--every", "1d"))
        .contains("--every spaces the --origins");
  }

  @Test
  void zeroOrNegativeDurationsAndCounts() {
    assertThat(refused("--series", "rps", "--horizon", "0d"))
        .isEqualTo("casinoperf: --horizon=0d: expected a positive duration such as 60s, 5m, 1h or 7d");
    assertThat(refused("--series", "rps", "--horizon", "-1d")).contains("--horizon=-1d: expected a positive duration");
    assertThat(refused("--series", "rps", "--train", "0h")).contains("--train=0h: expected a positive duration");
    assertThat(refused("--series", "rps", "--train", "-14d")).contains("--train=-14d: expected a positive duration");
    assertThat(refused("--series", "rps", "--origins", "2", "--every", "0m")).contains("--every=0m: expected");
    assertThat(refused("--series", "rps", "--origins", "0")).contains("--origins=0: expected 1 to 500");
    assertThat(refused("--series", "rps", "--origins", "2", "--every", "10m"))
        .contains("origins 10m apart are not on the grid of rps, whose step is 15m");
  }

  @Test
  void theSameOriginTwice() {
    assertThat(refused("--series", "rps", "--origin", "2025-02-01", "--origin", "2025-02-01T00:00:00Z"))
        .isEqualTo("casinoperf: --origin 2025-02-01T00:00:00Z: the same time as --origin 2025-02-01;"
            + " give each origin once");
  }

  @Test
  void aBadOriginTime() {
    assertThat(refused("--series", "rps", "--origin", "next friday")).startsWith("casinoperf: --origin next friday: ");
  }

  @Test
  void aConstantSeries() throws Exception {
    StringBuilder csv = new StringBuilder("timestamp,rps\n");
    for (int i = 0; i < 40 * 96; i++) {
      csv.append(1_735_689_600L + 900L * i).append(",100\n");
    }
    Path constant = Files.writeString(dir.resolve("constant.csv"), csv.toString());

    ForecastBacktestCommandTest.Result result = ForecastBacktestCommandTest.execute("forecast", "backtest",
        constant.toString(), "--series", "rps", "--out", dir.resolve("bt").toString());

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err().strip()).isEqualTo("casinoperf: " + constant + ": series rps is constant (every value"
        + " is 100): there is no pattern to fit and no relation to traffic to learn");
    assertThat(dir.resolve("bt")).doesNotExist();
  }

  @Test
  void optionsOfTheBacktestGivenBeforeItsName() {
    ForecastBacktestCommandTest.Result result = ForecastBacktestCommandTest.execute("forecast", "--out",
        dir.resolve("bt").toString(), "backtest", data.resolve("metrics.csv").toString(), "--series", "rps");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err().strip()).isEqualTo("casinoperf: forecast backtest: --out came before 'backtest';"
        + " every option of the backtest goes after it");
    assertThat(dir.resolve("bt")).doesNotExist();
  }
}
