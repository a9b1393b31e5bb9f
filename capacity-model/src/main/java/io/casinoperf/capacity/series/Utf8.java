package io.casinoperf.capacity.series;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Finds where a text file stops being UTF-8. A reader decodes ahead of the row it hands out, so
 * the row being read when decoding fails is not the row with the bad byte; this reads the file
 * again, byte by byte position, to name the right line.
 */
final class Utf8 {
  private Utf8() {}

  /**
   * The error naming the line and column (in characters) of the first byte sequence of {@code
   * file} that is not UTF-8; null when every byte is valid (the file changed since).
   */
  static MetricsFormatException firstInvalidByte(Path file) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
    ByteBuffer in = ByteBuffer.allocate(64 * 1024);
    CharBuffer out = CharBuffer.allocate(64 * 1024);
    long line = 1;
    long column = 1;
    boolean afterCarriageReturn = false;
    try (InputStream stream = Files.newInputStream(file)) {
      boolean end = false;
      while (true) {
        if (!end) {
          int read = stream.read(in.array(), in.position(), in.remaining());
          if (read < 0) {
            end = true;
          } else {
            in.position(in.position() + read);
          }
        }
        in.flip();
        CoderResult result = decoder.decode(in, out, end);
        out.flip();
        while (out.hasRemaining()) {
          char c = out.get();
          if (c == '\n' && afterCarriageReturn) {
            afterCarriageReturn = false;
          } else if (c == '\n' || c == '\r') {
            line++;
            column = 1;
            afterCarriageReturn = c == '\r';
          } else {
            afterCarriageReturn = false;
            column++;
          }
        }
        out.clear();
        if (result.isError()) {
          return new MetricsFormatException(file, line, String.format(Locale.ROOT,
              "byte 0x%02X at column %d is not UTF-8; save the file as UTF-8",
              in.get(in.position()) & 0xFF, column));
        }
        in.compact();
        if (end && result.isUnderflow()) {
          return null;
        }
      }
    } catch (IOException e) {
      return null;
    }
  }
}
