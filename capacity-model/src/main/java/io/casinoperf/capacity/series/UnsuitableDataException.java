package io.casinoperf.capacity.series;

/**
 * The data read fine but cannot support the model: a constant series, fewer points than the
 * model has terms, no overlap between traffic and a resource. The message is one line for the
 * user; the caller adds which file it came from.
 */
public final class UnsuitableDataException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UnsuitableDataException(String message) {
    super(message);
  }
}
