package io.casinoperf.capacity.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Sorting, repeated samples and the values a series may hold ({@link Cleaning#sortAndMerge}). */
class SortAndMergeTest {
  private static final Path FILE = Path.of("metrics.csv");
  private static final long T = 1_700_000_040L; // 2023-11-14T22:14:00Z

  private static RawSeries rps(long[] times, double[] values, long[] lines) {
    return new RawSeries("rps", times, values, lines);
  }

  @Test
  void sortsByTimeAndDropsAnExactRepeatSayingWhereTheFirstIs() {
    RawSeries raw = rps(new long[] {T + 60, T, T + 120, T + 60, T + 60},
        new double[] {5, 1, 9, 5, 5}, new long[] {2, 3, 4, 5, 6});

    Cleaning.Merged merged = Cleaning.sortAndMerge(FILE, raw);

    assertThat(merged.series().epochSeconds()).containsExactly(T, T + 60, T + 120);
    assertThat(merged.series().values()).containsExactly(1.0, 5.0, 9.0);
    assertThat(merged.duplicatesMerged()).isEqualTo(2);
    assertThat(merged.firstDuplicate()).isEqualTo(new Cleaning.Repeat(T + 60, 5, 5, 2));
    assertThat(merged.wasUnsorted()).isTrue();
  }

  @Test
  void anExactRepeatLeavesTheSeriesBitForBitAsWithoutIt() {
    // Three copies of 0.1 averaged are 0.10000000000000002, not 0.1.
    RawSeries once = rps(new long[] {T, T + 60}, new double[] {0.1, 0.2}, new long[] {2, 3});
    RawSeries thrice = rps(new long[] {T, T, T, T + 60}, new double[] {0.1, 0.1, 0.1, 0.2},
        new long[] {2, 3, 4, 5});

    assertThat(Cleaning.sortAndMerge(FILE, thrice).series())
        .isEqualTo(Cleaning.sortAndMerge(FILE, once).series());
  }

  @Test
  void refusesTwoDifferentValuesAtOneTimestampNamingSeriesTimeValuesAndLines() {
    RawSeries raw = rps(new long[] {T, T + 60, T + 120, T}, new double[] {100, 101, 102, 100.5},
        new long[] {2, 3, 4, 122});

    assertThatThrownBy(() -> Cleaning.sortAndMerge(FILE, raw))
        .isInstanceOf(MetricsFormatException.class)
        .hasMessage("metrics.csv:122: series 'rps' has two different values at 2023-11-14T22:14:00Z:"
            + " 100 on line 2 and 100.5 on line 122; keep one of them");
  }

  @Test
  void refusesTwoDifferentValuesWhereTheFormatHasNoLinesNamingTheTime() {
    RawSeries raw = new RawSeries("cpu{job=\"app\"}", new long[] {T, T}, new double[] {40, 41});

    assertThatThrownBy(() -> Cleaning.sortAndMerge(Path.of("cpu.json"), raw))
        .hasMessage("cpu.json: series 'cpu{job=\"app\"}' has two different values at"
            + " 2023-11-14T22:14:00Z: 40 and 41; keep one of them");
  }

  @Test
  void refusesANegativeValueNamingFileLineAndSeries() {
    RawSeries raw = rps(new long[] {T, T + 60}, new double[] {3, -3}, new long[] {2, 3});

    assertThatThrownBy(() -> Cleaning.sortAndMerge(FILE, raw))
        .hasMessage("metrics.csv:3: series 'rps': -3 is negative; every series is a quantity of 0 or"
            + " more (requests, percent, connections, bytes)");
  }

  @Test
  void refusesAValueFromTheLimitUpNamingTheTimeWhereThereAreNoLines() {
    RawSeries huge = new RawSeries("rps", new long[] {T, T + 60}, new double[] {1, 1.7e308});
    RawSeries limit = rps(new long[] {T, T + 60}, new double[] {1e15, 1}, new long[] {2, 3});

    assertThatThrownBy(() -> Cleaning.sortAndMerge(FILE, huge))
        .hasMessage("metrics.csv: series 'rps' at 2023-11-14T22:15:00Z: 1.7E308 is too large;"
            + " values must be below 1e15");
    assertThatThrownBy(() -> Cleaning.sortAndMerge(FILE, limit))
        .hasMessage("metrics.csv:2: series 'rps': 1.0E15 is too large; values must be below 1e15");
    assertThat(Cleaning.sortAndMerge(FILE, rps(new long[] {T}, new double[] {9.99e14}, new long[] {2}))
        .series().values()).containsExactly(9.99e14);
  }
}
