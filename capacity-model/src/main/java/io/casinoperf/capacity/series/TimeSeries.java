package io.casinoperf.capacity.series;

import java.util.Arrays;

/**
 * One metric over time: timestamps in epoch seconds, strictly increasing, and a value for each.
 * Primitive arrays, so a year of one-minute points (525,600) is two arrays, not half a million
 * objects. Immutable: the arrays are copied in and out.
 */
public final class TimeSeries {
  private final String name;
  private final long[] epochSeconds;
  private final double[] values;

  /**
   * @throws IllegalArgumentException when the lengths differ, timestamps do not increase, or a
   *     value is not finite
   */
  public TimeSeries(String name, long[] epochSeconds, double[] values) {
    if (epochSeconds.length != values.length) {
      throw new IllegalArgumentException(
          epochSeconds.length + " timestamps but " + values.length + " values");
    }
    for (int i = 0; i < values.length; i++) {
      if (!Double.isFinite(values[i])) {
        throw new IllegalArgumentException("value " + values[i] + " at index " + i + " is not finite");
      }
      if (i > 0 && epochSeconds[i] <= epochSeconds[i - 1]) {
        throw new IllegalArgumentException("timestamps must increase: " + epochSeconds[i - 1]
            + " then " + epochSeconds[i] + " at index " + i);
      }
    }
    this.name = name;
    this.epochSeconds = epochSeconds.clone();
    this.values = values.clone();
  }

  public String name() {
    return name;
  }

  public int size() {
    return values.length;
  }

  public long epochSecond(int index) {
    return epochSeconds[index];
  }

  public double value(int index) {
    return values[index];
  }

  public long[] epochSeconds() {
    return epochSeconds.clone();
  }

  public double[] values() {
    return values.clone();
  }

  @Override
  public String toString() {
    return name + " (" + values.length + " points"
        + (values.length == 0 ? "" : ", " + epochSeconds[0] + ".." + epochSeconds[values.length - 1])
        + ")";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TimeSeries series
        && name.equals(series.name)
        && Arrays.equals(epochSeconds, series.epochSeconds)
        && Arrays.equals(values, series.values);
  }

  @Override
  public int hashCode() {
    return name.hashCode() * 31 + Arrays.hashCode(values);
  }
}
