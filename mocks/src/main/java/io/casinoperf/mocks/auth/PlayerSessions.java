package io.casinoperf.mocks.auth;

import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Logins and bearer tokens. Any player id of 1–64 letters, digits, '-' or '_' may log in with the
 * platform's configured password; a new login replaces the player's previous token (one active
 * session per player), so memory grows only with the number of players. Thread-safe.
 */
public final class PlayerSessions {
  private static final Pattern PLAYER_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  private final String password;
  private final ConcurrentMap<String, String> playerByToken = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, String> tokenByPlayer = new ConcurrentHashMap<>();

  public PlayerSessions(String password) {
    this.password = password;
  }

  /** A new token for the player, or empty when the id or password is wrong. */
  public Optional<String> login(String playerId, String candidatePassword) {
    if (playerId == null
        || candidatePassword == null
        || !isPlayerId(playerId)
        || !password.equals(candidatePassword)) {
      return Optional.empty();
    }
    String token = newToken();
    // Atomic per player: of two concurrent logins, the one that wins here holds the only token.
    tokenByPlayer.compute(
        playerId,
        (id, previous) -> {
          if (previous != null) {
            playerByToken.remove(previous);
          }
          playerByToken.put(token, id);
          return token;
        });
    return Optional.of(token);
  }

  /** True for an id a player may log in with: 1–64 letters, digits, '-' or '_'. */
  public static boolean isPlayerId(String candidate) {
    return candidate != null && PLAYER_ID.matcher(candidate).matches();
  }

  /** The player a token belongs to, if the token is current. */
  public Optional<String> playerFor(String token) {
    return token == null ? Optional.empty() : Optional.ofNullable(playerByToken.get(token));
  }

  private static String newToken() {
    byte[] bytes = new byte[16];
    ThreadLocalRandom.current().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
