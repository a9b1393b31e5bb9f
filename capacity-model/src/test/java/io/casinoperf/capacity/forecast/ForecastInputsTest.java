package io.casinoperf.capacity.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.casinoperf.capacity.series.MetricsFormatException;
import io.casinoperf.capacity.series.TimeSeries;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForecastInputsTest {
  @TempDir Path dir;

  private Path plan() throws Exception {
    return Files.writeString(dir.resolve("plan.yaml"), """
        traffic: {series: rps, unit: requests/s}
        resources:
          - {name: app-cpu, series: cpu, unit: "%", perNode: true, nodes: 2, limit: 70}
        """);
  }

  /**
   * A minute grid over two hours (lines 2 to 111), with a 10-minute hole and the first sample
   * repeated exactly on line 112.
   */
  private Path metrics() throws Exception {
    return Files.writeString(dir.resolve("metrics.csv"), minutes(Long.MIN_VALUE) + "1700000040,100,20\n");
  }

  /** The grid of {@link #metrics()} without the repeat; cpu is -1 at {@code negativeAt}. */
  private static String minutes(long negativeAt) {
    StringBuilder csv = new StringBuilder("timestamp,rps,cpu\n");
    for (int i = 0; i < 120; i++) {
      if (i >= 50 && i < 60) {
        continue;
      }
      long t = 1_700_000_040L + 60L * i;
      csv.append(t).append(',').append(100 + i).append(',').append(t == negativeAt ? -1 : 20 + i % 7).append('\n');
    }
    return csv.toString();
  }

  @Test
  void findsThePlansSeriesCleansThemOntoOneGridAndBlanksIncidents() throws Exception {
    Path calendar = Files.writeString(dir.resolve("calendar.yaml"),
        "incidents:\n  - {name: deploy, start: 2023-11-14T22:34:00Z, end: 2023-11-14T22:39:00Z}\n");

    ForecastInputs in = ForecastInputs.load(List.of(metrics()), calendar, plan(), null, 0, 3);

    assertThat(in.traffic().stepSeconds()).isEqualTo(60);
    assertThat(in.resources()).containsOnlyKeys("app-cpu");
    CapacityForecast.SeriesQuality rps = in.data().get(0);
    assertThat(rps.series()).isEqualTo("rps");
    assertThat(rps.duplicatesMerged()).isEqualTo(1);
    assertThat(rps.longGaps()).singleElement().asString().contains("(10 steps)");
    // Incident 22:34..22:39 (1700001240..1700001540) covers slots 20..25 (six minutes, both ends included).
    assertThat(rps.excludedPoints()).isEqualTo(6);
    assertThat(in.traffic().value(19)).isFinite();
    assertThat(in.traffic().value(20)).isNaN();
    assertThat(in.traffic().value(25)).isNaN();
    assertThat(in.traffic().value(26)).isFinite();
    assertThat(rps.points()).isEqualTo(110 - 6);
  }

  @Test
  void prometheusAndCsvFilesMixAndSeriesAreNamedAsPrometheusPrintsThem() throws Exception {
    StringBuilder values = new StringBuilder();
    for (int i = 0; i < 120; i++) {
      values.append(i == 0 ? "" : ",").append("[").append(1_700_000_040L + 60L * i).append(",\"")
          .append(20 + i % 7).append("\"]");
    }
    Path prometheus = Files.writeString(dir.resolve("cpu.json"), "{\"status\":\"success\",\"data\":"
        + "{\"resultType\":\"matrix\",\"result\":[{\"metric\":{\"__name__\":\"cpu\",\"job\":\"app\"},"
        + "\"values\":[" + values + "]}]}}");
    Path plan = Files.writeString(dir.resolve("plan.yaml"), """
        traffic: {series: rps, unit: requests/s}
        resources:
          - {name: app-cpu, series: 'cpu{job="app"}', unit: "%", perNode: true, nodes: 2, limit: 70}
        """);
    Path rps = Files.writeString(dir.resolve("rps.csv"), Files.readString(metrics()).replace(",cpu", "")
        .replaceAll("(?m)^(\\d+,\\d+),\\d+$", "$1"));

    ForecastInputs in = ForecastInputs.load(List.of(rps, prometheus), null, plan, null, 0, 3);

    assertThat(in.resources().get("app-cpu").name()).isEqualTo("cpu{job=\"app\"}");
    assertThat(in.resources().get("app-cpu").presentCount()).isEqualTo(120);
    assertThat(in.data()).extracting(CapacityForecast.SeriesQuality::file)
        .containsExactly(rps.toString(), prometheus.toString());
  }

  @Test
  void aSeriesThePlanNamesButNoFileHasIsAnErrorOnThePlan() throws Exception {
    Path plan = Files.writeString(dir.resolve("plan.yaml"), """
        traffic: {series: requests, unit: requests/s}
        resources:
          - {name: app-cpu, series: cpu, unit: "%", perNode: true, nodes: 2, limit: 70}
        """);

    assertThatThrownBy(() -> ForecastInputs.load(List.of(metrics()), null, plan, null, 0, 3))
        .isInstanceOf(MetricsFormatException.class)
        .hasMessage(plan + ": the traffic series 'requests' is in none of the metrics files; they hold [rps, cpu]");
  }

  @Test
  void theSameSeriesInTwoFilesIsAmbiguous() throws Exception {
    Path first = metrics();
    Path second = Files.copy(first, dir.resolve("again.csv"));

    assertThatThrownBy(() -> ForecastInputs.load(List.of(first, second), null, plan(), null, 0, 3))
        .isInstanceOf(MetricsFormatException.class)
        .hasMessageContaining("again.csv: series 'rps' is also in");
  }

  @Test
  void anIncidentInsideACoarseStepBlanksThatStep() throws Exception {
    // 10-minute steps; the incident, under four minutes, lies inside one of them.
    Path calendar = Files.writeString(dir.resolve("calendar.yaml"),
        "incidents:\n  - {name: blip, start: 2023-11-14T22:37:00Z, end: 2023-11-14T22:39:40Z}\n");

    ForecastInputs in = ForecastInputs.load(List.of(metrics()), calendar, plan(), null, 600, 3);

    long slot = in.traffic().slotOf(1_700_001_420L);
    assertThat(in.traffic().value((int) slot)).isNaN();
    assertThat(in.traffic().value((int) slot - 1)).isFinite();
    assertThat(in.traffic().value((int) slot + 1)).isFinite();
    assertThat(in.data().get(0).excludedPoints()).isEqualTo(1);
  }

  @Test
  void aStepThatDoesNotDivideADayIsRefused() throws Exception {
    assertThatThrownBy(() -> ForecastInputs.load(List.of(metrics()), null, plan(), null, 420, 3))
        .isInstanceOf(io.casinoperf.capacity.series.UnsuitableDataException.class)
        .hasMessageContaining("a step of 420 s does not divide a day");
  }

  @Test
  void theTypicalSpacingIsTheMostCommonOne() {
    long[] times = {0, 300, 600, 900, 1200, 1260, 1560, 1860};
    TimeSeries series = new TimeSeries("rps", times, new double[times.length]);

    assertThat(ForecastInputs.typicalSpacing(series)).isEqualTo(300);
  }

  @Test
  void anExactRepeatIsDroppedWithAWarningNamingHowManyAndWhereTheFirstIs() throws Exception {
    Path metrics = metrics();

    ForecastInputs in = ForecastInputs.load(List.of(metrics), null, plan(), null, 0, 3);

    assertThat(in.warnings()).hasSize(2).allSatisfy(w -> assertThat(w).isInstanceOfSatisfying(
        Finding.RepeatsDropped.class, r -> {
          assertThat(r.file()).isEqualTo(metrics.toString());
          assertThat(r.count()).isEqualTo(1);
          assertThat(r.line()).isEqualTo(112);
          assertThat(r.firstLine()).isEqualTo(2);
        }));
    assertThat(in.warnings()).extracting(w -> ((Finding.RepeatsDropped) w).series())
        .containsExactly("rps", "cpu");
  }

  @Test
  void twoDifferentValuesAtOneTimeInAPrometheusFileAreRefusedNamingTheFile() throws Exception {
    Path cpu = prometheus("cpu.json", "[1700000040,\"20\"],[1700000100,\"21\"],[1700000040,\"25\"]");
    Path rps = Files.writeString(dir.resolve("rps.csv"), minutes(Long.MIN_VALUE).replaceAll("(?m),\\d+$", "")
        .replace(",cpu", ""));

    assertThatThrownBy(() -> ForecastInputs.load(List.of(rps, cpu), null, prometheusPlan(), null, 0, 3))
        .isInstanceOf(MetricsFormatException.class)
        .hasMessage(cpu + ": series 'cpu{job=\"app\"}' has two different values at 2023-11-14T22:14:00Z:"
            + " 20 and 25; keep one of them");
  }

  @Test
  void aSeriesWithASinglePointInTimeIsRefusedNamingItsFile() throws Exception {
    Path cpu = prometheus("cpu.json", "[1700000040,\"20\"],[1700000040,\"20\"]");
    Path rps = Files.writeString(dir.resolve("rps.csv"), minutes(Long.MIN_VALUE).replaceAll("(?m),\\d+$", "")
        .replace(",cpu", ""));

    assertThatThrownBy(() -> ForecastInputs.load(List.of(rps, cpu), null, prometheusPlan(), null, 0, 3))
        .isInstanceOf(MetricsFormatException.class)
        .hasMessage(cpu + ": series cpu{job=\"app\"} has a single point in time (2023-11-14T22:14:00Z):"
            + " a forecast needs a history");
  }

  @Test
  void aConstantSeriesIsRefusedNamingItsMetricsFileAndTheValue() throws Exception {
    Path metrics = Files.writeString(dir.resolve("constant.csv"),
        minutes(Long.MIN_VALUE).replaceAll("(?m),\\d+$", ",42"));

    assertThatThrownBy(() -> ForecastInputs.load(List.of(metrics), null, plan(), null, 0, 3))
        .isInstanceOf(MetricsFormatException.class)
        .hasMessage(metrics + ": series cpu is constant (every value is 42): there is no pattern to fit"
            + " and no relation to traffic to learn");
  }

  @Test
  void aNegativeValueInASeriesThePlanUsesIsRefusedNamingLineAndColumn() throws Exception {
    Path metrics = Files.writeString(dir.resolve("negative.csv"), minutes(1_700_000_040L + 60L * 3));

    assertThatThrownBy(() -> ForecastInputs.load(List.of(metrics), null, plan(), null, 0, 3))
        .isInstanceOf(MetricsFormatException.class)
        .hasMessage(metrics + ":5: series 'cpu': -1 is negative; every series is a quantity of 0 or more"
            + " (requests, percent, connections, bytes)");
  }

  @Test
  void aColumnThePlanDoesNotUseIsNotCheckedForRange() throws Exception {
    Path metrics = Files.writeString(dir.resolve("extra.csv"),
        minutes(Long.MIN_VALUE).replace("timestamp,rps,cpu", "timestamp,rps,cpu,temperature_change")
            .replaceAll("(?m)^(\\d.*)$", "$1,-2.5"));

    assertThat(ForecastInputs.load(List.of(metrics), null, plan(), null, 0, 3).resources())
        .containsOnlyKeys("app-cpu");
  }

  private Path prometheus(String name, String values) throws Exception {
    return Files.writeString(dir.resolve(name), "{\"status\":\"success\",\"data\":"
        + "{\"resultType\":\"matrix\",\"result\":[{\"metric\":{\"__name__\":\"cpu\",\"job\":\"app\"},"
        + "\"values\":[" + values + "]}]}}");
  }

  private Path prometheusPlan() throws Exception {
    return Files.writeString(dir.resolve("prometheus-plan.yaml"), """
        traffic: {series: rps, unit: requests/s}
        resources:
          - {name: app-cpu, series: 'cpu{job="app"}', unit: "%", perNode: true, nodes: 2, limit: 70}
        """);
  }
}
