package io.casinoperf.mocks.spin;

import java.util.random.RandomGenerator;

/**
 * Draws spin outcomes so that the long-run average win is {@code returnToPlayer × stake}.
 *
 * <p>A spin pays its stake times one of a fixed set of multipliers (0, 0.5, 1, 2, 5, 10, 50). The
 * chances of the paying multipliers keep fixed proportions and are scaled together so that the
 * expected multiplier equals the return to player; the rest of the probability is a loss. Wins are
 * rounded down to whole cents, so the realised return is slightly below the target for tiny stakes.
 * Immutable and thread-safe; randomness comes from the caller.
 */
public final class Paytable {
  private static final double[] MULTIPLIERS = {0.5, 1, 2, 5, 10, 50};
  private static final double[] RELATIVE_CHANCES = {0.12, 0.10, 0.08, 0.03, 0.01, 0.001};
  /** Highest return to player these multipliers can reach: every spin pays something. */
  public static final double MAX_RETURN_TO_PLAYER;

  static {
    double chance = 0;
    double expected = 0;
    for (int i = 0; i < MULTIPLIERS.length; i++) {
      chance += RELATIVE_CHANCES[i];
      expected += RELATIVE_CHANCES[i] * MULTIPLIERS[i];
    }
    MAX_RETURN_TO_PLAYER = expected / chance;
  }

  private final double returnToPlayer;
  private final double[] cumulativeChances = new double[MULTIPLIERS.length];

  /**
   * @param returnToPlayer long-run share of stakes paid back, in (0, {@link
   *     #MAX_RETURN_TO_PLAYER}]; 0.96 is typical for slots
   */
  public Paytable(double returnToPlayer) {
    if (!(returnToPlayer > 0 && returnToPlayer <= MAX_RETURN_TO_PLAYER)) {
      throw new IllegalArgumentException(
          "return to player must be in (0, " + MAX_RETURN_TO_PLAYER + "], was " + returnToPlayer);
    }
    this.returnToPlayer = returnToPlayer;
    double baseExpected = 0;
    for (int i = 0; i < MULTIPLIERS.length; i++) {
      baseExpected += RELATIVE_CHANCES[i] * MULTIPLIERS[i];
    }
    double scale = returnToPlayer / baseExpected;
    double cumulative = 0;
    for (int i = 0; i < MULTIPLIERS.length; i++) {
      cumulative += RELATIVE_CHANCES[i] * scale;
      cumulativeChances[i] = cumulative;
    }
  }

  public double returnToPlayer() {
    return returnToPlayer;
  }

  /** The win for one spin of {@code stakeCents}, in cents (zero for a loss). */
  public long drawWinCents(long stakeCents, RandomGenerator random) {
    double u = random.nextDouble();
    for (int i = 0; i < cumulativeChances.length; i++) {
      if (u < cumulativeChances[i]) {
        return (long) Math.floor(stakeCents * MULTIPLIERS[i]);
      }
    }
    return 0;
  }
}
