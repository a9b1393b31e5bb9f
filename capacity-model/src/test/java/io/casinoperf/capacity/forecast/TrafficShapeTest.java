package io.casinoperf.capacity.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.casinoperf.capacity.forecast.CapacityForecast.ShapePoint;
import io.casinoperf.capacity.forecast.CapacityForecast.TrafficShape;
import io.casinoperf.capacity.testing.PlatformMetrics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The planned window's traffic over time, on platforms generated with promotions of known shape
 * ({@link PlatformMetrics}): one whose past promotions ramp in and out linearly over an hour, one
 * whose promotions are steps. Black Friday is planned at 3× from 18:00 to 23:00.
 */
class TrafficShapeTest {
  private static final long HOUR = 3_600;

  @TempDir static Path dir;
  private static CapacityForecast ramped;
  private static CapacityForecast stepped;

  @BeforeAll
  static void forecast() throws Exception {
    ramped = forecast(dir.resolve("ramped"), HOUR);
    stepped = forecast(dir.resolve("stepped"), 0);
  }

  private static CapacityForecast forecast(Path folder, long ramp) throws Exception {
    PlatformMetrics.write(folder, 56, 900, 3.0, 7, ramp);
    ForecastInputs in = ForecastInputs.load(List.of(folder.resolve("metrics.csv")),
        folder.resolve("calendar.yaml"), folder.resolve("plan.yaml"), folder.resolve("load-steps.csv"), 0, 3);
    ForecastSettings d = ForecastSettings.defaults();
    return CapacityForecaster.forecast(in, new ForecastSettings(d.fit(), 0, d.decisionQuantile(),
        d.throughputTarget(), d.runwayDays(), d.draws(), d.seed(), d.latency()));
  }

  private static ShapePoint at(CapacityForecast f, long offsetFromStart) {
    long t = f.planned().start().getEpochSecond() + offsetFromStart;
    return f.traffic().shape().points().stream().filter(p -> p.at().getEpochSecond() == t).findFirst()
        .orElseThrow(() -> new AssertionError("no point at " + t));
  }

  private static double organic(CapacityForecast f, long offsetFromStart) {
    return Math.exp(PlatformMetrics.logTraffic(f.planned().start().getEpochSecond() + offsetFromStart, false));
  }

  @Test
  void theRiseAndFallOfPastPromotionsAreLearned() {
    TrafficShape shape = ramped.traffic().shape();

    assertThat(shape.promotionsLearned()).isEqualTo(3);
    // A linear hour-long ramp goes from 10 % to 90 % of its effect in 48 minutes; the traffic is
    // sampled every 15 minutes with 6 % noise.
    assertThat(shape.riseSeconds()).isBetween(30 * 60L, 66 * 60L);
    assertThat(shape.fallSeconds()).isBetween(30 * 60L, 66 * 60L);
    assertThat(stepped.traffic().shape().riseSeconds()).isLessThanOrEqualTo(15 * 60L);
  }

  @Test
  void theWindowRisesAsPastPromotionsDidToTheForecastsOwnPeak() {
    // An hour before: organic. Half an hour in: half of the 3× effect, 2× organic. Mid-window:
    // the forecast's full 3×. Half an hour after the end: half again.
    assertThat(at(ramped, -HOUR).p50()).isCloseTo(organic(ramped, -HOUR), within(0.1 * organic(ramped, -HOUR)));
    assertThat(at(ramped, HOUR / 2).p50()).isCloseTo(2 * organic(ramped, HOUR / 2),
        within(0.2 * organic(ramped, HOUR / 2)));
    assertThat(at(ramped, 2 * HOUR).p50()).isCloseTo(3 * organic(ramped, 2 * HOUR),
        within(0.1 * 3 * organic(ramped, 2 * HOUR)));
    assertThat(at(ramped, 5 * HOUR + HOUR / 2).p50()).isCloseTo(2 * organic(ramped, 5 * HOUR + HOUR / 2),
        within(0.25 * organic(ramped, 5 * HOUR + HOUR / 2)));
    // Where the whole effect is on, the shape is the forecast's own peak figure.
    long peakOffset = ramped.traffic().peakAt().getEpochSecond() - ramped.planned().start().getEpochSecond();
    assertThat(at(ramped, peakOffset).p90()).isCloseTo(ramped.traffic().peak().p90(),
        within(0.03 * ramped.traffic().peak().p90()));
    // Steps: the whole effect a quarter of an hour in.
    assertThat(at(stepped, HOUR / 4).p50()).isCloseTo(3 * organic(stepped, HOUR / 4),
        within(0.1 * 3 * organic(stepped, HOUR / 4)));
  }

  @Test
  void pastPromotionsOfDifferentLengthsGiveOneRamp() throws Exception {
    // Three past promotions of 3, 5 and 8 hours from 18:00, each ramping in and out over an hour;
    // each is lined up on its own start and end, the short one reaching only to its middle.
    Path folder = dir.resolve("lengths");
    Files.createDirectories(folder);
    long start = PlatformMetrics.START;
    List<long[]> windows = List.of(new long[] {start + 9 * 86_400L + 18 * HOUR, start + 9 * 86_400L + 21 * HOUR - 1},
        new long[] {start + 25 * 86_400L + 18 * HOUR, start + 25 * 86_400L + 23 * HOUR - 1},
        new long[] {start + 41 * 86_400L + 16 * HOUR, start + 42 * 86_400L - 1});
    java.util.Random random = new java.util.Random(11);
    StringBuilder metrics = new StringBuilder("timestamp,rps\n");
    for (long t = start; t < start + 56 * 86_400L; t += 900) {
      double rps = Math.exp(PlatformMetrics.logTraffic(t, PlatformMetrics.promotionShare(t, windows, HOUR))
          + 0.06 * random.nextGaussian());
      metrics.append(t).append(',').append(Math.round(rps * 10) / 10.0).append('\n');
    }
    Files.writeString(folder.resolve("metrics.csv"), metrics);
    StringBuilder calendar = new StringBuilder("past:\n");
    for (long[] w : windows) {
      calendar.append("  - {name: \"Free spins " + w[0] + "\", type: free-spins, start: "
          + java.time.Instant.ofEpochSecond(w[0]) + ", end: " + java.time.Instant.ofEpochSecond(w[1] + 1) + "}\n");
    }
    long planned = start + 59 * 86_400L + 18 * HOUR;
    calendar.append("planned: {name: \"Black Friday\", type: free-spins, start: " + java.time.Instant.ofEpochSecond(planned)
        + ", end: " + java.time.Instant.ofEpochSecond(planned + 5 * HOUR) + ", multiplier: 3}\n");
    Files.writeString(folder.resolve("calendar.yaml"), calendar);
    Files.writeString(folder.resolve("plan.yaml"), "traffic: {series: rps, unit: requests/s}\n");
    ForecastInputs in = ForecastInputs.load(List.of(folder.resolve("metrics.csv")),
        folder.resolve("calendar.yaml"), folder.resolve("plan.yaml"), null, 0, 3);
    ForecastSettings d = ForecastSettings.defaults();
    CapacityForecast f = CapacityForecaster.forecast(in, new ForecastSettings(d.fit(), 0, d.decisionQuantile(),
        d.throughputTarget(), d.runwayDays(), d.draws(), d.seed(), null));

    TrafficShape shape = f.traffic().shape();
    assertThat(shape.promotionsLearned()).isEqualTo(3);
    assertThat(shape.riseSeconds()).isBetween(30 * 60L, 66 * 60L);
    assertThat(shape.fallSeconds()).isBetween(30 * 60L, 66 * 60L);
  }

  @Test
  void theShapeSpansTheWindowAndAnHourEitherSideInOrder() {
    List<ShapePoint> points = ramped.traffic().shape().points();

    assertThat(points.get(0).at()).isEqualTo(ramped.planned().start().minusSeconds(HOUR));
    assertThat(points.get(points.size() - 1).at()).isEqualTo(ramped.planned().end().plusSeconds(HOUR));
    assertThat(points).allSatisfy(p -> assertThat(p.p50()).isPositive().isLessThanOrEqualTo(p.p90()));
    assertThat(points).allSatisfy(p -> assertThat(p.p90()).isLessThanOrEqualTo(p.p99()));
  }

  @Test
  void withoutAPlannedPromotionTheShapeIsOrganic() throws Exception {
    Path folder = dir.resolve("organic");
    PlatformMetrics.write(folder, 56, 900, 3.0, 7, HOUR);
    Files.writeString(folder.resolve("calendar.yaml"), Files.readString(folder.resolve("calendar.yaml"))
        .lines().filter(line -> !line.startsWith("planned")).reduce("", (a, b) -> a + b + "\n"));
    ForecastInputs in = ForecastInputs.load(List.of(folder.resolve("metrics.csv")),
        folder.resolve("calendar.yaml"), folder.resolve("plan.yaml"), null, 0, 3);
    ForecastSettings d = ForecastSettings.defaults();
    CapacityForecast f = CapacityForecaster.forecast(in, new ForecastSettings(d.fit(), 0, d.decisionQuantile(),
        d.throughputTarget(), d.runwayDays(), d.draws(), d.seed(), null));

    assertThat(f.traffic().shape().promotionsLearned()).isZero();
    ShapePoint first = f.traffic().shape().points().get(0);
    double truth = Math.exp(PlatformMetrics.logTraffic(first.at().getEpochSecond(), false));
    assertThat(first.p50()).isCloseTo(truth, within(0.1 * truth));
  }
}
