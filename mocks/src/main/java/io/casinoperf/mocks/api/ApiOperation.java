package io.casinoperf.mocks.api;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The platform operation a stub mapping stands for, named by its {@code operation} parameter. */
enum ApiOperation {
  LOGIN(false),
  LOBBY(true),
  BALANCE(true),
  SPIN(true),
  DEPOSIT(true),
  WITHDRAWAL(true),
  TRANSACTIONS(true);

  private final boolean needsPlayer;

  ApiOperation(boolean needsPlayer) {
    this.needsPlayer = needsPlayer;
  }

  boolean needsPlayer() {
    return needsPlayer;
  }

  static ApiOperation parse(String name) {
    for (ApiOperation operation : values()) {
      if (operation.name().toLowerCase(Locale.ROOT).equals(name)) {
        return operation;
      }
    }
    throw new IllegalArgumentException(
        "stub parameter 'operation' is '"
            + name
            + "', expected one of "
            + Arrays.stream(values())
                .map(o -> o.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", ")));
  }
}
