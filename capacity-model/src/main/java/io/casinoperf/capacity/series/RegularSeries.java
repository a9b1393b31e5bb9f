package io.casinoperf.capacity.series;

import java.util.Arrays;

/**
 * A series on a regular grid: slot {@code i} is the time {@code startEpochSecond + i ×
 * stepSeconds}, and its value is NaN where there is no data (a long gap, an excluded incident).
 * The form the models work on: position is time, so "the same minute last week" is an index
 * subtraction.
 */
public final class RegularSeries {
  private final String name;
  private final long startEpochSecond;
  private final long stepSeconds;
  private final double[] values;

  private RegularSeries(String name, long startEpochSecond, long stepSeconds, double[] values) {
    this.name = name;
    this.startEpochSecond = startEpochSecond;
    this.stepSeconds = stepSeconds;
    this.values = values;
  }

  /**
   * The points of a series already on a grid of {@code stepSeconds} (see {@link
   * Cleaning#resample}), missing steps as NaN.
   *
   * @throws IllegalArgumentException when the series is empty or a timestamp is off the grid
   */
  public static RegularSeries of(TimeSeries series, long stepSeconds) {
    if (series.size() == 0) {
      throw new IllegalArgumentException(series.name() + " has no points");
    }
    long start = series.epochSecond(0);
    long end = series.epochSecond(series.size() - 1);
    double[] values = new double[Math.toIntExact((end - start) / stepSeconds + 1)];
    Arrays.fill(values, Double.NaN);
    for (int i = 0; i < series.size(); i++) {
      long offset = series.epochSecond(i) - start;
      if (offset % stepSeconds != 0) {
        throw new IllegalArgumentException(series.name() + ": " + series.epochSecond(i)
            + " is not on the " + stepSeconds + " s grid starting at " + start);
      }
      values[(int) (offset / stepSeconds)] = series.value(i);
    }
    return new RegularSeries(series.name(), start, stepSeconds, values);
  }

  /** Wraps values directly (copied); NaN marks a missing slot. */
  public static RegularSeries of(String name, long startEpochSecond, long stepSeconds, double[] values) {
    if (stepSeconds < 1) {
      throw new IllegalArgumentException("step must be at least 1 s");
    }
    return new RegularSeries(name, startEpochSecond, stepSeconds, values.clone());
  }

  public String name() {
    return name;
  }

  public long startEpochSecond() {
    return startEpochSecond;
  }

  public long stepSeconds() {
    return stepSeconds;
  }

  /** Number of slots, present or missing. */
  public int slots() {
    return values.length;
  }

  public long epochSecond(int slot) {
    return startEpochSecond + slot * stepSeconds;
  }

  /** The value of a slot, NaN when missing. */
  public double value(int slot) {
    return values[slot];
  }

  /** The slot holding the time, which may lie outside [0, slots). */
  public long slotOf(long epochSecond) {
    return Math.floorDiv(epochSecond - startEpochSecond, stepSeconds);
  }

  public int presentCount() {
    int count = 0;
    for (double v : values) {
      count += Double.isNaN(v) ? 0 : 1;
    }
    return count;
  }

  /** The values, NaN where missing (a copy). */
  public double[] values() {
    return values.clone();
  }
}
