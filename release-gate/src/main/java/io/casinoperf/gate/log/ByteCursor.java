package io.casinoperf.gate.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Big-endian reads from a file channel through one reusable buffer: the file is streamed, never
 * held whole. Running out of input in the middle of a value throws {@link EndOfInput}. Values are
 * put together from a plain byte array: the few shifts are what every record costs, and they stay
 * cheap before the JIT has optimised anything, which is most of a short command's life.
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
  private final byte[] bytes;
  private final ByteBuffer buffer;
  /** Next byte to read, and the end of the bytes read so far, in {@link #bytes}. */
  private int position;
  private int limit;
  private long bufferStartOffset;
  private boolean channelDone;

  ByteCursor(FileChannel channel, int bufferBytes) {
    this.channel = channel;
    this.bytes = new byte[bufferBytes];
    this.buffer = ByteBuffer.wrap(bytes);
  }

  /** Offset in the file of the next byte to be read. */
  long offset() {
    return bufferStartOffset + position;
  }

  /** True when every byte of the file has been read. */
  boolean atEnd() throws IOException {
    return !ensureAvailable(1);
  }

  byte readByte() throws IOException, EndOfInput {
    if (position == limit) {
      need(1);
    }
    return bytes[position++];
  }

  int readInt() throws IOException, EndOfInput {
    if (limit - position < Integer.BYTES) {
      need(Integer.BYTES);
    }
    int p = position;
    position = p + Integer.BYTES;
    return bytes[p] << 24 | (bytes[p + 1] & 0xff) << 16 | (bytes[p + 2] & 0xff) << 8
        | bytes[p + 3] & 0xff;
  }

  long readLong() throws IOException, EndOfInput {
    long high = readInt();
    return high << 32 | readInt() & 0xffffffffL;
  }

  /** Reads {@code length} bytes into a new array; long values may span several buffer fills. */
  byte[] readBytes(int length) throws IOException, EndOfInput {
    byte[] read = new byte[length];
    int copied = 0;
    while (copied < length) {
      if (!ensureAvailable(1)) {
        throw END;
      }
      int chunk = Math.min(length - copied, limit - position);
      System.arraycopy(bytes, position, read, copied, chunk);
      position += chunk;
      copied += chunk;
    }
    return read;
  }

  private void need(int count) throws IOException, EndOfInput {
    if (!ensureAvailable(count)) {
      throw END;
    }
  }

  /** Refills until {@code count} bytes are available or the file ends; false if it ended first. */
  private boolean ensureAvailable(int count) throws IOException {
    while (limit - position < count) {
      if (channelDone) {
        return false;
      }
      // Keep the unread bytes, moved to the front, and fill the rest from the channel.
      int unread = limit - position;
      System.arraycopy(bytes, position, bytes, 0, unread);
      bufferStartOffset += position;
      position = 0;
      limit = unread;
      buffer.clear().position(limit);
      int read = channel.read(buffer);
      if (read < 0) {
        channelDone = true;
      } else {
        limit += read;
      }
    }
    return true;
  }
}
