package io.casinoperf.capacity.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.casinoperf.capacity.series.MetricsFormatException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The calendar read against the time its metrics cover: times far from them are typos, not plans. */
class CalendarNearMetricsTest {
  @TempDir Path dir;

  /** 56 days of metrics: a planned promotion may start up to 112 days after them. */
  private static final MetricsSpan EIGHT_WEEKS = new MetricsSpan(epoch("2025-01-01T00:00:00Z"),
      epoch("2025-02-26T00:00:00Z"));

  private static long epoch(String instant) {
    return Instant.parse(instant).getEpochSecond();
  }

  private Path calendar(String content) throws Exception {
    return Files.writeString(dir.resolve("calendar.yaml"), content);
  }

  private AbstractThrowableAssert<?, ? extends Throwable> assertRefused(Path file, MetricsSpan span, long line) {
    return assertThatThrownBy(() -> PromotionCalendar.read(file, span))
        .isInstanceOf(MetricsFormatException.class)
        .satisfies(e -> assertThat(((MetricsFormatException) e).line()).isEqualTo(line))
        .hasMessageStartingWith(file + ":" + line + ": ")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void promotionsAndIncidentsNearTheMetricsAreRead() throws Exception {
    Path file = calendar("""
        past:
          - {name: Last spring, type: free-spins, start: 2024-03-01T18:00:00Z, end: 2024-03-01T23:00:00Z}
          - {name: Inside, type: free-spins, start: 2025-01-10T18:00:00Z, end: 2025-01-10T23:00:00Z}
          - {name: After the export, type: free-spins, start: 2025-03-10T18:00:00Z, end: 2025-03-10T23:00:00Z}
        incidents:
          - {name: Old outage, start: 2024-06-01T10:00:00Z, end: 2024-06-01T11:00:00Z}
        planned: {name: Summer, type: free-spins, start: 2025-06-17T18:00:00Z, end: 2025-06-17T23:00:00Z}
        """);

    PromotionCalendar calendar = PromotionCalendar.read(file, EIGHT_WEEKS);

    assertThat(calendar.past()).hasSize(3);
    assertThat(calendar.incidents()).hasSize(1);
    assertThat(calendar.planned()).isPresent();
  }

  @Test
  void aPastPromotionInTheYear9999IsRefusedNamingTheFieldAndTheRule() throws Exception {
    Path file = calendar("""
        past:
          - {name: Inside, type: free-spins, start: 2025-01-10T18:00:00Z, end: 2025-01-10T23:00:00Z}
          - name: Black Friday
            type: free-spins
            start: 9999-11-28T18:00:00Z
            end: 9999-11-28T23:00:00Z
        """);

    assertRefused(file, EIGHT_WEEKS, 5).hasMessageEndingWith("past[1].start: 9999-11-28T18:00:00Z is not"
        + " a time from 2000 to 2099, the years every time in these files must lie in");
  }

  @Test
  void aPastPromotionYearsBeforeTheMetricsIsRefusedAtItsEnd() throws Exception {
    Path file = calendar("""
        past:
          - {name: Black Friday, type: free-spins, start: 2019-11-29T18:00:00Z, end: 2019-11-29T23:00:00Z}
        """);

    assertRefused(file, EIGHT_WEEKS, 2).hasMessageContaining("past[0].end: 2019-11-29T23:00:00Z is 1859 days"
        + " before the first metric (2025-01-01T00:00:00Z); a past promotion must overlap the metrics");
  }

  @Test
  void anIncidentFarFromTheMetricsIsRefused() throws Exception {
    Path file = calendar("""
        incidents:
          - {name: DB failover, start: 2052-03-02T10:00:00Z, end: 2052-03-02T11:30:00Z}
        """);

    assertRefused(file, EIGHT_WEEKS, 2).hasMessageContaining("incidents[0].start: 2052-03-02T10:00:00Z is ")
        .hasMessageContaining("an incident must overlap the metrics");
  }

  @Test
  void aPlannedPromotionBeyondTwiceTheHistoryIsRefusedNamingTheHorizon() throws Exception {
    Path file = calendar("""
        planned:
          name: Black Friday
          type: free-spins
          start: 2025-09-01T18:00:00Z
          end: 2025-09-01T23:00:00Z
          multiplier: 3
        """);

    assertRefused(file, EIGHT_WEEKS, 4).hasMessageContaining("planned.start: 2025-09-01T18:00:00Z is 188 days after")
        .hasMessageContaining(" days after the last metric (2025-02-26T00:00:00Z); a planned promotion must"
            + " start at most 112 days after it (twice the 56 days the metrics cover, and never more than 366)");
  }

  @Test
  void aPlannedPromotionMoreThanAYearAheadIsRefusedWhateverTheHistory() throws Exception {
    MetricsSpan twoYears = new MetricsSpan(epoch("2023-01-01T00:00:00Z"), epoch("2025-01-01T00:00:00Z"));
    Path file = calendar("""
        planned: {name: Far, type: free-spins, start: 2026-02-01T18:00:00Z, end: 2026-02-01T23:00:00Z}
        """);

    assertRefused(file, twoYears, 1).hasMessageContaining("planned.start: 2026-02-01T18:00:00Z is 397 days"
        + " after the last metric (2025-01-01T00:00:00Z); a planned promotion must start at most 366 days after it");
  }

  @Test
  void aPlannedPromotionEndingBeforeTheMetricsIsRefused() throws Exception {
    Path file = calendar("""
        planned: {name: Old, type: free-spins, start: 2024-11-29T18:00:00Z, end: 2024-11-29T23:00:00Z}
        """);

    assertRefused(file, EIGHT_WEEKS, 1).hasMessageContaining("planned.end: 2024-11-29T23:00:00Z is not after"
        + " the first metric (2025-01-01T00:00:00Z)");
  }

  @Test
  void theRuleHoldsForCalendarsBuiltInCodeToo() {
    assertThatThrownBy(() -> EIGHT_WEEKS.checkPlanned(epoch("2026-01-01T00:00:00Z"), epoch("2026-01-02T00:00:00Z")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("start: 2026-01-01T00:00:00Z is 309 days after the last metric");
    assertThat(EIGHT_WEEKS.latestPlannedStart()).isEqualTo(epoch("2025-06-18T00:00:00Z"));
  }
}
