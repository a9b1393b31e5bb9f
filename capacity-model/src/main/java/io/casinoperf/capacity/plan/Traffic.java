package io.casinoperf.capacity.plan;

/**
 * The series that measures how busy the platform is, the driver the resources are regressed on.
 *
 * @param series the metric's name in the metrics files (a CSV column or Prometheus series)
 * @param unit its unit, for reports ({@code requests/s})
 * @throws IllegalArgumentException when either is blank
 */
public record Traffic(String series, String unit) {
  public Traffic {
    series = InvalidField.requireText("series", series);
    unit = InvalidField.requireText("unit", unit);
  }
}
