package io.casinoperf.scenarios.breaker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the live metrics count as OK (what the breaker counts as an error: CircuitBreakerTest). */
class HttpOutcomesTest {
  @Test
  void aUserThatHadNotFailedFailedTheRequestExactlyWhenItIsFailedNow() {
    assertThat(HttpOutcomes.isOk(false, false, 200)).isTrue();
    assertThat(HttpOutcomes.isOk(false, true, 200)).as("a body check failed").isFalse();
    assertThat(HttpOutcomes.isOk(false, true, null)).as("no answer").isFalse();
  }

  @Test
  void forAUserAlreadyFailedTheAnswerDecides() {
    assertThat(HttpOutcomes.isOk(true, true, 200)).isTrue();
    assertThat(HttpOutcomes.isOk(true, true, 304)).isTrue();
    assertThat(HttpOutcomes.isOk(true, true, 402)).isFalse();
    assertThat(HttpOutcomes.isOk(true, true, 503)).isFalse();
    assertThat(HttpOutcomes.isOk(true, true, null)).isFalse();
  }
}
