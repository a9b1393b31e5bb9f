package io.casinoperf.capacity.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What can be told of a Prometheus source without a server (the server's side: ForecastFromPrometheusTest). */
class PrometheusSourceTest {
  private static RawSeries series(long[] times, double[] values) {
    return new RawSeries("s", times, values);
  }

  @Test
  void fifteenMinuteSamplesReadEveryFiveMinutesAreAStaircaseWithHoles() {
    // What Prometheus answers at 5-minute steps for samples at :00, :15, :30, :45 (5-minute
    // lookback): each sample at its own time and 5 minutes later, nothing 10 minutes later.
    long[] times = {0, 300, 900, 1200, 1800, 2100, 2700, 3000};
    double[] values = {1, 1, 2, 2, 3, 3, 4, 4};

    PrometheusSource.Sampling fine = PrometheusSource.Sampling.of(series(times, values), 300);
    PrometheusSource.Sampling own = PrometheusSource.Sampling.of(
        series(new long[] {0, 900, 1800, 2700}, new double[] {1, 2, 3, 4}), 900);

    assertThat(fine.coverage()).isEqualTo(8 / 11.0); // 11 steps from 0 to 3000
    assertThat(fine.repeats()).isEqualTo(1.0); // every pair one step apart is equal
    assertThat(fine.dense()).isFalse();
    assertThat(own.coverage()).isEqualTo(1.0);
    assertThat(own.repeats()).isZero();
    assertThat(own.dense()).isTrue();
    assertThat(fine.improvedBy(own)).isTrue();
  }

  @Test
  void hourlySamplesReadEveryFiveMinutesImproveAtEachLongerStepUntilTheHour() {
    // Prometheus 3's lookback leaves each hourly sample alone at its own step: 1 of 12 steps at
    // 5 minutes, 1 of 4 at 15, 1 of 2 at 30, all at the hour.
    PrometheusSource.Sampling five = new PrometheusSource.Sampling(1 / 12.0, 0);
    PrometheusSource.Sampling fifteen = new PrometheusSource.Sampling(1 / 4.0, 0);
    PrometheusSource.Sampling hour = new PrometheusSource.Sampling(1, 0);

    assertThat(five.improvedBy(fifteen)).isTrue();
    assertThat(fifteen.dense()).isFalse();
    assertThat(five.improvedBy(hour)).isTrue();
    assertThat(hour.dense()).isTrue();
  }

  @Test
  void aSeriesFlatByNatureIsNotImprovedByALongerStep() {
    double[] flat = new double[20];
    long[] times = new long[20];
    for (int i = 0; i < 20; i++) {
      times[i] = i * 300L;
      flat[i] = i < 15 ? 100 : 100 + i; // a pool held at its maximum, then moving
    }
    PrometheusSource.Sampling fine = PrometheusSource.Sampling.of(series(times, flat), 300);
    long[] coarseTimes = new long[7];
    double[] coarse = new double[7];
    for (int i = 0; i < 7; i++) {
      coarseTimes[i] = i * 900L;
      coarse[i] = flat[3 * i];
    }

    assertThat(fine.repeats()).isEqualTo(14 / 19.0);
    assertThat(fine.dense()).isFalse();
    assertThat(fine.improvedBy(PrometheusSource.Sampling.of(series(coarseTimes, coarse), 900))).isFalse();
  }

  @Test
  void oneOrTwoPointsAndGapsCountAsTheyAre() {
    assertThat(PrometheusSource.Sampling.of(series(new long[] {5}, new double[] {1}), 60).dense()).isTrue();
    PrometheusSource.Sampling gappy = PrometheusSource.Sampling.of(
        series(new long[] {0, 60, 600}, new double[] {1, 2, 3}), 60);
    assertThat(gappy.coverage()).isEqualTo(3 / 11.0);
    assertThat(gappy.repeats()).isZero();
  }

  @Test
  void aQueryIsANameAsPrometheusSpellsOneAndPromQlAfterTheFirstEquals() {
    PrometheusSource.Query query = PrometheusSource.Query.parse(" rps = sum(rate(x{code=~\"2..\"}[5m]))");
    assertThat(query.name()).isEqualTo("rps");
    assertThat(query.promql()).isEqualTo("sum(rate(x{code=~\"2..\"}[5m]))");
    assertThat(PrometheusSource.Query.parse("job:rps:rate5m=job:rps:rate5m").name()).isEqualTo("job:rps:rate5m");
    assertThatThrownBy(() -> PrometheusSource.Query.parse("rps")).isInstanceOf(PrometheusException.class)
        .hasMessage("expected NAME=PROMQL, such as rps=sum(rate(http_requests_total[5m]))");
    assertThatThrownBy(() -> PrometheusSource.Query.parse("=rps")).isInstanceOf(PrometheusException.class);
    assertThatThrownBy(() -> PrometheusSource.Query.parse("cpu{a=\"b\"}=x"))
        .hasMessageStartingWith("'cpu{a' is not a metric name");
    assertThatThrownBy(() -> PrometheusSource.Query.parse("rps= ")).hasMessage("no PromQL after '='");
  }

  @Test
  void urlsAndCertificateFilesThatCannotWorkAreRefusedBeforeAnyRequest(@TempDir Path dir) throws Exception {
    PrometheusSource.Credentials none = new PrometheusSource.Credentials.None();
    Duration second = Duration.ofSeconds(1);
    assertThatThrownBy(() -> new PrometheusSource("localhost:9090", none, null, second))
        .hasMessageContaining("expected an http:// or https:// URL with a host");
    assertThatThrownBy(() -> new PrometheusSource("http://me:secret@prom:9090", none, null, second))
        .hasMessageContaining("the URL holds a user and password").hasMessageNotContaining("secret@");
    assertThatThrownBy(() -> new PrometheusSource("http://prom:9090", none, dir.resolve("ca.pem"), second))
        .hasMessage("--prometheus-ca-file is for https; http://prom:9090 is plain http");
    assertThatThrownBy(() -> new PrometheusSource("https://prom:9090", none, dir.resolve("ca.pem"), second))
        .hasMessageEndingWith("ca.pem: no such file");
    Files.writeString(dir.resolve("junk.pem"), "not a certificate");
    assertThatThrownBy(() -> new PrometheusSource("https://prom:9090", none, dir.resolve("junk.pem"), second))
        .isInstanceOf(PrometheusException.class).hasMessageContaining("junk.pem: not PEM certificates");
    assertThat(new PrometheusSource("http://proxy/prometheus/", none, null, second).url())
        .isEqualTo("http://proxy/prometheus");
  }

  @Test
  void aUrlsUserAndPasswordAreNeverInAMessage() {
    PrometheusSource.Credentials none = new PrometheusSource.Credentials.None();
    assertThat(PrometheusSource.redacted("https://me:s3cret@prom:9090/x")).isEqualTo("https://***@prom:9090/x");
    assertThat(PrometheusSource.redacted("me:s3cret@prom:9090")).isEqualTo("***@prom:9090");
    assertThat(PrometheusSource.redacted("http://prom:9090/a@b")).isEqualTo("http://prom:9090/a@b");
    for (String url : new String[] {"me:s3cret@prom:9090", "ftp://me:s3cret@prom", "http://me:s3cret@[bad"}) {
      assertThatThrownBy(() -> new PrometheusSource(url, none, null, Duration.ofSeconds(1)))
          .isInstanceOf(PrometheusException.class).hasMessageNotContaining("s3cret");
    }
  }

  @Test
  void credentialsNeverPrintTheirSecret() {
    assertThat(new PrometheusSource.Credentials.Bearer("t0ken").toString()).doesNotContain("t0ken");
    assertThat(new PrometheusSource.Credentials.Basic("u", "pa55").toString()).doesNotContain("pa55");
  }
}
