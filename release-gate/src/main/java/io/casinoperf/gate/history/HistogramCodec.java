package io.casinoperf.gate.history;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.zip.DataFormatException;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.IntCountsHistogram;

/** HdrHistogram's compressed encoding, as Base64 text. */
final class HistogramCodec {
  private HistogramCodec() {}

  static String encode(AbstractHistogram histogram) {
    ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
    int length = histogram.encodeIntoCompressedByteBuffer(buffer);
    byte[] bytes = new byte[length];
    buffer.flip();
    buffer.get(bytes);
    return Base64.getEncoder().encodeToString(bytes);
  }

  static Histogram decodeLatencies(String text) throws DataFormatException {
    Histogram histogram = Histogram.decodeFromCompressedByteBuffer(bytes(text), 0);
    histogram.setAutoResize(true);
    return histogram;
  }

  static IntCountsHistogram decodeBlock(String text) throws DataFormatException {
    IntCountsHistogram histogram = IntCountsHistogram.decodeFromCompressedByteBuffer(bytes(text), 0);
    histogram.setAutoResize(true);
    return histogram;
  }

  private static ByteBuffer bytes(String text) throws DataFormatException {
    try {
      return ByteBuffer.wrap(Base64.getDecoder().decode(text));
    } catch (IllegalArgumentException e) {
      throw new DataFormatException("not Base64: " + e.getMessage());
    }
  }
}
