package io.casinoperf.capacity.plan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RateUnitTest {
  @Test
  void ratesSayTheirTimeBasis() {
    assertThat(RateUnit.parse("requests/s")).isEqualTo(new RateUnit(RateUnit.Kind.RATE, 1));
    assertThat(RateUnit.parse("req/sec")).isEqualTo(new RateUnit(RateUnit.Kind.RATE, 1));
    assertThat(RateUnit.parse("rps")).isEqualTo(new RateUnit(RateUnit.Kind.RATE, 1));
    assertThat(RateUnit.parse("requests per second")).isEqualTo(new RateUnit(RateUnit.Kind.RATE, 1));
    assertThat(RateUnit.parse("requests/min")).isEqualTo(new RateUnit(RateUnit.Kind.RATE, 60));
    assertThat(RateUnit.parse("RPM")).isEqualTo(new RateUnit(RateUnit.Kind.RATE, 60));
    assertThat(RateUnit.parse("requests per 5 min")).isEqualTo(new RateUnit(RateUnit.Kind.RATE, 300));
    assertThat(RateUnit.parse("requests/5min")).isEqualTo(new RateUnit(RateUnit.Kind.RATE, 300));
    assertThat(RateUnit.parse("logins/h")).isEqualTo(new RateUnit(RateUnit.Kind.RATE, 3_600));
    assertThat(RateUnit.parse("page views per day")).isEqualTo(new RateUnit(RateUnit.Kind.RATE, 86_400));
  }

  @Test
  void aCountWithoutTimeIsPerStepAndALevelIsNoRate() {
    RateUnit count = RateUnit.parse("requests");
    assertThat(count.kind()).isEqualTo(RateUnit.Kind.COUNT_PER_STEP);
    assertThat(count.basisSeconds(300)).isEqualTo(300);
    assertThat(RateUnit.parse("%").kind()).isEqualTo(RateUnit.Kind.NOT_A_RATE);
    assertThat(RateUnit.parse("bytes").kind()).isEqualTo(RateUnit.Kind.NOT_A_RATE);
    assertThat(RateUnit.parse("GiB").kind()).isEqualTo(RateUnit.Kind.NOT_A_RATE);
    assertThat(RateUnit.parse("%").basisSeconds(60)).isZero();
  }
}
