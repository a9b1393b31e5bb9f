package io.casinoperf.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class HealthRulesTest {
  private static final HealthRules.Thresholds BOUNDS = HealthRules.Thresholds.defaults();

  /** 100 s, calm: every figure well inside its bound. */
  private static InjectorHealth.Summary calm() {
    return new InjectorHealth.Summary(100, 3, 20, 300, 15, 40, 60, 0, 0.9, 1000, 1000, 5);
  }

  private static InjectorHealth.Summary with(double lagP99, double lagMax, double gcTotal,
      double longestGc, long contended, long planned, long started, double late) {
    return new InjectorHealth.Summary(100, lagP99, lagMax, gcTotal, longestGc, 40, 60, contended,
        0.9, planned, started, late);
  }

  @Test
  void aCalmRunIsHealthy() {
    assertThat(HealthRules.reasons(calm(), BOUNDS)).isEmpty();
    assertThat(HealthRules.status(HealthRules.reasons(calm(), BOUNDS)))
        .isEqualTo(InjectorHealth.Status.HEALTHY);
  }

  @Test
  void eachRuleFiresJustAboveItsBoundAndNotAtIt() {
    assertThat(HealthRules.reasons(with(50, 20, 0, 0, 0, 0, 0, 0), BOUNDS)).isEmpty();
    assertThat(HealthRules.reasons(with(50.5, 20, 0, 0, 0, 0, 0, 0), BOUNDS))
        .containsExactly("scheduling lag p99 50.5 ms (at most 50 ms)");
    assertThat(HealthRules.reasons(with(3, 100, 0, 100, 0, 0, 0, 0), BOUNDS)).isEmpty();
    assertThat(HealthRules.reasons(with(3, 101, 0, 0, 0, 0, 0, 0), BOUNDS))
        .containsExactly("the injector stalled for 101 ms (at most 100 ms)");
    assertThat(HealthRules.reasons(with(3, 20, 0, 101, 0, 0, 0, 0), BOUNDS))
        .containsExactly("a GC pause of 101 ms (at most 100 ms)");
    // 100 s of run: 5 % is 5,000 ms of pauses.
    assertThat(HealthRules.reasons(with(3, 20, 5_000, 10, 0, 0, 0, 0), BOUNDS)).isEmpty();
    assertThat(HealthRules.reasons(with(3, 20, 5_100, 10, 0, 0, 0, 0), BOUNDS))
        .containsExactly("GC pauses took 5.1 % of the run (at most 5 %)");
    // 2 % of 1,000 planned users may be missing: 980 started is fine, 979 is not.
    assertThat(HealthRules.reasons(with(3, 20, 0, 0, 0, 1000, 980, 0), BOUNDS)).isEmpty();
    assertThat(HealthRules.reasons(with(3, 20, 0, 0, 0, 1000, 979, 0), BOUNDS))
        .containsExactly("979 of 1000 planned users started (2.1 % short, at most 2 %)");
    assertThat(HealthRules.reasons(with(3, 20, 0, 0, 0, 1000, 1000, 251), BOUNDS))
        .containsExactly("users started up to 251 ms behind the plan (p99; at most 250 ms)");
    // 20 % of 100 s may be contended.
    assertThat(HealthRules.reasons(with(3, 20, 0, 0, 20, 0, 0, 0), BOUNDS)).isEmpty();
    assertThat(HealthRules.reasons(with(3, 20, 0, 0, 21, 0, 0, 0), BOUNDS)).singleElement()
        .asString().startsWith("the machine was oversubscribed in 21 of 100 s");
  }

  @Test
  void aFigureJustAboveItsBoundCarriesTheDigitsThatShowIt() {
    assertThat(HealthRules.reasons(with(3, 100.4, 0, 0, 0, 0, 0, 0), BOUNDS))
        .containsExactly("the injector stalled for 100.4 ms (at most 100 ms)");
    assertThat(HealthRules.reasons(with(3, 20, 0, 100.04, 0, 0, 0, 0), BOUNDS))
        .containsExactly("a GC pause of 100.04 ms (at most 100 ms)");
    assertThat(HealthRules.reasons(with(3, 20, 5_004, 10, 0, 0, 0, 0), BOUNDS))
        .containsExactly("GC pauses took 5.004 % of the run (at most 5 %)");
    HealthRules.Thresholds fractional = BOUNDS.with(Map.of("lagMaxMillis", "12.5"));
    assertThat(HealthRules.reasons(with(3, 12.6, 0, 0, 0, 0, 0, 0), fractional))
        .containsExactly("the injector stalled for 12.6 ms (at most 12.5 ms)");
  }

  @Test
  void arrivalsAreNotJudgedWithoutAPlan() {
    assertThat(HealthRules.reasons(with(3, 20, 0, 0, 0, 0, 5, 900), BOUNDS)).isEmpty();
  }

  @Test
  void aSecondIsContendedWhenTheMachineIsBusyAndOthersHoldMuchOfIt() {
    assertThat(HealthRules.contended(second(95, 60), BOUNDS)).isTrue();
    assertThat(HealthRules.contended(second(95, 75), BOUNDS)).as("the injector itself is busy").isFalse();
    assertThat(HealthRules.contended(second(80, 10), BOUNDS)).as("the machine has room").isFalse();
    assertThat(HealthRules.contended(second(-1, 10), BOUNDS)).as("machine CPU unknown").isFalse();
  }

  @Test
  void boundsCanBeChangedByNameAndBadOnesAreRefused() {
    HealthRules.Thresholds strict = BOUNDS.with(Map.of("lagP99Millis", "5", "gcPausePercent", "1"));
    assertThat(strict.lagP99Millis()).isEqualTo(5);
    assertThat(strict.gcPausePercent()).isEqualTo(1);
    assertThat(strict.lagMaxMillis()).isEqualTo(BOUNDS.lagMaxMillis());
    assertThatThrownBy(() -> BOUNDS.with(Map.of("lagP99", "5")))
        .hasMessageStartingWith("health.lagP99: no such bound; expected one of lagP99Millis,");
    assertThatThrownBy(() -> BOUNDS.with(Map.of("lagP99Millis", "-1")))
        .hasMessage("health.lagP99Millis=-1: expected a number >= 0");
    assertThatThrownBy(() -> BOUNDS.with(Map.of("lagP99Millis", "soon")))
        .hasMessage("health.lagP99Millis=soon: expected a number >= 0");
  }

  private static InjectorHealth.Second second(double machine, double process) {
    return new InjectorHealth.Second(0, 1, 2, 0, 0, process, machine, 1, 0, 0);
  }
}
