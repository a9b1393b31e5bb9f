package io.casinoperf.gate.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;

/**
 * Big-endian reads from a file channel through one reusable buffer: the file is streamed, never
 * held whole. Running out of input in the middle of a value throws {@link EndOfInput}.
 */
final class ByteCursor {
  /** Thrown when the file ends before the bytes a read needs; carries no stack trace. */
  static final class EndOfInput extends Exception {
    EndOfInput() {
      super(null, null, false, false);
    }
  }

  private static final EndOfInput END = new EndOfInput();

  private final FileChannel channel;
  private final ByteBuffer buffer;
  private long bufferStartOffset;
  private boolean channelDone;

  ByteCursor(FileChannel channel, int bufferBytes) {
    this.channel = channel;
    this.buffer = ByteBuffer.allocate(bufferBytes).order(ByteOrder.BIG_ENDIAN);
    this.buffer.limit(0);
  }

  /** Offset in the file of the next byte to be read. */
  long offset() {
    return bufferStartOffset + buffer.position();
  }

  /** True when every byte of the file has been read. */
  boolean atEnd() throws IOException {
    return !ensureAvailable(1);
  }

  byte readByte() throws IOException, EndOfInput {
    need(1);
    return buffer.get();
  }

  int readInt() throws IOException, EndOfInput {
    need(Integer.BYTES);
    return buffer.getInt();
  }

  long readLong() throws IOException, EndOfInput {
    need(Long.BYTES);
    return buffer.getLong();
  }

  /** Reads {@code length} bytes into a new array; long values may span several buffer fills. */
  byte[] readBytes(int length) throws IOException, EndOfInput {
    byte[] bytes = new byte[length];
    int copied = 0;
    while (copied < length) {
      if (!ensureAvailable(1)) {
        throw END;
      }
      int chunk = Math.min(length - copied, buffer.remaining());
      buffer.get(bytes, copied, chunk);
      copied += chunk;
    }
    return bytes;
  }

  private void need(int bytes) throws IOException, EndOfInput {
    if (buffer.remaining() < bytes && !ensureAvailable(bytes)) {
      throw END;
    }
  }

  /** Refills until {@code bytes} are available or the file ends; false if it ended first. */
  private boolean ensureAvailable(int bytes) throws IOException {
    while (buffer.remaining() < bytes) {
      if (channelDone) {
        return false;
      }
      bufferStartOffset += buffer.position();
      buffer.compact();
      int read = channel.read(buffer);
      buffer.flip();
      if (read < 0) {
        channelDone = true;
      }
    }
    return true;
  }
}
