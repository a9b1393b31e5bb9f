package io.casinoperf.capacity.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CleaningTest {

  @Test
  void oneMinutePointsBecomeFiveMinuteMeans() {
    TimeSeries minutes = new TimeSeries("rps",
        new long[] {600, 660, 720, 780, 840, 900, 960},
        new double[] {1, 2, 3, 4, 5, 10, 20});

    Cleaning.Resampled five = Cleaning.resample(minutes, 300, 0);

    assertThat(five.series().epochSeconds()).containsExactly(600L, 900L);
    assertThat(five.series().values()).containsExactly(3.0, 15.0);
    assertThat(five.filledSteps()).isZero();
    assertThat(five.longGaps()).isEmpty();
  }

  @Test
  void shortGapsAreFilledLinearlyAndLongOnesReported() {
    TimeSeries withGaps = new TimeSeries("cpu",
        new long[] {0, 60, 240, 300, 1_000},
        new double[] {10, 10, 40, 40, 70});

    Cleaning.Resampled resampled = Cleaning.resample(withGaps, 60, 3);

    // 120 and 180 lie between 10 (at 60) and 40 (at 240): 20 and 30.
    assertThat(resampled.series().epochSeconds()).containsExactly(0L, 60L, 120L, 180L, 240L, 300L, 960L);
    assertThat(resampled.series().values()).containsExactly(10.0, 10.0, 20.0, 30.0, 40.0, 40.0, 70.0);
    assertThat(resampled.filledSteps()).isEqualTo(2);
    assertThat(resampled.longGaps()).containsExactly(new Cleaning.Gap(360, 900, 10));
  }

  @Test
  void emptyAndSinglePointSeriesPassThrough() {
    TimeSeries empty = new TimeSeries("x", new long[0], new double[0]);
    TimeSeries one = new TimeSeries("x", new long[] {125}, new double[] {4});

    assertThat(Cleaning.resample(empty, 60, 2).series().size()).isZero();
    assertThat(Cleaning.resample(one, 60, 2).series().epochSeconds()).containsExactly(120L);
    assertThatThrownBy(() -> Cleaning.resample(one, 0, 2)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void incidentWindowsAreExcludedInclusively() {
    TimeSeries series = new TimeSeries("cpu", new long[] {0, 60, 120, 180, 240},
        new double[] {1, 2, 99, 98, 5});

    TimeSeries clean = Cleaning.exclude(series, List.of(new long[] {120, 180}));

    assertThat(clean.epochSeconds()).containsExactly(0L, 60L, 240L);
    assertThat(clean.values()).containsExactly(1.0, 2.0, 5.0);
  }

  @Test
  void realNabSeriesOnAFiveMinuteGridHasNoGaps() throws Exception {
    var path = java.nio.file.Path.of(CleaningTest.class.getClassLoader()
        .getResource("data/nab/cpu_utilization_asg_misconfiguration.csv").toURI());
    TimeSeries cpu = Cleaning.sortAndMerge(path, CsvMetrics.read(path).get(0)).series();

    Cleaning.Resampled resampled = Cleaning.resample(cpu, 300, 3);

    assertThat(resampled.series().size()).isGreaterThanOrEqualTo(cpu.size() - 1);
    long span = cpu.epochSecond(cpu.size() - 1) / 300 - cpu.epochSecond(0) / 300 + 1;
    int missing = resampled.longGaps().stream().mapToInt(Cleaning.Gap::missingSteps).sum();
    assertThat(resampled.series().size() + missing).isEqualTo(span);
  }
}
