package io.casinoperf.simulations.settings;

import java.util.Objects;

/**
 * A password: its text comes out only through {@link #reveal()}, where a request needs it, never
 * through {@link #toString()}, so a setting logged or printed whole cannot carry it into a console
 * or a report.
 */
public final class Secret {
  private final String value;
  private final String source;

  /**
   * @param value the secret text, not empty
   * @param source where it came from, for messages: "CASINOPERF_PLAYER_PASSWORD", "the default", …
   */
  public Secret(String value, String source) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException("a secret must not be empty");
    }
    this.value = value;
    this.source = Objects.requireNonNull(source);
  }

  public String reveal() {
    return value;
  }

  /** Where the secret came from (never the secret itself). */
  public String source() {
    return source;
  }

  @Override
  public String toString() {
    return "(secret from " + source + ")";
  }
}
