package io.casinoperf.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.casinoperf.capacity.demand.PromotionEffect;
import io.casinoperf.capacity.forecast.Finding;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class FindingTextTest {
  @Test
  void limitsAndValuesReadAsTheCapacityFileGivesThemAndRatiosAreWorkedOut() {
    assertThat(FindingText.sentence(new Finding.HistoryAboveLimit("app-cpu", 116.61, "%", true,
        Instant.parse("2025-01-30T20:15:00Z"), 70)))
        .isEqualTo("app-cpu: the history already reached 116.61 % per node at 2025-01-30T20:15:00Z,"
            + " above the limit of 70 %: check the limit, or the platform already ran past it.");
    assertThat(FindingText.sentence(new Finding.RelationExtrapolated("redis", 0.9, 6616, 3938)))
        .isEqualTo("redis: P90 traffic 6616 is 1.7× the highest seen with it (3938); the relation is"
            + " extrapolated.");
    assertThat(FindingText.sentence(new Finding.ResourceLimit("db", 800, "connections", false, 1, 0)))
        .isEqualTo("db: limit 800 connections per instance, 1 instance(s) today, N+0.");
  }

  @Test
  void repeatsDroppedSayWhereTheFirstIsByLineOrByTime() {
    assertThat(FindingText.sentence(new Finding.RepeatsDropped("rps", "m.csv", 1, 112, 2,
        Instant.parse("2025-01-01T00:01:00Z"))))
        .isEqualTo("rps: 1 exact repeat of a sample (same time, same value) dropped; the first: m.csv:112"
            + " repeats line 2.");
    assertThat(FindingText.sentence(new Finding.RepeatsDropped("cpu", "cpu.json", 3, 0, 0,
        Instant.parse("2023-11-14T22:14:00Z"))))
        .isEqualTo("cpu: 3 exact repeats of samples (same time, same value) dropped; the first: cpu.json"
            + " at 2023-11-14T22:14:00Z.");
  }

  @Test
  void spansReadInHoursAndDaysAndTheOptionThatHelpsIsNamed() {
    assertThat(FindingText.sentence(new Finding.WindowBeyondHorizon(30 * 86_400L, 7 * 86_400L)))
        .startsWith("The planned window starts 30 days after the history ends, beyond the 7 days horizon")
        .contains("--horizon");
    assertThat(FindingText.sentence(new Finding.RateBasis("requests per 5 min", 300, false)))
        .isEqualTo("The traffic is counted per 5 min (requests per 5 min); the load-test throughput per"
            + " second is multiplied by 300 to compare with it.");
    assertThat(FindingText.sentence(new Finding.RateBasis("requests", 60, true)))
        .isEqualTo("The traffic is counted per 1 min (requests, a unit that names no time: per step of the"
            + " series); the load-test throughput per second is multiplied by 60 to compare with it.");
  }

  @Test
  void thePlannersMultiplierIsPutBesideWhatPastPromotionsDid() {
    PromotionEffect past = new PromotionEffect("free-spins", 2.17, 2.14, 2.20, 120);

    assertThat(FindingText.sentence(new Finding.PlannerMultiplier("Black Friday", 3, "free-spins", past)))
        .isEqualTo("Traffic during Black Friday is 3.00× organic traffic (the planner's multiplier;"
            + " past free-spins promotions did 2.17×, 90 % CI 2.14–2.20).");
    assertThat(FindingText.sentence(new Finding.PlannerMultiplier("Drop", 2, "new-type", null)))
        .isEqualTo("Traffic during Drop is 2.00× organic traffic (the planner's multiplier).");
    assertThat(FindingText.sentence(new Finding.RunwayInsideWindow("app-cpu", LocalDate.parse("2025-03-01"), "P90")))
        .startsWith("app-cpu: organic growth alone fills today's capacity by 2025-03-01 (P90),");
  }

  /** The records a sealed finding type permits, through its sealed sub-interfaces. */
  private static int kinds(Class<?> type) {
    return type.isSealed()
        ? java.util.Arrays.stream(type.getPermittedSubclasses()).mapToInt(FindingTextTest::kinds).sum() : 1;
  }

  @Test
  void theQueueingFindingsSayWhatTheCountRestsOnAndWhyNoneHolds() {
    assertThat(FindingText.sentence(new Finding.QueueingModel(99, 200, "split", 15, 25.6, 0.4, 25.2, 1.0, true)))
        .isEqualTo("The node count also keeps p99 within 200 ms: each node a queue of 15 workers of 25.6 ms"
            + " (SCV 0.40; the probe's low-load response time: 25.2 ms measured at concurrency 1), the USL's"
            + " contention folded into the service time, each node with a queue of its own and an even share"
            + " of the arrivals.");
    assertThat(FindingText.sentence(new Finding.QueueingModel(99, 200, "pooled", 1, 25, 1, 25, null, false)))
        .contains("1 worker of 25.0 ms (SCV 1.00, assumed exponential; the probe's low-load response time:"
            + " the USL's 1/λ, 25.0 ms, since the load-test steps carry no mean_ms)")
        .contains("all nodes taking from one queue");
    assertThat(FindingText.sentence(new Finding.SloNotMet(99, 50, 77.4, false, 10_000)))
        .contains("the service time alone takes 77.4 ms at p99, so only faster service helps");
    assertThat(FindingText.sentence(new Finding.SloNotMet(99, 50, 20, true, 10_000)))
        .startsWith("No count up to 10,000 nodes keeps p99 within 50 ms");
  }

  @Test
  void everyKindOfFindingHasWords() {
    PromotionEffect effect = new PromotionEffect("t", 2, 1.5, 2.5, 10);
    List<Finding> all = List.of(new Finding.Text(Finding.Severity.WARNING, "as read"),
        new Finding.RepeatsDropped("rps", "m.csv", 2, 12, 11, Instant.EPOCH),
        new Finding.BacktestLoses(1.2, 1.0), new Finding.BacktestCoverage(0.7),
        new Finding.BacktestSkipped("too short"), new Finding.WindowBeforeHistoryEnds(Instant.EPOCH),
        new Finding.WindowBeyondHorizon(86_400, 3_600), new Finding.StepLongerThanWindow(3_600, 600),
        new Finding.AdditiveOnly("rps"), new Finding.RelationExtrapolated("r", 0.9, 2, 1),
        new Finding.NoThroughputLimit(), new Finding.UslPeakOutsideSteps(900, 10, 100),
        new Finding.UslMaximumAboveMeasured(3000, 1000), new Finding.UslPoorFit(0.5),
        new Finding.HistoryAboveLimit("r", 2, "u", false, Instant.EPOCH, 1),
        new Finding.RunwayInsideWindow("r", LocalDate.EPOCH, "P50"),
        new Finding.PlannerMultiplier("w", 2, "t", effect), new Finding.LearnedMultiplier("w", "t", effect),
        new Finding.OrganicModel("m"), new Finding.DecisionQuantile(0.9), new Finding.RateBasis("u", 60, true),
        new Finding.NodeThroughput(0.8, 400, "requests/s", 1), new Finding.ResourceLimit("r", 1, "u", true, 2, 1),
        new Finding.QueueingModel(99, 200, "split", 15, 25.6, 0.4, 25.2, 1.0, true),
        new Finding.SloNotMet(99, 50, 77.4, false, 10_000),
        new Finding.RelationFromProbe("db", 5, 9_000, 3_903.2, 6_624.4, null),
        new Finding.PrometheusWarning("rps", "http://prom:9090", "Prometheus warns: partial data"));

    // One of each permitted kind, each with its own sentence.
    assertThat(all).extracting(Object::getClass).doesNotHaveDuplicates()
        .hasSize(kinds(Finding.class));
    assertThat(FindingText.sentences(all)).doesNotHaveDuplicates().allSatisfy(s -> assertThat(s).isNotBlank());
  }

  @Test
  void aRelationFromTheProbeSaysWhyHistoryWasNotUsed() {
    assertThat(FindingText.sentences(List.of(new Finding.RelationFromProbe("database-connections", 5, 9_000,
            3_903.2, 6_624.4, null))))
        .containsExactly("database-connections: related to traffic by the capacity probe's 5 levels (up to 9000"
            + " in the traffic's units), since history saw it only up to 3903 and the decision's peak is 6624.");
    assertThat(FindingText.sentences(List.of(new Finding.RelationFromProbe("pool", 4, 1_200, Double.NaN, 800,
            "pool is constant (40 at every point): there is no relation to traffic to fit"))))
        .containsExactly("pool: related to traffic by the capacity probe's 4 levels (up to 1200 in the traffic's"
            + " units), since history could not relate them (pool is constant (40 at every point): there is no"
            + " relation to traffic to fit).");
  }
}
