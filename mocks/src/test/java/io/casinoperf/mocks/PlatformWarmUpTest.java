package io.casinoperf.mocks;

import static org.assertj.core.api.Assertions.assertThat;

import io.casinoperf.mocks.conditions.Conditions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The warm-up goes through the platform's endpoints and leaves no player behind. */
class PlatformWarmUpTest {
  private PlatformMock platform;

  @BeforeEach
  void start() {
    platform = PlatformMock.start(PlatformMockConfig.defaults().withConditions(Conditions.none()));
  }

  @AfterEach
  void stop() {
    platform.close();
  }

  @Test
  void everyWarmUpRequestIsAnsweredAndNoWarmUpWalletIsLeft() {
    var result = PlatformWarmUp.run(platform, PlatformMockConfig.DEFAULT_PASSWORD, 2, 3);

    // Per round: login, lobby, balance, 5 spins, deposit, withdrawal, transactions, the channel.
    assertThat(result).isEqualTo(new PlatformWarmUp.Result(2 * 3 * 12, 0));
    assertThat(platform.wallets().reconcileAll()).isEmpty();
  }

  @Test
  void aWarmUpThatCannotLogInStopsAtTheLoginAndMovesNoMoney() {
    var result = PlatformWarmUp.run(platform, "not-the-platforms-password", 2, 3);

    assertThat(result).isEqualTo(new PlatformWarmUp.Result(0, 2));
    assertThat(platform.wallets().reconcileAll()).isEmpty();
  }
}
