package io.casinoperf.capacity.series;

/**
 * A Prometheus server that could not give a usable series, or a query or connection setting that
 * cannot work: one line saying which and why, with the server's own error text where it gave one.
 */
public class PrometheusException extends RuntimeException {
  public PrometheusException(String message) {
    super(message, null, false, false);
  }

  /** The server answered, but the query found no series in the range. */
  public static final class NoSeries extends PrometheusException {
    public NoSeries(String message) {
      super(message);
    }
  }
}
