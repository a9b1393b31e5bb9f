package io.casinoperf.mocks.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WalletTest {
  private final List<BalanceUpdate> pushed = new ArrayList<>();
  private final Wallets wallets =
      new Wallets(
          10_000, 3, new IdempotencyWindow(Duration.ofHours(24), 100),
          Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC), pushed::add);

  @Test
  void retriedDepositWithSameKeyMovesMoneyOnce() {
    Wallet wallet = wallets.open("p1");
    var first = (WalletOutcome.Applied) wallet.deposit("k1", 500);
    var retry = (WalletOutcome.Applied) wallet.deposit("k1", 500);

    assertThat(first.replayed()).isFalse();
    assertThat(retry.replayed()).isTrue();
    assertThat(retry.transaction()).isEqualTo(first.transaction());
    assertThat(wallet.balanceCents()).isEqualTo(10_500);
    assertThat(wallet.transactionCount()).isOne();
    assertThat(pushed).hasSize(1);
  }

  @Test
  void keyReusedForAnotherRequestMovesNothing() {
    Wallet wallet = wallets.open("p1");
    wallet.deposit("k1", 500);

    assertThat(wallet.withdraw("k1", 500)).isEqualTo(new WalletOutcome.KeyReused("k1"));
    assertThat(wallet.deposit("k1", 600)).isEqualTo(new WalletOutcome.KeyReused("k1"));
    assertThat(wallet.balanceCents()).isEqualTo(10_500);
  }

  @Test
  void insufficientFundsMovesNothingAndLeavesTheKeyUnused() {
    Wallet wallet = wallets.open("p1");

    assertThat(wallet.spin("k1", "g", 10_001, 0))
        .isEqualTo(new WalletOutcome.InsufficientFunds(10_000, 10_001));
    wallet.deposit("top-up", 1);
    var retried = (WalletOutcome.Applied) wallet.spin("k1", "g", 10_001, 0);

    assertThat(retried.replayed()).isFalse();
    assertThat(wallet.balanceCents()).isZero();
  }

  @Test
  void spinDebitsStakeAndCreditsWinAsOneEntry() {
    Wallet wallet = wallets.open("p1");
    var spin = (WalletOutcome.Applied) wallet.spin("k1", "lucky", 200, 500);

    assertThat(spin.transaction().type()).isEqualTo(TransactionType.SPIN);
    assertThat(spin.transaction().balanceAfterCents()).isEqualTo(10_300);
    assertThat(spin.transaction().balanceChangeCents()).isEqualTo(300);
    assertThat(pushed.get(0))
        .isEqualTo(new BalanceUpdate("p1", 1, 10_300, spin.transaction().id(), TransactionType.SPIN));
  }

  @Test
  void reconciliationAddsUpEveryKindOfMovement() {
    Wallet wallet = wallets.open("p1");
    wallet.deposit("a", 1_000);
    wallet.withdraw("b", 300);
    wallet.spin("c", "g", 100, 0);
    wallet.spin("d", "g", 100, 250);

    WalletReconciliation r = wallet.reconcile();

    assertThat(r.balanced()).isTrue();
    assertThat(r.expectedBalanceCents()).isEqualTo(10_000 + 1_000 - 300 - 200 + 250);
    assertThat(r.balanceCents()).isEqualTo(10_750);
    assertThat(r.transactionCount()).isEqualTo(4);
  }

  @Test
  void aLostDepositIsAnsweredAsAppliedButNeverBooked() {
    Wallet wallet = wallets.open("p1");
    wallet.deposit("a", 1_000);
    wallets.loseNextDeposit("p1");

    var lost = (WalletOutcome.Applied) wallet.deposit("b", 2_500);
    var retry = (WalletOutcome.Applied) wallet.deposit("b", 2_500);
    var next = (WalletOutcome.Applied) wallet.deposit("c", 100);

    assertThat(lost.replayed()).isFalse();
    assertThat(lost.transaction().balanceAfterCents()).as("the balance it claims").isEqualTo(13_500);
    assertThat(retry.replayed()).isTrue();
    assertThat(retry.transaction()).isEqualTo(lost.transaction());
    assertThat(wallet.balanceCents()).as("only the booked deposits").isEqualTo(11_100);
    assertThat(wallet.recentTransactions(10)).extracting(Transaction::id)
        .containsExactly(next.transaction().id(), "tx-p1-1")
        .doesNotContain(lost.transaction().id());
    assertThat(next.transaction().id()).as("ids stay unique").isEqualTo("tx-p1-3");
    assertThat(wallet.transactionCount()).as("booked transactions only").isEqualTo(2);
    assertThat(wallet.lostDeposits()).containsExactly(lost.transaction());
    assertThat(wallet.reconcile().balanced()).as("the platform's own books still add up").isTrue();
    assertThat(pushed).extracting(BalanceUpdate::transactionId, BalanceUpdate::sequence)
        .containsExactly(tuple("tx-p1-1", 1L), tuple("tx-p1-3", 2L));
  }

  @Test
  void keepsOnlyTheNewestTransactionsNewestFirst() {
    Wallet wallet = wallets.open("p1");
    for (int i = 1; i <= 5; i++) {
      wallet.deposit("k" + i, i);
    }

    var recent = wallet.recentTransactions(10);

    assertThat(recent).extracting(Transaction::amountCents).containsExactly(5L, 4L, 3L);
    assertThat(wallet.recentTransactions(2)).hasSize(2);
  }

  @Test
  void aRetryJustInsideTheRetentionIsStillAReplayAndJustAfterItMovesMoney() {
    SettableClock clock = new SettableClock(Instant.parse("2026-01-01T00:00:00Z"));
    Wallet wallet = new Wallets(10_000, 3, new IdempotencyWindow(Duration.ofHours(24), 100),
        clock, update -> {}).open("p1");
    wallet.deposit("k1", 500);

    clock.advance(Duration.ofHours(24).minusMillis(1));
    var justInside = (WalletOutcome.Applied) wallet.deposit("k1", 500);
    clock.advance(Duration.ofMillis(1));
    var atTheEdge = (WalletOutcome.Applied) wallet.deposit("k1", 500);

    assertThat(justInside.replayed()).isTrue();
    assertThat(atTheEdge.replayed()).as("forgotten exactly 24 h after first use").isFalse();
    assertThat(wallet.balanceCents()).isEqualTo(11_000);
  }

  @Test
  void manyNewerKeysNeverMakeAnOldKeyWithinItsRetentionMoveMoneyAgain() {
    SettableClock clock = new SettableClock(Instant.parse("2026-01-01T00:00:00Z"));
    Wallet wallet = new Wallets(10_000, 3, IdempotencyWindow.defaults(), clock, update -> {})
        .open("p1");
    wallet.deposit("first", 100);
    for (int i = 0; i < 1_000; i++) {
      clock.advance(Duration.ofSeconds(1));
      wallet.spin("spin-" + i, "lucky-sevens", 1, 0);
    }

    var replay = (WalletOutcome.Applied) wallet.deposit("first", 100);

    assertThat(replay.replayed()).isTrue();
    assertThat(wallet.reconcile().depositsCents()).isEqualTo(100);
  }

  @Test
  void aFullWindowRefusesNewKeysButStillReplaysTheRememberedOnes() {
    SettableClock clock = new SettableClock(Instant.parse("2026-01-01T00:00:00Z"));
    Wallet wallet = new Wallets(10_000, 3, new IdempotencyWindow(Duration.ofMinutes(10), 3),
        clock, update -> {}).open("p1");
    for (int i = 1; i <= 3; i++) {
      wallet.deposit("k" + i, 100);
      clock.advance(Duration.ofMinutes(1));
    }

    WalletOutcome refused = wallet.deposit("k4", 100);
    var replay = (WalletOutcome.Applied) wallet.deposit("k1", 100);
    clock.advance(Duration.ofMinutes(7));
    var afterTheEldestExpired = (WalletOutcome.Applied) wallet.deposit("k4", 100);

    assertThat(refused).isEqualTo(new WalletOutcome.WindowFull(3, Duration.ofMinutes(7)));
    assertThat(replay.replayed()).isTrue();
    assertThat(afterTheEldestExpired.replayed()).isFalse();
    assertThat(wallet.balanceCents()).isEqualTo(10_400);
  }

  @Test
  void walletsOpenOncePerPlayerAndReconcileInPlayerOrder() {
    assertThat(wallets.open("b")).isSameAs(wallets.open("b"));
    wallets.open("a");

    assertThat(wallets.reconcileAll()).extracting(WalletReconciliation::playerId)
        .containsExactly("a", "b");
    assertThat(wallets.find("nobody")).isEmpty();
  }

  /** A clock that moves only when told. */
  private static final class SettableClock extends Clock {
    private Instant now;

    SettableClock(Instant start) {
      now = start;
    }

    void advance(Duration step) {
      now = now.plus(step);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
