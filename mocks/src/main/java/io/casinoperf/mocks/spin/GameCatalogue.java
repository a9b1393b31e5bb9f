package io.casinoperf.mocks.spin;

import java.util.Map;
import java.util.Optional;

/**
 * The games a player can spin, by id, with their stake limits in cents. Immutable.
 *
 * <p>Read from the same file the lobby endpoint serves, so the lobby and the spin endpoint agree.
 */
public final class GameCatalogue {
  /** Stake limits of one game, in cents. */
  public record Game(String id, String name, long minStakeCents, long maxStakeCents) {}

  private final Map<String, Game> byId;

  public GameCatalogue(Map<String, Game> byId) {
    this.byId = Map.copyOf(byId);
  }

  public Optional<Game> find(String gameId) {
    return gameId == null ? Optional.empty() : Optional.ofNullable(byId.get(gameId));
  }

  public int size() {
    return byId.size();
  }
}
