package io.casinoperf.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MoneyChecksTest {
  private static Map<String, Object> listed(String id, String key) {
    return Map.of("id", id, "idempotencyKey", key, "type", "DEPOSIT");
  }

  /** Opening balance 100,000 cents, no transactions; a deposit of 2,500 and a lost spin of 100. */
  private static final Ledger DEPOSIT_THEN_SPIN =
      Ledger.opening(100_000, 0)
          .add(new Ledger.Movement("tx-p-1", "k1", 2_500))
          .add(new Ledger.Movement("tx-p-2", "k2", -100));

  @Test
  void aWalletThatMatchesTheLedgerIsReconciled() {
    List<?> list = List.of(listed("tx-p-2", "k2"), listed("tx-p-1", "k1"));

    assertThat(MoneyChecks.compare("p", 102_400, 2, list, DEPOSIT_THEN_SPIN))
        .isEqualTo(MoneyChecks.RECONCILED);
  }

  @Test
  void aLostDepositNamesThePlayerTheBalancesAndTheMissingTransaction() {
    List<?> list = List.of(listed("tx-p-2", "k2"));

    assertThat(MoneyChecks.compare("p", 99_900, 1, list, DEPOSIT_THEN_SPIN))
        .isEqualTo("player p: balance 99900 cents, expected 102400 cents (-2500);"
            + " transactions 1, expected 2; missing tx-p-1; unexpected none");
  }

  @Test
  void aRetryBookedTwiceIsNamedAsUnexpected() {
    List<?> list = List.of(listed("tx-p-3", "k1"), listed("tx-p-2", "k2"), listed("tx-p-1", "k1"));

    assertThat(MoneyChecks.compare("p", 104_900, 3, list, DEPOSIT_THEN_SPIN))
        .isEqualTo("player p: balance 104900 cents, expected 102400 cents (+2500);"
            + " transactions 3, expected 2; missing none; unexpected tx-p-3");
  }

  @Test
  void aListCutShortVouchesOnlyForMovementsAfterTheOldestItStillShows() {
    Ledger ledger = Ledger.opening(100_000, 8)
        .add(new Ledger.Movement("tx-p-9", "k9", 10))
        .add(new Ledger.Movement("tx-p-10", "k10", 10))
        .add(new Ledger.Movement("tx-p-11", "k11", 10));
    List<?> newestTwo = List.of(listed("tx-p-11", "k11"), listed("tx-p-10", "k10"));
    List<?> newestTwoWithAGap = List.of(listed("tx-p-12", "x"), listed("tx-p-10", "k10"));

    assertThat(MoneyChecks.compare("p", 100_030, 11, newestTwo, ledger))
        .isEqualTo(MoneyChecks.RECONCILED);
    assertThat(MoneyChecks.compare("p", 100_030, 11, newestTwoWithAGap, ledger))
        .endsWith("missing tx-p-11; unexpected none");
  }

  @Test
  void withoutTheListTheBalanceAndCountStillDecide() {
    assertThat(MoneyChecks.compare("p", 102_400, 2, null, DEPOSIT_THEN_SPIN))
        .isEqualTo(MoneyChecks.RECONCILED);
    assertThat(MoneyChecks.compare("p", 99_900, 1, null, DEPOSIT_THEN_SPIN))
        .isEqualTo("player p: balance 99900 cents, expected 102400 cents (-2500);"
            + " transactions 1, expected 2; transaction list unavailable");
    assertThat(MoneyChecks.compare("p", 99_900, 1, List.of(Map.of("type", "SPIN")), DEPOSIT_THEN_SPIN))
        .as("entries without ids cannot be compared")
        .endsWith("; transaction list unavailable");
  }

  @Test
  void aMismatchNamesAtMostFiveIdsPerKindAndCountsTheRest() {
    Ledger ledger = Ledger.opening(0, 0);
    for (int i = 1; i <= 7; i++) {
      ledger = ledger.add(new Ledger.Movement("tx-" + i, "k" + i, 1));
    }

    assertThat(MoneyChecks.compare("p", 0, 0, List.of(), ledger))
        .endsWith("missing tx-1, tx-2, tx-3, tx-4, tx-5 and 2 more; unexpected none");
  }

  @Test
  void theLedgerTotalsEveryMovementAndKeepsTheNewestHundred() {
    Ledger ledger = Ledger.opening(1_000, 5);
    List<String> ids = new ArrayList<>();
    for (int i = 1; i <= 150; i++) {
      ledger = ledger.add(new Ledger.Movement("tx-" + i, "k" + i, i % 2 == 0 ? 30 : -10));
      ids.add("tx-" + i);
    }

    assertThat(ledger.balanceCents()).isEqualTo(1_000 + 75 * 30 - 75 * 10);
    assertThat(ledger.transactions()).isEqualTo(155);
    assertThat(ledger.newest()).extracting(Ledger.Movement::transactionId)
        .containsExactlyElementsOf(ids.subList(50, 150));
  }
}
