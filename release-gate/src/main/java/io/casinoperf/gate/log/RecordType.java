package io.casinoperf.gate.log;

/** The type byte that opens each record of a {@code simulation.log}. */
final class RecordType {
  static final byte RUN = 0;
  static final byte REQUEST = 1;
  static final byte USER = 2;
  static final byte GROUP = 3;
  static final byte ERROR = 4;

  private RecordType() {}
}
