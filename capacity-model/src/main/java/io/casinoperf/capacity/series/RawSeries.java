package io.casinoperf.capacity.series;

import java.util.Arrays;

/**
 * Points of one metric as a file gave them: in file order, possibly unsorted and with repeated
 * timestamps. {@link Cleaning} turns them into a {@link TimeSeries}. Primitive arrays; immutable.
 *
 * @param lines the line of the file each point came from, for messages; 0 where the format has no
 *     lines (a Prometheus answer)
 */
public record RawSeries(String name, long[] epochSeconds, double[] values, long[] lines) {
  public RawSeries {
    if (epochSeconds.length != values.length || lines.length != values.length) {
      throw new IllegalArgumentException(epochSeconds.length + " timestamps, " + values.length
          + " values and " + lines.length + " lines");
    }
    epochSeconds = epochSeconds.clone();
    values = values.clone();
    lines = lines.clone();
  }

  /** Points whose lines are not known. */
  public RawSeries(String name, long[] epochSeconds, double[] values) {
    this(name, epochSeconds, values, new long[values.length]);
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
  public long[] lines() {
    return lines.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RawSeries raw && name.equals(raw.name)
        && Arrays.equals(epochSeconds, raw.epochSeconds) && Arrays.equals(values, raw.values)
        && Arrays.equals(lines, raw.lines);
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
