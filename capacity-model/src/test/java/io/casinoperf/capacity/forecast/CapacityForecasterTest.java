package io.casinoperf.capacity.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.casinoperf.capacity.forecast.CapacityForecast.ResourceForecast;
import io.casinoperf.capacity.plan.PlannedPromotion;
import io.casinoperf.capacity.plan.PromotionCalendar;
import io.casinoperf.capacity.series.MetricsFormatException;
import io.casinoperf.capacity.series.UnsuitableDataException;
import io.casinoperf.capacity.testing.PlatformMetrics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The forecast on a platform generated from known parameters ({@link PlatformMetrics}): eight
 * weeks at 15-minute steps, a Black Friday planned three days after the data.
 */
class CapacityForecasterTest {
  private static final int DAYS = 56;
  private static final long STEP = 900;

  @TempDir static Path dir;
  private static Path planned;
  private static Path learned;
  private static CapacityForecast forecast;

  @BeforeAll
  static void generate() throws Exception {
    planned = dir.resolve("planned");
    learned = dir.resolve("learned");
    PlatformMetrics.write(planned, DAYS, STEP, 3.0, 2025);
    PlatformMetrics.write(learned, DAYS, STEP, Double.NaN, 2025);
    forecast = CapacityForecaster.forecast(inputs(planned, true), ForecastSettings.defaults());
  }

  private static ForecastInputs inputs(Path folder, boolean steps) {
    return ForecastInputs.load(java.util.List.of(folder.resolve("metrics.csv")),
        folder.resolve("calendar.yaml"), folder.resolve("plan.yaml"),
        steps ? folder.resolve("load-steps.csv") : null, 0, 3);
  }

  private static long peakAt() {
    return forecast.traffic().peakAt().getEpochSecond();
  }

  private static ResourceForecast resource(String name) {
    return forecast.resources().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void peakTrafficIsThePlannersMultipleOfTheTrueOrganicPeak() {
    double truth = 3 * Math.exp(PlatformMetrics.logTraffic(peakAt(), false));

    assertThat(forecast.planned().multiplierSource()).isEqualTo(CapacityForecast.MultiplierSource.PLANNER);
    assertThat(forecast.traffic().peakAt().toString()).endsWith("T20:00:00Z"); // the evening peak
    assertThat(forecast.traffic().peak().p50()).isCloseTo(truth, within(0.05 * truth));
    assertThat(forecast.traffic().peak().p90()).isGreaterThan(forecast.traffic().peak().p50());
    assertThat(forecast.traffic().peak().p99()).isGreaterThan(forecast.traffic().peak().p90());
    // 6 % log-normal noise: the true P90 is exp(1.2816 × 0.06) ≈ 1.08 × the median.
    assertThat(forecast.traffic().peak().p90() / forecast.traffic().peak().p50()).isBetween(1.04, 1.16);
  }

  @Test
  void resourcesFollowTheirTrueRelationAtThePeak() {
    double rps = forecast.traffic().peak().p50();

    assertThat(resource("app-cpu").value().p50())
        .isCloseTo(PlatformMetrics.cpuPercent(rps), within(0.05 * PlatformMetrics.cpuPercent(rps)));
    assertThat(resource("database-connections").value().p50())
        .isCloseTo(PlatformMetrics.dbConnections(rps), within(0.05 * PlatformMetrics.dbConnections(rps)));
    assertThat(resource("redis-memory").value().p50())
        .isCloseTo(PlatformMetrics.redisBytes(rps), within(0.05 * PlatformMetrics.redisBytes(rps)));
    assertThat(resource("app-cpu").relation()).contains("rps²"); // the CPU curve bends
    assertThat(resource("app-cpu").extrapolated()).isTrue();
  }

  @Test
  void nodeCountsAndDecisionsFollowFromTheTruth() {
    double rps = 3 * Math.exp(PlatformMetrics.logTraffic(peakAt(), false));
    // CPU per node on 6 nodes, in node-% units, against 70 % per node, N+1.
    int cpuNodes = (int) Math.ceil(PlatformMetrics.cpuPercent(rps) * 6 / 70) + 1;
    ResourceForecast cpu = resource("app-cpu");

    assertThat(cpu.nodes().nodesNeeded().p50()).isBetween(cpuNodes - 1, cpuNodes + 1);
    assertThat(cpu.nodes().decision()).isEqualTo("needs " + (cpu.nodes().nodesNeeded().p90() - 6) + " more nodes");
    assertThat(cpu.nodes().headroom()).isNegative();
    assertThat(resource("redis-memory").nodes().decision()).isEqualTo("fits");
    assertThat(resource("redis-memory").nodes().headroom()).isBetween(0.0, 1.0);
    // 40 + 0.12 × ~6,000 ≈ 760 connections at P50 against 800: close; P90 decides.
    ResourceForecast db = resource("database-connections");
    assertThat(db.nodes().decision()).isEqualTo(db.value().p90() > 800 ? "does not fit" : "fits");
  }

  @Test
  void theUslLinePlansNodesFromTheLoadTestsMaximumThroughput() {
    // σ = 0.03, κ = 0.0004, λ = 40: peak at √(0.97/0.0004) = 49.2 users, 579.8 requests/s.
    double peakUsers = Math.sqrt(0.97 / 0.0004);
    double maxThroughput = 40 * peakUsers / (1 + 0.03 * (peakUsers - 1) + 0.0004 * peakUsers * (peakUsers - 1));

    assertThat(forecast.usl().maxThroughput()).isCloseTo(maxThroughput, within(0.04 * maxThroughput));
    assertThat(forecast.traffic().nodes().limit()).isCloseTo(0.8 * forecast.usl().maxThroughput(), within(1e-9));
    int expected = (int) Math.ceil(forecast.traffic().peak().p90() / forecast.traffic().nodes().limit()) + 1;
    assertThat(forecast.traffic().nodes().nodesNeeded().p90()).isEqualTo(expected);
  }

  @Test
  void withoutAMultiplierThePastPromotionsEffectIsUsed() {
    CapacityForecast f = CapacityForecaster.forecast(inputs(learned, false), ForecastSettings.defaults());
    long t = f.traffic().peakAt().getEpochSecond();
    double truth = PlatformMetrics.FREE_SPINS * Math.exp(PlatformMetrics.logTraffic(t, false));

    assertThat(f.planned().multiplierSource()).isEqualTo(CapacityForecast.MultiplierSource.LEARNED);
    assertThat(f.planned().multiplier()).isCloseTo(PlatformMetrics.FREE_SPINS, within(0.15));
    assertThat(f.planned().learnedEffect().low90()).isLessThan(PlatformMetrics.FREE_SPINS);
    assertThat(f.planned().learnedEffect().high90()).isGreaterThan(PlatformMetrics.FREE_SPINS);
    assertThat(f.traffic().peak().p50()).isCloseTo(truth, within(0.07 * truth));
    assertThat(f.usl()).isNull();
    assertThat(f.traffic().nodes()).isNull();
  }

  @Test
  void runwayIsWhenTheTrueOrganicPeakCrossesTheCapacity() {
    // Slow growth (35 % a year) turns a few per cent of level error into weeks, so the check is
    // on demand: on the runway day the true organic evening peak needs about 5 nodes × 70 % of
    // CPU, and a month earlier clearly less.
    LocalDate day = resource("app-cpu").nodes().runway().p50();
    assertThat(day).isNotNull();

    assertThat(trueCpuDemandAtEveningPeak(day) / 350).isBetween(0.95, 1.08);
    assertThat(trueCpuDemandAtEveningPeak(day.minusDays(28)) / 350).isLessThan(trueCpuDemandAtEveningPeak(day) / 350);
    assertThat(resource("app-cpu").nodes().runway().p90()).isBefore(day);
    // Database connections: 40 + 0.12 × ~2,000 organic is far below 800 for a year.
    assertThat(resource("database-connections").nodes().runway().p50()).isNull();
  }

  private static double trueCpuDemandAtEveningPeak(LocalDate day) {
    long peak = day.atStartOfDay(ZoneOffset.UTC).toEpochSecond() + 20 * 3600;
    return PlatformMetrics.cpuPercent(Math.exp(PlatformMetrics.logTraffic(peak, false))) * 6;
  }

  @Test
  void theSameInputsAndSeedGiveTheSameForecast() {
    CapacityForecast again = CapacityForecaster.forecast(inputs(planned, true), ForecastSettings.defaults());

    assertThat(again).usingRecursiveComparison().isEqualTo(forecast);
  }

  /** Generated metrics of so many days in a folder of this name, with no planned promotion. */
  private Path withoutAPlannedPromotion(String name, int days) throws Exception {
    Path folder = dir.resolve(name);
    PlatformMetrics.write(folder, days, STEP, Double.NaN, 7);
    String calendar = Files.readString(folder.resolve("calendar.yaml"));
    Files.writeString(folder.resolve("calendar.yaml"), calendar.substring(0, calendar.indexOf("planned:")));
    return folder;
  }

  /**
   * Ten days of history hold a week-ahead forecast but no backtest origin (each needs two weeks
   * before it): the backtest, which runs beside the fit, is skipped with its reason.
   */
  @Test
  void aHistoryTooShortToBacktestIsForecastWithTheReasonTheBacktestWasSkipped() throws Exception {
    Path folder = withoutAPlannedPromotion("ten-days", 10);

    CapacityForecast f = CapacityForecaster.forecast(inputs(folder, false), ForecastSettings.defaults());

    assertThat(f.traffic().backtest()).isNull();
    assertThat(f.warnings()).filteredOn(Finding.BacktestSkipped.class::isInstance)
        .singleElement().extracting(w -> ((Finding.BacktestSkipped) w).reason()).asString()
        .contains("too short to backtest");
    assertThat(f.traffic().peak().p50()).isPositive();
  }

  @Test
  void withoutAPlannedPromotionTheNextOrganicPeakIsForecast() throws Exception {
    Path folder = withoutAPlannedPromotion("organic", DAYS);

    CapacityForecast f = CapacityForecaster.forecast(inputs(folder, false), ForecastSettings.defaults());

    assertThat(f.planned().multiplierSource()).isEqualTo(CapacityForecast.MultiplierSource.NONE);
    assertThat(f.planned().name()).isEqualTo("organic peak, next 7 days");
    assertThat(f.traffic().peak().p50()).isLessThan(forecast.traffic().peak().p50() / 2);
  }

  @Test
  void aHorizonInHoursIsForecastAndNamedInHours() throws Exception {
    Path folder = withoutAPlannedPromotion("organic-hours", DAYS);
    ForecastSettings defaults = ForecastSettings.defaults();
    ForecastSettings twelveHours = new ForecastSettings(
        io.casinoperf.capacity.demand.DemandFitter.Settings.defaults(12 * 3_600L),
        defaults.backtestOrigins(), defaults.decisionQuantile(), defaults.throughputTarget(),
        defaults.runwayDays(), defaults.draws(), defaults.seed());

    CapacityForecast f = CapacityForecaster.forecast(inputs(folder, false), twelveHours);

    assertThat(f.planned().name()).isEqualTo("organic peak, next 12 h");
    assertThat(java.time.Duration.between(f.planned().start(), f.planned().end()).toHours())
        .isBetween(11L, 12L);
  }

  @Test
  void aPlannedTypeWithNoHistoryNeedsAMultiplier() throws Exception {
    Path folder = dir.resolve("tournament");
    PlatformMetrics.write(folder, DAYS, STEP, Double.NaN, 7);
    Path calendar = folder.resolve("calendar.yaml");
    Files.writeString(calendar, Files.readString(calendar).replace("type: free-spins, start: 2025-03-01",
        "type: tournament, start: 2025-03-01"));

    assertThatThrownBy(() -> CapacityForecaster.forecast(inputs(folder, false), ForecastSettings.defaults()))
        .isInstanceOf(UnsuitableDataException.class)
        .hasMessage("the planned promotion's type 'tournament' has no past promotion in the fitted"
            + " history: give planned.multiplier in the calendar");
  }

  @Test
  void thePlannedTypesEffectIsLearnedEvenWhenItsPromotionsAreOnlyEarlyInTheHistory() throws Exception {
    // Only the first free-spins promotion (day 9) keeps its type; the later ones become another
    // type. A window of the last weeks would hold no free spins: the model must keep one that does.
    Path folder = dir.resolve("early");
    PlatformMetrics.write(folder, DAYS, STEP, Double.NaN, 7);
    Path calendar = folder.resolve("calendar.yaml");
    Files.writeString(calendar, Files.readString(calendar)
        .replace("name: \"Free spins 2\", type: free-spins", "name: \"Free spins 2\", type: tournament")
        .replace("name: \"Free spins 3\", type: free-spins", "name: \"Free spins 3\", type: tournament"));

    CapacityForecast f = CapacityForecaster.forecast(inputs(folder, false), ForecastSettings.defaults());

    assertThat(f.planned().multiplierSource()).isEqualTo(CapacityForecast.MultiplierSource.LEARNED);
    assertThat(f.planned().multiplier()).isCloseTo(PlatformMetrics.FREE_SPINS, within(0.3));
  }

  @Test
  void anIncidentCoveringTheEndOfTheHistoryLeavesAForecast() throws Exception {
    Path folder = dir.resolve("incident");
    PlatformMetrics.write(folder, DAYS, STEP, 3.0, 7);
    Path calendar = folder.resolve("calendar.yaml");
    Files.writeString(calendar, Files.readString(calendar)
        + "incidents:\n  - {name: outage, start: 2025-02-05T12:00:00Z, end: 2025-02-27T00:00:00Z}\n");

    CapacityForecast f = CapacityForecaster.forecast(inputs(folder, false), ForecastSettings.defaults());

    assertThat(f.data().get(0).excludedPoints()).isGreaterThan(20 * 96);
    assertThat(f.traffic().peak().p50()).isPositive();
  }

  @Test
  void absurdOrFarAwayForecastsAreRefused() throws Exception {
    Path folder = dir.resolve("far");
    PlatformMetrics.write(folder, DAYS, STEP, 1e9, 7);
    assertThatThrownBy(() -> CapacityForecaster.forecast(inputs(folder, false), ForecastSettings.defaults()))
        .isInstanceOf(UnsuitableDataException.class).hasMessageContaining("more than 1000× the highest ever seen");

    Path calendar = folder.resolve("calendar.yaml");
    Files.writeString(calendar, Files.readString(calendar).replace("multiplier: 1.0E9", "multiplier: 2")
        .replace("start: 2025-03-01", "start: 2026-03-01").replace("end: 2025-03-01", "end: 2026-03-01"));
    assertThatThrownBy(() -> inputs(folder, false))
        .isInstanceOf(MetricsFormatException.class)
        .hasMessageContaining("calendar.yaml:5: planned.start: 2026-03-01T18:00:00Z is 369 days after the last metric");
  }

  @Test
  void aPlannedWindowBuiltInCodeIsHeldToTheCalendarsRule() {
    ForecastInputs in = inputs(planned, false);
    PlannedPromotion far = new PlannedPromotion("Far", "free-spins", epoch("2026-03-01T18:00:00Z"),
        epoch("2026-03-01T23:00:00Z"), OptionalDouble.of(2));
    ForecastInputs farAway = new ForecastInputs(in.traffic(), in.resources(), in.plan(),
        new PromotionCalendar(in.calendar().past(), in.calendar().incidents(), Optional.of(far)),
        in.loadSteps(), in.data(), in.warnings());

    assertThatThrownBy(() -> CapacityForecaster.forecast(farAway, ForecastSettings.defaults()))
        .isInstanceOf(UnsuitableDataException.class)
        .hasMessageStartingWith("planned.start: 2026-03-01T18:00:00Z is 369 days after the last metric")
        .hasMessageContaining("a planned promotion must start at most 112 days after it");
  }

  private static long epoch(String instant) {
    return Instant.parse(instant).getEpochSecond();
  }

  @Test
  void theBacktestAndTheModelAreReported() {
    assertThat(forecast.traffic().backtest().windows()).hasSize(4);
    assertThat(forecast.traffic().backtest().beatsSeasonalNaive()).isTrue();
    // Every model of the combination is on the log scale.
    assertThat(forecast.traffic().model().description()).contains("log-linear")
        .doesNotContainPattern("(^|\\(|; )linear ");
    assertThat(forecast.data()).extracting(CapacityForecast.SeriesQuality::series)
        .containsExactly("rps", "cpu_percent", "db_connections", "redis_used_bytes");
    assertThat(forecast.assumptions()).contains(new Finding.DecisionQuantile(0.9))
        .anySatisfy(a -> assertThat(a).isInstanceOfSatisfying(Finding.PlannerMultiplier.class,
            p -> assertThat(p.multiplier()).isEqualTo(3.0)));
    // The CPU relation is used at 1.7× the highest traffic it was seen with.
    assertThat(forecast.warnings()).anySatisfy(w -> assertThat(w).isInstanceOfSatisfying(
        Finding.RelationExtrapolated.class, r -> {
          assertThat(r.resource()).isEqualTo("app-cpu");
          assertThat(r.traffic() / r.highestSeen()).isGreaterThan(1.1);
        }));
    assertThat(forecast.findings()).allSatisfy(f -> assertThat(f).isNotInstanceOf(Finding.Text.class));
  }
}
