package io.casinoperf.gate.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.junit.jupiter.api.Test;

class RequestStatsTest {

  /** The histograms as recording every response on its own would make them. */
  private static final class Direct {
    final Histogram all = LatencyHistograms.empty();
    final Histogram ok = LatencyHistograms.empty();

    void record(long millis, boolean isOk) {
      long value = Math.max(0, millis);
      all.recordValue(value);
      if (isOk) {
        ok.recordValue(value);
      }
    }
  }

  private static void assertSameCounts(Histogram actual, Histogram expected) {
    assertThat(actual.getTotalCount()).isEqualTo(expected.getTotalCount());
    assertThat(actual.getMaxValue()).isEqualTo(expected.getMaxValue());
    assertThat(actual.getMinValue()).isEqualTo(expected.getMinValue());
    for (HistogramIterationValue bucket : expected.recordedValues()) {
      assertThat(actual.getCountAtValue(bucket.getValueIteratedTo()))
          .as("responses at %d ms", bucket.getValueIteratedTo())
          .isEqualTo(bucket.getCountAtValueIteratedTo());
    }
    for (double percentile : new double[] {50, 90, 95, 99, 99.9, 100}) {
      assertThat(LatencyHistograms.percentile(actual, percentile))
          .isEqualTo(LatencyHistograms.percentile(expected, percentile));
    }
  }

  @Test
  void countedResponsesGiveTheHistogramsOfRecordingEachOne() {
    // Both sides of the array bound, long outliers, negative times and KOs.
    SplittableRandom random = new SplittableRandom(7);
    RequestStats stats = new RequestStats();
    Direct direct = new Direct();
    long[] edges = {0, 1, RequestStats.DENSE_MILLIS - 1, RequestStats.DENSE_MILLIS,
        RequestStats.DENSE_MILLIS + 1, 32_767, 32_768, 1_234_567, -5};
    for (long edge : edges) {
      stats.record(1_000, edge, true, "");
      direct.record(edge, true);
      stats.record(1_000, edge, false, "boom");
      direct.record(edge, false);
    }
    for (int i = 0; i < 100_000; i++) {
      long millis = (long) (20 * Math.exp(1.5 * random.nextGaussian()));
      boolean ok = random.nextInt(100) > 2;
      stats.record(1_000 + i, millis, ok, ok ? "" : "timeout");
      direct.record(millis, ok);
    }

    assertSameCounts(stats.all(), direct.all);
    assertSameCounts(stats.ok(), direct.ok);
    assertThat(stats.count()).isEqualTo(direct.all.getTotalCount());
    assertThat(stats.okCount()).isEqualTo(direct.ok.getTotalCount());
    assertThat(stats.koMessages().values().stream().mapToLong(Long::longValue).sum())
        .isEqualTo(stats.koCount());
  }

  @Test
  void responsesRecordedAfterTheHistogramsWereReadAreCountedToo() {
    RequestStats stats = new RequestStats();
    Direct direct = new Direct();
    for (long millis = 0; millis < 500; millis++) {
      stats.record(millis, millis, true, "");
      direct.record(millis, true);
    }
    assertThat(stats.percentileMillis(99)).isEqualTo(LatencyHistograms.percentile(direct.all, 99));
    for (long millis = 400; millis < 5_000; millis += 7) {
      stats.record(millis, millis, millis % 3 != 0, "KO");
      direct.record(millis, millis % 3 != 0);
    }

    assertSameCounts(stats.all(), direct.all);
    assertSameCounts(stats.ok(), direct.ok);
  }

  @Test
  void addingStatsWithUncountedResponsesAddsEveryResponse() {
    RequestStats first = new RequestStats();
    RequestStats second = new RequestStats();
    Direct direct = new Direct();
    for (int i = 0; i < 3_000; i++) {
      long millis = i % 97;
      first.record(i, millis, true, "");
      second.record(i, millis * 50, i % 10 != 0, "KO");
      direct.record(millis, true);
      direct.record(millis * 50, i % 10 != 0);
    }

    first.add(second);

    assertSameCounts(first.all(), direct.all);
    assertSameCounts(first.ok(), direct.ok);
    assertThat(first.koCount()).isEqualTo(300);
    // The added stats are left as they were.
    assertThat(second.count()).isEqualTo(3_000);
    assertThat(second.all().getTotalCount()).isEqualTo(3_000);
  }
}
