package io.casinoperf.simulations;

import static org.assertj.core.api.Assertions.assertThat;

import io.casinoperf.gate.verdict.Gate;
import io.casinoperf.scenarios.MoneyChecks;
import org.junit.jupiter.api.Test;

/** The gate recognises a money mismatch by the words the scenarios write it with. */
class MoneyMismatchPrefixTest {
  @Test
  void theGateAndTheScenariosShareTheMoneyMismatchPrefix() {
    assertThat(Gate.MONEY_MISMATCH_PREFIX).isEqualTo(MoneyChecks.MISMATCH_PREFIX);
  }
}
