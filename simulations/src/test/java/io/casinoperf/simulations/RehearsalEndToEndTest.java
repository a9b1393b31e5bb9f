package io.casinoperf.simulations;

import static org.assertj.core.api.Assertions.assertThat;

import io.casinoperf.capacity.forecast.CapacityForecast;
import io.casinoperf.capacity.forecast.CapacityForecaster;
import io.casinoperf.capacity.forecast.ForecastInputs;
import io.casinoperf.capacity.forecast.ForecastSettings;
import io.casinoperf.capacity.rehearsal.RehearsalFiles;
import io.casinoperf.capacity.rehearsal.RehearsalProfile;
import io.casinoperf.capacity.testing.PlatformMetrics;
import io.casinoperf.gate.log.SimulationLogListener;
import io.casinoperf.gate.log.SimulationLogReader;
import io.casinoperf.run.RunRecord;
import io.casinoperf.run.RunRecords;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * From history to a rehearsal: metrics generated with past free-spins promotions that rise into
 * their effect over an hour and fall out of it over another, a Black Friday planned at 3×; the
 * forecast's rehearsal profile; a real Gatling run of the flash-peak simulation replaying it on
 * the embedded platform. The players who arrive each few seconds are those the profile asks for.
 */
class RehearsalEndToEndTest {
  /** The profile's seven hours (an hour either side of the five-hour window) in 28 s: 1 s a quarter hour. */
  private static final String LENGTH = "28s";
  /** Seconds of the run compared at a time. */
  private static final int WINDOW = 4;

  @TempDir Path dir;

  @Test
  void theRunsArrivalsFollowTheForecastsRehearsalProfile() throws Exception {
    Path history = dir.resolve("history");
    PlatformMetrics.write(history, 56, 900, 3.0, 5, 3_600);
    ForecastSettings d = ForecastSettings.defaults();
    CapacityForecast forecast = CapacityForecaster.forecast(ForecastInputs.load(
            List.of(history.resolve("metrics.csv")), history.resolve("calendar.yaml"),
            history.resolve("plan.yaml"), history.resolve("load-steps.csv"), 0, 3),
        new ForecastSettings(d.fit(), 0, d.decisionQuantile(), d.throughputTarget(), d.runwayDays(), d.draws(),
            d.seed(), d.latency()));
    // About 6,600 requests/s at the P90 peak: a staging share that brings some 10 players a second.
    RehearsalProfile profile = RehearsalProfile.of(forecast, 1, 0.0105, RehearsalProfile.FLASH_PEAK_MIX);
    Path file = Files.writeString(dir.resolve("rehearsal.json"), RehearsalFiles.json(profile));
    assertThat(profile.ramp().promotionsLearned()).isEqualTo(3);

    Path results = dir.resolve("results");
    var run = GatlingProcess.run(FlashSpinPeakSimulation.class, Map.of("rehearsal", file.toString(),
        "rehearsal.duration", LENGTH, "circuitBreaker", "off"), results, Duration.ofMinutes(3));

    assertThat(run.exitCode()).as(run.stdout() + run.stderr()).isIn(0, 1);
    Path folder = run.runFolder().orElseThrow();
    List<Integer> starts = new ArrayList<>();
    SimulationLogReader.read(folder.resolve("simulation.log"), new SimulationLogListener() {
      @Override
      public void onUser(String scenario, boolean start, int timestampMillis) {
        if (start) {
          starts.add(timestampMillis);
        }
      }
    });
    double[] expected = expectedPerWindow(profile);
    int[] achieved = new int[expected.length];
    for (int millis : starts) {
      int window = millis / 1000 / WINDOW;
      if (window < achieved.length) {
        achieved[window]++;
      }
    }
    double total = java.util.Arrays.stream(expected).sum();
    assertThat(starts.size()).as("players in all").isCloseTo((int) Math.round(total), org.assertj.core.data.Percentage.withPercentage(5));
    for (int w = 0; w < expected.length; w++) {
      // Tolerance: 15 % of the expected count and three players, for Gatling's rounding of a
      // rate to whole players a second and the injection starting a moment after the log's start.
      assertThat((double) achieved[w]).as("players in seconds %d–%d: %s", w * WINDOW, (w + 1) * WINDOW,
              java.util.Arrays.toString(achieved))
          .isCloseTo(expected[w], org.assertj.core.data.Offset.offset(0.15 * expected[w] + 3));
    }
    // The peak's windows hold about three times the base's, as the planned 3× says.
    assertThat(achieved[expected.length / 2]).isGreaterThan(2 * achieved[0]);

    RunRecord record = RunRecords.read(folder.resolve("run.json"));
    RunRecord.Rehearsal rehearsal = record.parameters().rehearsal().orElseThrow();
    assertThat(rehearsal.forecastId()).isEqualTo(profile.forecast().id());
    assertThat(rehearsal.promotion()).isEqualTo("Black Friday");
    assertThat(rehearsal.quantile()).isEqualTo("p90");
    assertThat(record.workloadParameters()).containsEntry("rehearsal", profile.forecast().id() + "@p90/28s");
    assertThat(record.phases()).extracting(RunRecord.Phase::name).contains("peak");
  }

  /**
   * Players due in each window of the run, from the profile alone: its P90 requests per second ÷
   * the 7 requests of a session, linear between points, its 7 hours played in 28 s.
   */
  private static double[] expectedPerWindow(RehearsalProfile profile) {
    List<RehearsalProfile.Point> points = profile.points();
    double span = points.get(points.size() - 1).offsetSeconds();
    double compression = 28.0 / span;
    int seconds = 28;
    double[] perWindow = new double[seconds / WINDOW];
    int steps = 100;
    for (int s = 0; s < seconds; s++) {
      for (int k = 0; k < steps; k++) {
        double runSecond = s + (k + 0.5) / steps;
        double real = runSecond / compression;
        int i = 0;
        while (i < points.size() - 2 && points.get(i + 1).offsetSeconds() <= real) {
          i++;
        }
        double a = points.get(i).p90();
        double b = points.get(i + 1).p90();
        double fraction = (real - points.get(i).offsetSeconds())
            / (points.get(i + 1).offsetSeconds() - points.get(i).offsetSeconds());
        perWindow[s / WINDOW] += (a + fraction * (b - a)) / 7 / steps;
      }
    }
    return perWindow;
  }
}
