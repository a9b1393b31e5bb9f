package io.casinoperf.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PlayerAccountsTest {

  @Test
  void generatesNumberedAccountsWithOnePassword() {
    Iterator<Map<String, Object>> accounts = PlayerAccounts.generated("player-", 41, "pw");

    assertThat(accounts.next()).isEqualTo(Map.of("playerId", "player-000041", "password", "pw"));
    assertThat(accounts.next().get("playerId")).isEqualTo("player-000042");
    assertThat(accounts.hasNext()).isTrue();
  }

  @Test
  void concurrentCallersNeverGetTheSameAccount() {
    Iterator<Map<String, Object>> accounts = PlayerAccounts.generated("p", 1, "pw");
    Set<Object> seen = ConcurrentHashMap.newKeySet();

    IntStream.range(0, 20_000).parallel().forEach(i -> seen.add(accounts.next().get("playerId")));

    assertThat(seen).hasSize(20_000);
  }

  @Test
  void firstNumberMustBePositive() {
    assertThatThrownBy(() -> PlayerAccounts.generated("p", 0, "pw"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
