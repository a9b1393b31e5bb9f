package io.casinoperf.capacity.rehearsal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.casinoperf.capacity.forecast.CapacityForecast;
import io.casinoperf.capacity.forecast.CapacityForecaster;
import io.casinoperf.capacity.forecast.ForecastInputs;
import io.casinoperf.capacity.forecast.ForecastSettings;
import io.casinoperf.capacity.testing.PlatformMetrics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rehearsal profile of a forecast on the generated platform ({@link PlatformMetrics}). */
class RehearsalProfileTest {
  @TempDir static Path dir;
  private static CapacityForecast forecast;

  @BeforeAll
  static void generate() throws Exception {
    forecast = forecast(dir.resolve("a"), 3.0, dir.resolve("a/load-steps.csv"));
  }

  private static CapacityForecast forecast(Path folder, double multiplier, Path steps) throws Exception {
    PlatformMetrics.write(folder, 56, 900, multiplier, 3, 3_600);
    ForecastInputs in = ForecastInputs.load(List.of(folder.resolve("metrics.csv")),
        folder.resolve("calendar.yaml"), folder.resolve("plan.yaml"),
        steps == null ? null : folder.resolve("load-steps.csv"), 0, 3);
    ForecastSettings d = ForecastSettings.defaults();
    return CapacityForecaster.forecast(in, new ForecastSettings(d.fit(), 0, d.decisionQuantile(),
        d.throughputTarget(), d.runwayDays(), d.draws(), d.seed(), d.latency()));
  }

  @Test
  void stagingGetsItsShareOfTheProductionNodesLoad() {
    RehearsalProfile profile = RehearsalProfile.of(forecast, 2, null, RehearsalProfile.FLASH_PEAK_MIX);

    CapacityForecast.LatencyPlan latency = forecast.traffic().latency();
    assertThat(profile.scaling().productionNodes()).isEqualTo((double) latency.nodes());
    assertThat(profile.scaling().ratio()).isCloseTo(2.0 / latency.nodes(), within(1e-12));
    assertThat(profile.peak().p90()).isCloseTo(forecast.traffic().peak().p90() * 2 / latency.nodes(), within(1e-9));
    // The mix splits each peak: 1 login, 1 lobby, 5 spins in 7 requests.
    assertThat(profile.peakByRequest().get("spin").p90()).isCloseTo(profile.peak().p90() * 5 / 7, within(1e-9));
    assertThat(profile.peakByRequest().get("login").p50()).isCloseTo(profile.peak().p50() / 7, within(1e-9));
    // Each staging node gets what each production node gets, so the p99 predicted for staging at
    // the decision quantile is the forecast's own.
    assertThat(profile.predictedP99Millis().p90()).isCloseTo(latency.predicted().percentileMillis(), within(1e-6));
    assertThat(profile.node().workers()).isEqualTo(latency.workersPerNode());
  }

  @Test
  void thePointsAreTheForecastsShapeScaledAndOffsetFromTheFirst() {
    RehearsalProfile profile = RehearsalProfile.of(forecast, 1, 0.01, RehearsalProfile.FLASH_PEAK_MIX);
    List<CapacityForecast.ShapePoint> shape = forecast.traffic().shape().points();

    assertThat(profile.scaling().source()).isEqualTo("given");
    assertThat(profile.points()).hasSameSizeAs(shape);
    assertThat(profile.points().get(0).offsetSeconds()).isZero();
    for (int i = 0; i < shape.size(); i += 5) {
      assertThat(profile.points().get(i).p99()).isCloseTo(shape.get(i).p99() * 0.01, within(1e-9));
      assertThat(profile.points().get(i).offsetSeconds())
          .isEqualTo(shape.get(i).at().getEpochSecond() - shape.get(0).at().getEpochSecond());
    }
    assertThat(profile.ramp().promotionsLearned()).isEqualTo(3);
    assertThat(profile.forecast().promotion()).isEqualTo("Black Friday");
  }

  @Test
  void aTrafficCountedPerFiveMinutesIsPutPerSecond() throws Exception {
    Path folder = dir.resolve("per-5-min");
    PlatformMetrics.write(folder, 56, 900, 3.0, 3, 3_600);
    Files.writeString(folder.resolve("plan.yaml"), Files.readString(folder.resolve("plan.yaml"))
        .replace("unit: requests/s", "unit: requests per 5 min"));
    ForecastInputs in = ForecastInputs.load(List.of(folder.resolve("metrics.csv")),
        folder.resolve("calendar.yaml"), folder.resolve("plan.yaml"), null, 0, 3);
    ForecastSettings d = ForecastSettings.defaults();
    CapacityForecast perFive = CapacityForecaster.forecast(in, new ForecastSettings(d.fit(), 0,
        d.decisionQuantile(), d.throughputTarget(), d.runwayDays(), d.draws(), d.seed(), null));

    RehearsalProfile profile = RehearsalProfile.of(perFive, 1, 0.01, RehearsalProfile.FLASH_PEAK_MIX);

    assertThat(profile.scaling().basisSeconds()).isEqualTo(300);
    assertThat(profile.peak().p90()).isCloseTo(perFive.traffic().peak().p90() * 0.01 / 300, within(1e-12));
  }

  @Test
  void aProfileSurvivesItsFileAndBadFilesAreNamed() throws Exception {
    RehearsalProfile profile = RehearsalProfile.of(forecast, 1, null, RehearsalProfile.FLASH_PEAK_MIX);
    Path file = Files.writeString(dir.resolve("rehearsal.json"), RehearsalFiles.json(profile));

    RehearsalProfile read = RehearsalFiles.read(file);
    assertThat(read.forecast()).isEqualTo(profile.forecast());
    assertThat(read.points()).isEqualTo(profile.points());
    assertThat(read.mix()).containsExactlyEntriesOf(profile.mix());
    assertThat(read.predictedP99Millis()).isEqualTo(profile.predictedP99Millis());

    Path other = Files.writeString(dir.resolve("other.json"), "{\"schema\": \"casinoperf-forecast/1\"}");
    assertThatThrownBy(() -> RehearsalFiles.read(other)).hasMessage(other
        + ": schema 'casinoperf-forecast/1', expected 'casinoperf-rehearsal/1' (the rehearsal.json forecast writes)");
    Path cut = Files.writeString(dir.resolve("cut.json"), RehearsalFiles.json(profile).substring(0, 300));
    assertThatThrownBy(() -> RehearsalFiles.read(cut)).hasMessageStartingWith(cut + ": not JSON");
    assertThatThrownBy(() -> RehearsalFiles.read(dir.resolve("none.json"))).hasMessageEndingWith("no such file");
  }

  @Test
  void theSameForecastHasTheSameIdAndAnotherDoesNot() throws Exception {
    CapacityForecast again = forecast(dir.resolve("b"), 3.0, dir.resolve("b/load-steps.csv"));
    CapacityForecast more = forecast(dir.resolve("c"), 3.5, dir.resolve("c/load-steps.csv"));

    assertThat(RehearsalProfile.id(again)).isEqualTo(RehearsalProfile.id(forecast)).hasSize(16);
    assertThat(RehearsalProfile.id(more)).isNotEqualTo(RehearsalProfile.id(forecast));
  }

  @Test
  void withoutANodePlanTheRatioMustBeGiven() throws Exception {
    CapacityForecast noSteps = forecast(dir.resolve("d"), 3.0, null);

    assertThatThrownBy(() -> RehearsalProfile.of(noSteps, 1, null, RehearsalProfile.FLASH_PEAK_MIX))
        .hasMessageContaining("no production node count");
    RehearsalProfile given = RehearsalProfile.of(noSteps, 1, 0.1, RehearsalProfile.FLASH_PEAK_MIX);
    assertThat(given.node()).isNull();
    assertThat(given.predictedP99Millis().p90()).isNull();
  }

  @Test
  void aMixIsReadFromItsCommandLineFormAndBadOnesAreRefused() {
    assertThat(RehearsalProfile.parseMix("login=1, lobby=1,spin=5")).containsExactly(
        Map.entry("login", 1), Map.entry("lobby", 1), Map.entry("spin", 5));
    assertThatThrownBy(() -> RehearsalProfile.parseMix("spin")).hasMessageContaining("name=count");
    assertThatThrownBy(() -> RehearsalProfile.parseMix("spin=many")).hasMessageContaining("not a whole number");
    assertThatThrownBy(() -> RehearsalProfile.parseMix("spin=1,spin=2")).hasMessageContaining("twice");
    assertThatThrownBy(() -> RehearsalProfile.parseMix("spin=0")).hasMessageContaining("at least one");
    assertThatThrownBy(() -> RehearsalProfile.parseMix("spin=-1")).hasMessageContaining("0 to 1000");
  }
}
