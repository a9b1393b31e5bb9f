package io.casinoperf.simulations.run;

import io.casinoperf.simulations.settings.RunSettings;
import static io.gatling.javaapi.core.CoreDsl.csv;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;

import io.casinoperf.scenarios.PlayerAccounts;
import io.gatling.javaapi.core.ChainBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where a run's players come from: {@code -Dplayers=accounts.csv} (columns playerId,password, each
 * account used by one virtual user at a time: the run stops when the file runs out), or distinct
 * generated accounts that the embedded mock accepts. With {@code -Dshard=i/n} each injector takes
 * its own accounts: every n-th row of the file from row i, or generated numbers from
 * 1 + (i − 1) × 10,000,000.
 */
public final class Accounts {
  private Accounts() {}

  /** A step that puts the next account in the session; share one per run for distinct players. */
  public static ChainBuilder nextAccount(RunSettings settings) {
    RunSettings.Shard shard = settings.shard();
    if (settings.playersFile().isPresent()) {
      var file = csv(settings.playersFile().get().toString());
      if (shard.count() == 1) {
        return feed(file.queue());
      }
      // Every n-th row, from row i: the shards' accounts never overlap.
      List<Map<String, Object>> rows = file.readRecords();
      List<Map<String, Object>> mine = new ArrayList<>();
      for (int row = 0; row < rows.size(); row++) {
        if (shard.owns(row)) {
          mine.add(rows.get(row));
        }
      }
      return feed(listFeeder(mine).queue());
    }
    return feed(PlayerAccounts.generated("player-", shard.firstAccount(), settings.playerPassword().reveal()));
  }
}
