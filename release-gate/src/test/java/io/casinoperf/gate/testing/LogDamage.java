package io.casinoperf.gate.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Damages a written log in place, as a bad disk, a bad copy or a hand edit would: values
 * overwritten at a byte offset, big-endian like the format.
 */
public final class LogDamage {
  private LogDamage() {}

  /** Sets the byte at {@code offset} to {@code value} (its low 8 bits). */
  public static Path setByte(Path log, long offset, int value) {
    return overwrite(log, offset, new byte[] {(byte) value});
  }

  /** Overwrites the four bytes at {@code offset} with {@code value}. */
  public static Path setInt(Path log, long offset, int value) {
    return overwrite(log, offset, ByteBuffer.allocate(Integer.BYTES).putInt(value).array());
  }

  /** Overwrites the eight bytes at {@code offset} with {@code value}. */
  public static Path setLong(Path log, long offset, long value) {
    return overwrite(log, offset, ByteBuffer.allocate(Long.BYTES).putLong(value).array());
  }

  private static Path overwrite(Path log, long offset, byte[] value) {
    try {
      byte[] bytes = Files.readAllBytes(log);
      if (offset < 0 || offset + value.length > bytes.length) {
        throw new IllegalArgumentException("offset " + offset + " is outside " + log + " ("
            + bytes.length + " bytes)");
      }
      System.arraycopy(value, 0, bytes, (int) offset, value.length);
      return Files.write(log, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
