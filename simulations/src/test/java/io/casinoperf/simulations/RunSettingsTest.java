package io.casinoperf.simulations;

import io.casinoperf.simulations.settings.RunSettings;
import io.casinoperf.simulations.settings.TargetPolicy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.casinoperf.mocks.conditions.Mode;
import io.casinoperf.scenarios.breaker.BreakerSettings;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunSettingsTest {

  @Test
  void noPropertiesMeanEmbeddedPlatformAndTheHandbookSlos() {
    RunSettings settings = RunSettings.from(Map.of());

    assertThat(settings.target()).isEmpty();
    assertThat(settings.scale()).isEqualTo(1.0);
    assertThat(settings.mode()).isEqualTo(Mode.NORMAL);
    assertThat(settings.p99Millis()).isEqualTo(200);
    assertThat(settings.maxErrorPercent()).isEqualTo(1.0);
    assertThat(settings.durationOr(Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void readsEveryParameter() {
    RunSettings settings =
        RunSettings.from(
            Map.of(
                "target", "https://perf.casino.example:8443/",
                "allowedTargets", "perf.casino.example, Other.Example:9000",
                "scale", "2.5",
                "duration", "5m",
                "mode", "FAULTY",
                "p99Millis", "150",
                "maxErrorPercent", "0.5"));

    assertThat(settings.target()).contains(URI.create("https://perf.casino.example:8443/"));
    assertThat(settings.allowedTargets()).containsExactly("perf.casino.example", "other.example:9000");
    assertThat(settings.users(10)).isEqualTo(25);
    assertThat(settings.rate(4)).isEqualTo(10.0);
    assertThat(settings.durationOr(Duration.ZERO)).isEqualTo(Duration.ofMinutes(5));
    assertThat(settings.mode()).isEqualTo(Mode.FAULTY);
    assertThat(settings.p99Millis()).isEqualTo(150);
    assertThat(settings.maxErrorPercent()).isEqualTo(0.5);
  }

  @Test
  void theEmbeddedPlatformsPortIsFreeUnlessGivenAndRefusedWithATarget() {
    assertThat(RunSettings.from(Map.of()).platformPort()).isZero();
    assertThat(RunSettings.from(Map.of("platform.port", "8080")).platformPort()).isEqualTo(8080);
    assertThatThrownBy(() -> RunSettings.from(Map.of("platform.port", "-1")))
        .hasMessage("-Dplatform.port=-1: expected a port from 0 (any free one) to 65535");
    assertThatThrownBy(() -> RunSettings.from(Map.of("platform.port", "8080", "target", "http://127.0.0.1:9")))
        .hasMessage("-Dplatform.port is the embedded platform's; with -Dtarget the platform is"
            + " http://127.0.0.1:9, not this run's");
  }

  @Test
  void liveMetricsAreOnLoopbackByDefaultAndEachSettingCanBeChangedOrRefused() {
    assertThat(RunSettings.from(Map.of()).metrics())
        .contains(new RunSettings.MetricsEndpoint("127.0.0.1", 9464, java.time.Duration.ZERO));
    assertThat(RunSettings.from(Map.of("metrics.bind", "0.0.0.0", "metrics.port", "0", "metrics.linger", "5s"))
        .metrics()).contains(new RunSettings.MetricsEndpoint("0.0.0.0", 0, java.time.Duration.ofSeconds(5)));
    assertThat(RunSettings.from(Map.of("metrics.bind", "::1")).metrics().orElseThrow().bind()).isEqualTo("::1");
    assertThat(RunSettings.from(Map.of("metrics", "off")).metrics()).isEmpty();
    assertThatThrownBy(() -> RunSettings.from(Map.of("metrics.port", "70000")))
        .hasMessage("-Dmetrics.port=70000: expected a port from 0 (any free one) to 65535");
    assertThatThrownBy(() -> RunSettings.from(Map.of("metrics.bind", "metrics.example.com")))
        .hasMessageStartingWith("-Dmetrics.bind=metrics.example.com: expected an IP address to listen on");
    assertThatThrownBy(() -> RunSettings.from(Map.of("metrics.bind", "256.1.1.1")))
        .hasMessageStartingWith("-Dmetrics.bind=256.1.1.1: expected an IP address");
    assertThatThrownBy(() -> RunSettings.from(Map.of("metrics.linger", "1h")))
        .hasMessage("-Dmetrics.linger=1h: expected at most 10m");
    assertThatThrownBy(() -> RunSettings.from(Map.of("metrics.path", "/m")))
        .hasMessage("-Dmetrics.path: no such metrics setting; expected one of metrics.bind, metrics.port,"
            + " metrics.linger");
    assertThatThrownBy(() -> RunSettings.from(Map.of("metrics", "maybe")))
        .hasMessage("-Dmetrics=maybe: expected on or off");
  }

  @Test
  void theCircuitBreakerIsOnByDefaultAndEachOfItsLimitsCanBeSet() {
    assertThat(RunSettings.from(Map.of()).circuitBreaker()).contains(BreakerSettings.defaults());
    assertThat(BreakerSettings.defaults())
        .isEqualTo(new BreakerSettings(Duration.ofSeconds(10), 0.20, 5_000, 20));

    RunSettings tuned = RunSettings.from(Map.of(
        "circuitBreaker.window", "30s",
        "circuitBreaker.errorPercent", "5",
        "circuitBreaker.p99CeilingMillis", "800",
        "circuitBreaker.minRequests", "200"));
    assertThat(tuned.circuitBreaker())
        .contains(new BreakerSettings(Duration.ofSeconds(30), 0.05, 800, 200));

    assertThat(RunSettings.from(Map.of("circuitBreaker", "off")).circuitBreaker()).isEmpty();
    assertThat(RunSettings.from(Map.of("circuitBreaker", "ON")).circuitBreaker()).isPresent();
  }

  @Test
  void badCircuitBreakerValuesNameThePropertyEvenWhenItIsOff() {
    assertThatThrownBy(() -> RunSettings.from(Map.of("circuitBreaker", "maybe")))
        .hasMessage("-DcircuitBreaker=maybe: expected on or off");
    assertThatThrownBy(() -> RunSettings.from(Map.of("circuitBreaker.errorPercent", "0")))
        .hasMessageStartingWith("-DcircuitBreaker.errorPercent=0: expected a percentage above 0");
    assertThatThrownBy(() -> RunSettings.from(Map.of("circuitBreaker.errorPercent", "120")))
        .hasMessage("-DcircuitBreaker.errorPercent=120: expected a percentage within 0..100");
    assertThatThrownBy(() -> RunSettings.from(Map.of("circuitBreaker.window", "0")))
        .hasMessage("-DcircuitBreaker.window=0: expected at least 1s");
    assertThatThrownBy(() -> RunSettings.from(
            Map.of("circuitBreaker", "off", "circuitBreaker.p99CeilingMillis", "fast")))
        .hasMessage("-DcircuitBreaker.p99CeilingMillis=fast: expected a whole number >= 1");
    assertThatThrownBy(() -> RunSettings.from(Map.of("circuitBreaker.minRequests", "0")))
        .hasMessage("-DcircuitBreaker.minRequests=0: expected a whole number >= 1");
    assertThatThrownBy(() -> RunSettings.from(Map.of("circuitBreaker.errorPercentage", "5")))
        .hasMessage("-DcircuitBreaker.errorPercentage: no such circuit breaker setting; expected one of "
            + "circuitBreaker.window, circuitBreaker.errorPercent, circuitBreaker.p99CeilingMillis, "
            + "circuitBreaker.minRequests");
  }

  @Test
  void scaledUsersNeverDropToZero() {
    assertThat(RunSettings.from(Map.of("scale", "0.01")).users(10)).isEqualTo(1);
  }

  @Test
  void shardsSplitEveryCountExactlyAndEveryRateEvenly() {
    for (int n = 1; n <= 7; n++) {
      for (int total : new int[] {1, 2, 5, 12, 600, 1001}) {
        int sum = 0;
        int smallest = Integer.MAX_VALUE;
        int largest = 0;
        double rates = 0;
        for (int i = 1; i <= n; i++) {
          RunSettings shard = RunSettings.from(Map.of("shard", i + "/" + n));
          int part = shard.users(total);
          sum += part;
          smallest = Math.min(smallest, part);
          largest = Math.max(largest, part);
          rates += shard.rate(3.5);
        }
        assertThat(sum).as("%d users over %d shards", total, n).isEqualTo(total);
        assertThat(largest - smallest).isLessThanOrEqualTo(1);
        assertThat(rates).isCloseTo(3.5, org.assertj.core.api.Assertions.within(1e-12));
      }
    }
    assertThat(RunSettings.from(Map.of()).shard()).isEqualTo(RunSettings.Shard.whole());
  }

  @Test
  void thePasswordComesFromTheEnvironmentOrAFileNeverTheCommandLine(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("password"), "from-the-file\n");

    assertThat(RunSettings.from(Map.of()).playerPassword().reveal()).isEqualTo("spin-to-win");
    assertThat(RunSettings.from(Map.of("playerPasswordFile", file.toString())).playerPassword().reveal())
        .isEqualTo("from-the-file");
    RunSettings fromEnvironment = RunSettings.from(Map.of("playerPasswordFile", file.toString()),
        Map.of(RunSettings.PASSWORD_ENV, "from-the-environment"));
    assertThat(fromEnvironment.playerPassword().reveal()).isEqualTo("from-the-environment");
    assertThat(fromEnvironment.toString()).doesNotContain("from-the-environment")
        .contains("(secret from CASINOPERF_PLAYER_PASSWORD)");
    assertThatThrownBy(() -> RunSettings.from(Map.of("playerPassword", "hunter2")))
        .isInstanceOf(RunSettings.InvalidSettingException.class)
        .hasMessageStartingWith("-DplayerPassword: a password on the command line shows in process lists")
        .hasMessageNotContaining("hunter2");
    // A secrets file inside the repository (this module's pom stands in for one) is refused.
    assertThatThrownBy(() -> RunSettings.from(Map.of("playerPasswordFile", "pom.xml")))
        .hasMessageContaining("secrets must live outside the repository");
  }

  @Test
  void theEmbeddedPlatformAcceptsThePlayersPasswordUnlessGivenItsOwn() {
    RunSettings same = RunSettings.from(Map.of(), Map.of(RunSettings.PASSWORD_ENV, "pw-of-players-7"));
    assertThat(same.embeddedPlatformPassword().reveal()).isEqualTo("pw-of-players-7");

    RunSettings own = RunSettings.from(Map.of(), Map.of(RunSettings.PASSWORD_ENV, "pw-of-players-7",
        RunSettings.PLATFORM_PASSWORD_ENV, "pw-of-platform-9"));
    assertThat(own.playerPassword().reveal()).isEqualTo("pw-of-players-7");
    assertThat(own.embeddedPlatformPassword().reveal()).isEqualTo("pw-of-platform-9");
    assertThat(own.toString()).doesNotContain("pw-of-players-7", "pw-of-platform-9");
  }

  @Test
  void shardsNeverShareAnAccount() {
    RunSettings.Shard first = RunSettings.Shard.parse("1/3");
    RunSettings.Shard second = RunSettings.Shard.parse("2/3");
    RunSettings.Shard third = RunSettings.Shard.parse("3/3");

    assertThat(first.firstAccount()).isEqualTo(1);
    assertThat(second.firstAccount()).isEqualTo(1 + RunSettings.Shard.ACCOUNTS_PER_SHARD);
    for (long row = 0; row < 30; row++) {
      int owners = (first.owns(row) ? 1 : 0) + (second.owns(row) ? 1 : 0) + (third.owns(row) ? 1 : 0);
      assertThat(owners).as("row %d", row).isEqualTo(1);
    }
  }

  @Test
  void badValuesNameThePropertyValueAndExpectation() {
    for (String shard : new String[] {"0/2", "3/2", "2", "a/b", "1/0", "1/1001"}) {
      assertThatThrownBy(() -> RunSettings.from(Map.of("shard", shard)))
          .isInstanceOf(RunSettings.InvalidSettingException.class)
          .hasMessage("-Dshard=" + shard + ": expected i/n with 1 <= i <= n <= 1000, e.g. 1/2");
    }
    assertThatThrownBy(() -> RunSettings.from(Map.of("scale", "-1")))
        .isInstanceOf(RunSettings.InvalidSettingException.class)
        .hasMessage("-Dscale=-1: expected a number > 0");
    assertThatThrownBy(() -> RunSettings.from(Map.of("scale", "lots")))
        .hasMessage("-Dscale=lots: expected a number > 0");
    assertThatThrownBy(() -> RunSettings.from(Map.of("target", "staging")))
        .hasMessage("-Dtarget=staging: expected an http:// or https:// URL");
    assertThatThrownBy(() -> RunSettings.from(Map.of("target", "http://exa mple")))
        .hasMessageStartingWith("-Dtarget=http://exa mple: not a URL");
    assertThatThrownBy(() -> RunSettings.from(Map.of("target", "http://host/?q=1")))
        .hasMessage("-Dtarget=http://host/?q=1: the base URL must not have a query or fragment");
    assertThatThrownBy(() -> RunSettings.from(Map.of("mode", "chaos")))
        .hasMessage("-Dmode=chaos: unknown mode 'chaos': expected one of normal, degraded, faulty, queue");
    assertThatThrownBy(() -> RunSettings.from(Map.of("duration", "0")))
        .hasMessage("-Dduration=0: expected at least 1s");
    assertThatThrownBy(() -> RunSettings.from(Map.of("duration", "1.5h")))
        .hasMessageStartingWith("-Dduration=1.5h: expected a duration such as");
    assertThatThrownBy(() -> RunSettings.from(Map.of("maxErrorPercent", "101")))
        .hasMessage("-DmaxErrorPercent=101: expected a percentage within 0..100");
    assertThatThrownBy(() -> RunSettings.from(Map.of("players", "/no/such/accounts.csv")))
        .hasMessage("-Dplayers=/no/such/accounts.csv: no readable file there");
  }

  @Test
  void theQueueModesWorkersAndServiceAreRunSettings() {
    RunSettings settings = RunSettings.from(Map.of("mode", "queue", "queue.workers", "12",
        "queue.serviceMillis", "7.5"));

    assertThat(settings.queue()).isPresent();
    assertThat(settings.queue().get().workers()).hasValue(12);
    assertThat(settings.queue().get().serviceMillis()).hasValue(7.5);
    assertThat(settings.queue().get().serviceScv()).isEmpty();
    assertThat(RunSettings.from(Map.of("mode", "queue")).queue()).isEmpty();
  }

  @Test
  void queueSettingsOutsideQueueModeOrOutOfRangeAreRefused() {
    assertThatThrownBy(() -> RunSettings.from(Map.of("queue.workers", "4")))
        .hasMessage("-Dqueue.workers sets the embedded platform's queue, which only -Dmode=queue has"
            + " (the mode is normal)");
    assertThatThrownBy(() -> RunSettings.from(Map.of("mode", "queue", "queue.servers", "4")))
        .hasMessage("-Dqueue.servers: no such queue setting; expected one of queue.workers,"
            + " queue.serviceMillis, queue.serviceScv");
    assertThatThrownBy(() -> RunSettings.from(Map.of("mode", "queue", "queue.workers", "0")))
        .hasMessage("-Dqueue.workers=0: expected a whole number >= 1");
    assertThatThrownBy(() -> RunSettings.from(Map.of("mode", "queue", "queue.workers", "100001")))
        .hasMessage("-Dqueue.workers=100001: expected a whole number from 1 to 100000");
    assertThatThrownBy(() -> RunSettings.from(Map.of("mode", "queue", "queue.serviceScv", "-1")))
        .hasMessage("-Dqueue.serviceScv=-1: expected a number >= 0");
    assertThatThrownBy(() -> RunSettings.from(Map.of("mode", "queue", "queue.serviceMillis", "0")))
        .hasMessage("-Dqueue.serviceMillis=0: expected a number > 0");
  }

  @Test
  void aRehearsalNamesItsForecastQuantileLengthAndPrediction(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("rehearsal.json"), """
        {"schema": "casinoperf-rehearsal/1", "forecast": {"id": "00aa11bb22cc33dd", "promotion": "Black Friday"},
         "predictedP99Millis": {"p50": 70.5, "p90": 79.0, "p99": null}}
        """);

    RunSettings.Rehearsal p90 = RunSettings.from(Map.of("rehearsal", file.toString())).rehearsal().orElseThrow();
    RunSettings.Rehearsal p99 = RunSettings.from(Map.of("rehearsal", file.toString(), "rehearsal.quantile", "P99",
        "rehearsal.duration", "30s")).rehearsal().orElseThrow();

    assertThat(p90.forecastId()).isEqualTo("00aa11bb22cc33dd");
    assertThat(p90.promotion()).isEqualTo("Black Friday");
    assertThat(p90.quantile()).isEqualTo("p90");
    assertThat(p90.duration()).isEqualTo(Duration.ofMinutes(2));
    assertThat(p90.predictedP99Millis()).contains(79.0);
    assertThat(p99.quantile()).isEqualTo("p99");
    assertThat(p99.duration()).isEqualTo(Duration.ofSeconds(30));
    assertThat(p99.predictedP99Millis()).isEmpty();
    assertThat(RunSettings.from(Map.of()).rehearsal()).isEmpty();
  }

  @Test
  void badRehearsalSettingsAreOneLine(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    java.nio.file.Path other = java.nio.file.Files.writeString(dir.resolve("forecast.json"),
        "{\"schema\": \"casinoperf-forecast/1\"}");
    java.nio.file.Path good = java.nio.file.Files.writeString(dir.resolve("rehearsal.json"),
        "{\"schema\": \"casinoperf-rehearsal/1\", \"forecast\": {\"id\": \"00aa\"}}");

    assertThatThrownBy(() -> RunSettings.from(Map.of("rehearsal.quantile", "p90")))
        .hasMessage("-Drehearsal.quantile needs -Drehearsal=FILE, the rehearsal.json that forecast writes");
    assertThatThrownBy(() -> RunSettings.from(Map.of("rehearsal", good.toString(), "rehearsal.speed", "2")))
        .hasMessage("-Drehearsal.speed: no such rehearsal setting; expected one of rehearsal.quantile,"
            + " rehearsal.duration");
    assertThatThrownBy(() -> RunSettings.from(Map.of("rehearsal", other.toString())))
        .hasMessage("-Drehearsal=" + other + ": not a rehearsal profile (schema casinoperf-rehearsal/1, the"
            + " rehearsal.json that forecast writes)");
    assertThatThrownBy(() -> RunSettings.from(Map.of("rehearsal", dir.resolve("none.json").toString())))
        .hasMessage("-Drehearsal=" + dir.resolve("none.json") + ": no readable file there");
    assertThatThrownBy(() -> RunSettings.from(Map.of("rehearsal", good.toString(), "rehearsal.quantile", "p95")))
        .hasMessage("-Drehearsal.quantile=p95: expected p50, p90 or p99");
    assertThatThrownBy(() -> RunSettings.from(Map.of("rehearsal", good.toString(), "rehearsal.duration", "5s")))
        .hasMessageStartingWith("-Drehearsal.duration=5s: ");
  }

  @Test
  void loopbackTargetsNeedNoAllowList() {
    for (String url : List.of("http://127.0.0.1:8080", "http://localhost", "http://[::1]:9000",
        "http://127.5.6.7")) {
      TargetPolicy.check(URI.create(url), List.of());
    }
  }

  @Test
  void otherTargetsMustBeAllowedByHostOrHostAndPort() {
    TargetPolicy.check(URI.create("https://perf.example"), List.of("perf.example"));
    TargetPolicy.check(URI.create("https://perf.example"), List.of("perf.example:443"));
    TargetPolicy.check(URI.create("http://perf.example:8080/api"), List.of("perf.example:8080"));

    assertThatThrownBy(
            () -> TargetPolicy.check(URI.create("http://perf.example:8081"), List.of("perf.example:8080")))
        .hasMessageContaining("refused");
    assertThatThrownBy(() -> TargetPolicy.check(URI.create("http://10.0.0.5"), List.of()))
        .hasMessage(
            "-Dtarget=http://10.0.0.5: refused, 10.0.0.5 is not loopback and not in"
                + " -DallowedTargets (empty); add it there to load it on purpose");
    assertThatThrownBy(
            () -> TargetPolicy.check(URI.create("http://localhost.evil.example"), List.of()))
        .hasMessageContaining("refused");
  }
}
