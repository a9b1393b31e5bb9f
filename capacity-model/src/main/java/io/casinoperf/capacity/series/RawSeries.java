package io.casinoperf.capacity.series;

import java.util.Arrays;

/**
 * Points of one metric as a file gave them: in file order, possibly unsorted and with repeated
 * timestamps. {@link Cleaning} turns them into a {@link TimeSeries}. Primitive arrays; immutable.
 */
public record RawSeries(String name, long[] epochSeconds, double[] values) {
  public RawSeries {
    if (epochSeconds.length != values.length) {
      throw new IllegalArgumentException(epochSeconds.length + " timestamps but " + values.length + " values");
    }
    epochSeconds = epochSeconds.clone();
    values = values.clone();
  }

  public int size() {
    return values.length;
  }

  @Override
  public long[] epochSeconds() {
    return epochSeconds.clone();
  }

  @Override
  public double[] values() {
    return values.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RawSeries raw && name.equals(raw.name)
        && Arrays.equals(epochSeconds, raw.epochSeconds) && Arrays.equals(values, raw.values);
  }

  @Override
  public int hashCode() {
    return name.hashCode() * 31 + Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return name + " (" + values.length + " raw points)";
  }
}
