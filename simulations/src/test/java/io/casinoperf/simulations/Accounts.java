package io.casinoperf.simulations;

import static io.gatling.javaapi.core.CoreDsl.csv;
import static io.gatling.javaapi.core.CoreDsl.feed;

import io.casinoperf.scenarios.PlayerAccounts;
import io.gatling.javaapi.core.ChainBuilder;

/**
 * Where a run's players come from: {@code -Dplayers=accounts.csv} (columns playerId,password, each
 * account used by one virtual user at a time: the run stops when the file runs out), or distinct
 * generated accounts that the embedded mock accepts.
 */
final class Accounts {
  private Accounts() {}

  /** A step that puts the next account in the session; share one per run for distinct players. */
  static ChainBuilder nextAccount(RunSettings settings) {
    if (settings.playersFile().isPresent()) {
      return feed(csv(settings.playersFile().get().toString()).queue());
    }
    return feed(PlayerAccounts.generated("player-", 1, settings.playerPassword()));
  }
}
