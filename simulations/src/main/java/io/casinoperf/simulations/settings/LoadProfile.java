package io.casinoperf.simulations.settings;

import io.casinoperf.run.Durations;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

/**
 * A simulation's load numbers (users, rates, spins, think times) from {@code
 * profiles/<name>.properties} on the classpath; any of them can be overridden with a system
 * property {@code <name>.<key>}, e.g. {@code -DflashSpinPeak.peakUsers=3000}. Counts and rates are
 * then multiplied by {@code -Dscale} through {@link RunSettings}.
 */
public final class LoadProfile {
  private final String name;
  private final Properties values;
  private final Map<String, String> overrides;

  private LoadProfile(String name, Properties values, Map<String, String> overrides) {
    this.name = name;
    this.values = values;
    this.overrides = overrides;
  }

  public static LoadProfile load(String name, Map<String, String> overrides) {
    String resource = "profiles/" + name + ".properties";
    Properties values = new Properties();
    try (InputStream in = LoadProfile.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing classpath resource " + resource);
      }
      values.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
    return new LoadProfile(name, values, overrides);
  }

  public int count(String key) {
    String text = text(key);
    try {
      int value = Integer.parseInt(text);
      if (value >= 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw invalid(key, text, "expected a whole number >= 0");
  }

  public double rate(String key) {
    String text = text(key);
    try {
      double value = Double.parseDouble(text);
      if (value >= 0 && !Double.isInfinite(value)) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw invalid(key, text, "expected a number >= 0");
  }

  public Duration duration(String key) {
    String text = text(key);
    try {
      return Durations.parse(text);
    } catch (IllegalArgumentException e) {
      throw invalid(key, text, e.getMessage());
    }
  }

  /** The profile's name, e.g. {@code flashSpinPeak}. */
  public String name() {
    return name;
  }

  /** Every key of the profile with its value after overrides (before scale and shard). */
  public java.util.SortedMap<String, String> values() {
    java.util.TreeMap<String, String> all = new java.util.TreeMap<>();
    for (String key : values.stringPropertyNames()) {
      all.put(key, text(key));
    }
    return all;
  }

  public String text(String key) {
    String override = overrides.get(name + "." + key);
    if (override != null && !override.isBlank()) {
      return override.trim();
    }
    String value = values.getProperty(key);
    if (value == null) {
      throw new IllegalStateException("profile " + name + " has no value for " + key);
    }
    return value.trim();
  }

  private RunSettings.InvalidSettingException invalid(String key, String text, String expected) {
    return new RunSettings.InvalidSettingException(
        "-D" + name + "." + key + "=" + text + ": " + expected);
  }
}
