package io.casinoperf.capacity.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.casinoperf.capacity.resource.ResourceFit;
import io.casinoperf.capacity.resource.ResourceModel;
import io.casinoperf.capacity.testing.PlatformMetrics;
import io.casinoperf.capacity.usl.LoadStep;
import io.casinoperf.capacity.usl.LoadSteps;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A resource related to traffic by the capacity probe's levels (their resource columns) where
 * history did not see the traffic the decision needs; by history where it did. The generated
 * platform's database connections are 40 + 0.12 × requests/s ({@link PlatformMetrics}).
 */
class RelationFromProbeTest {
  @TempDir static Path dir;

  @BeforeAll
  static void generate() throws Exception {
    PlatformMetrics.write(dir, 42, 900, 3.0, 7);
    // A probe of one node up to 9,000 requests/s, measuring the database's connections at each
    // level as the platform's own function of its throughput.
    StringBuilder csv = new StringBuilder("concurrency,throughput_per_s,p99_ms,error_rate,db_connections,started\n");
    int[] users = {10, 40, 80, 160, 240};
    double[] throughput = {600, 2_400, 4_800, 7_200, 9_000};
    for (int i = 0; i < users.length; i++) {
      csv.append(String.format(Locale.ROOT, "%d,%.1f,25,0,%.4f,2025-03-0%dT10:00:00Z%n", users[i], throughput[i],
          PlatformMetrics.dbConnections(throughput[i]), i + 1));
    }
    Files.writeString(dir.resolve("probe-steps.csv"), csv.toString());
  }

  private static CapacityForecast forecast(String calendar) {
    ForecastInputs inputs = ForecastInputs.load(List.of(dir.resolve("metrics.csv")), dir.resolve(calendar),
        dir.resolve("plan.yaml"), dir.resolve("probe-steps.csv"), 0, 3);
    ForecastSettings d = ForecastSettings.defaults();
    return CapacityForecaster.forecast(inputs, new ForecastSettings(d.fit(), 0, d.decisionQuantile(),
        d.throughputTarget(), d.runwayDays(), d.draws(), d.seed(), null));
  }

  private static CapacityForecast.ResourceForecast resource(CapacityForecast f, String name) {
    return f.resources().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void theLoadStepsResourceColumnsAreReadAndOtherColumnsIgnored() {
    List<LoadStep> steps = LoadSteps.read(dir.resolve("probe-steps.csv"));

    assertThat(steps).hasSize(5).allSatisfy(step -> assertThat(step.resources()).containsOnlyKeys("db_connections"));
    assertThat(steps.get(4).resources().get("db_connections")).isEqualTo(40 + 0.12 * 9_000, within(1e-9));
  }

  @Test
  void aPeakBeyondHistoryButWithinTheProbeIsRelatedByTheProbe() {
    // The planned ×3 peak (about 6,500 requests/s at P90) is beyond the 3,900 history saw.
    CapacityForecast f = forecast("calendar.yaml");
    CapacityForecast.ResourceForecast db = resource(f, "database-connections");
    CapacityForecast.ResourceForecast cpu = resource(f, "app-cpu");

    assertThat(f.traffic().peak().p90()).isGreaterThan(f.traffic().maxObserved());
    assertThat(db.relationFrom()).isEqualTo(CapacityForecast.RelationSource.PROBE);
    assertThat(db.relation()).endsWith(", from the capacity probe's levels").contains("5 points");
    // The probe's line is the platform's own: each quantile is the function at the traffic's.
    assertThat(db.value().p50()).isCloseTo(PlatformMetrics.dbConnections(f.traffic().peak().p50()),
        within(0.02 * db.value().p50()));
    assertThat(db.value().p90()).isCloseTo(PlatformMetrics.dbConnections(f.traffic().peak().p90()),
        within(0.02 * db.value().p90()));
    assertThat(f.findings()).anySatisfy(finding -> assertThat(finding).isInstanceOfSatisfying(
        Finding.RelationFromProbe.class, p -> {
          assertThat(p.resource()).isEqualTo("database-connections");
          assertThat(p.levels()).isEqualTo(5);
          assertThat(p.probeHighest()).isEqualTo(9_000);
          assertThat(p.historyHighest()).isEqualTo(f.traffic().maxObserved(), within(1e-9));
        }));
    // The probe has no CPU column: CPU stays with history.
    assertThat(cpu.relationFrom()).isEqualTo(CapacityForecast.RelationSource.HISTORY);
  }

  @Test
  void aPeakWithinHistoryIsRelatedByHistoryEvenWithAProbe() throws Exception {
    // No planned promotion: the organic peak of the next week, within what history saw.
    Files.writeString(dir.resolve("organic.yaml"), "past: []\n");
    CapacityForecast f = forecast("organic.yaml");

    assertThat(f.traffic().peak().p90()).isLessThan(f.traffic().maxObserved());
    assertThat(resource(f, "database-connections").relationFrom()).isEqualTo(CapacityForecast.RelationSource.HISTORY);
    assertThat(f.findings()).noneMatch(Finding.RelationFromProbe.class::isInstance);
  }

  @Test
  void theProbesLineAndItsLeaveOneOutResidualsHaveKnownAnswers() {
    Random random = new Random(3);
    List<LoadStep> steps = new ArrayList<>();
    double[] x = {100, 250, 400, 700, 1_000, 1_300};
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      y[i] = 12 + 0.03 * (x[i] * 6) + random.nextGaussian();
      steps.add(new LoadStep(i + 1, x[i], 20, 0, Double.NaN, Double.NaN, Map.of("cpu", y[i])));
    }

    // A per-node resource on 6 nodes, traffic per second: a level's platform traffic is 6 × its throughput.
    ResourceModel model = ResourceFit.fitProbe("cpu", steps, "cpu", 6).orElseThrow();

    assertThat(model.points()).isEqualTo(6);
    assertThat(model.maxTraffic()).isEqualTo(7_800);
    assertThat(model.coefficients()[1]).isCloseTo(0.03, within(0.003));
    // Each leave-one-out residual is the level's error from the line through the other five,
    // refitted here by hand.
    List<Double> expected = new ArrayList<>();
    for (int out = 0; out < x.length; out++) {
      double sx = 0, sy = 0, sxx = 0, sxy = 0;
      int n = 0;
      for (int i = 0; i < x.length; i++) {
        if (i != out) {
          double xi = 6 * x[i];
          sx += xi;
          sy += y[i];
          sxx += xi * xi;
          sxy += xi * y[i];
          n++;
        }
      }
      double slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
      double intercept = (sy - slope * sx) / n;
      expected.add(y[out] - (intercept + slope * 6 * x[out]));
    }
    expected.sort(Double::compare);
    for (int k = 0; k < expected.size(); k++) {
      double probability = (k + 0.5) / expected.size();
      assertThat(model.draw(0, probability, 0) - model.mean(0)).as("residual %d", k)
          .isCloseTo(quantileOf(expected, probability), within(1e-6));
    }
    assertThat(ResourceFit.fitProbe("cpu", steps.subList(0, 2), "cpu", 6)).isEmpty();
    assertThat(ResourceFit.fitProbe("cpu", steps, "db", 6)).isEmpty();
  }

  /** The same sample quantile the model uses, of a sorted list. */
  private static double quantileOf(List<Double> sorted, double probability) {
    double[] values = sorted.stream().mapToDouble(Double::doubleValue).toArray();
    return io.casinoperf.capacity.algebra.SortedSample.quantile(values, probability);
  }
}
