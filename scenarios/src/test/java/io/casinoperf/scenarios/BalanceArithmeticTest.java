package io.casinoperf.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BalanceArithmeticTest {

  @Test
  void spinThatAddsUpIsConsistent() {
    Map<String, Object> body = Map.of("stakeCents", 100, "winCents", 250L, "balanceCents", 10_150);

    assertThat(BalanceArithmetic.spin(body, 10_000, 100)).isEqualTo(BalanceArithmetic.CONSISTENT);
  }

  @Test
  void spinWithLostOrDoubledUpdateShowsTheNumbers() {
    Map<String, Object> doubled = Map.of("stakeCents", 100, "winCents", 0, "balanceCents", 9_800);

    assertThat(BalanceArithmetic.spin(doubled, 10_000, 100))
        .isEqualTo("balance 9800 != 10000 - 100 + 0 = 9900");
  }

  @Test
  void spinOfAnotherStakeOrNegativeWinIsInconsistent() {
    assertThat(BalanceArithmetic.spin(
            Map.of("stakeCents", 200, "winCents", 0, "balanceCents", 9_800), 10_000, 100))
        .isEqualTo("stake 200 differs from the stake played 100");
    assertThat(BalanceArithmetic.spin(
            Map.of("stakeCents", 100, "winCents", -5, "balanceCents", 9_895), 10_000, 100))
        .isEqualTo("negative win -5");
  }

  @Test
  void spinResponseWithoutTheFieldsIsInconsistent() {
    assertThat(BalanceArithmetic.spin(Map.of("error", "oops"), 10_000, 100))
        .startsWith("spin response lacks");
  }

  @Test
  void transfersAddOrSubtractTheAmount() {
    assertThat(BalanceArithmetic.transfer(
            Map.of("amountCents", 2_500, "balanceCents", 12_500), 10_000, 2_500, true))
        .isEqualTo(BalanceArithmetic.CONSISTENT);
    assertThat(BalanceArithmetic.transfer(
            Map.of("amountCents", 1_000, "balanceCents", 9_000), 10_000, 1_000, false))
        .isEqualTo(BalanceArithmetic.CONSISTENT);
    assertThat(BalanceArithmetic.transfer(
            Map.of("amountCents", 1_000, "balanceCents", 11_000), 10_000, 1_000, false))
        .isEqualTo("balance 11000 != 10000 - 1000 = 9000");
  }
}
