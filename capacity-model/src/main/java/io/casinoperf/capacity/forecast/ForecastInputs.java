package io.casinoperf.capacity.forecast;

import io.casinoperf.capacity.plan.CapacityPlan;
import io.casinoperf.capacity.plan.MetricsSpan;
import io.casinoperf.capacity.plan.PromotionCalendar;
import io.casinoperf.capacity.plan.Resource;
import io.casinoperf.capacity.series.Cleaning;
import io.casinoperf.capacity.series.CsvMetrics;
import io.casinoperf.capacity.series.MetricsFormatException;
import io.casinoperf.capacity.series.PrometheusMetrics;
import io.casinoperf.capacity.series.RawSeries;
import io.casinoperf.capacity.series.RegularSeries;
import io.casinoperf.capacity.series.TimeSeries;
import io.casinoperf.capacity.series.Timestamps;
import io.casinoperf.capacity.series.UnsuitableDataException;
import io.casinoperf.capacity.usl.LoadStep;
import io.casinoperf.capacity.usl.LoadSteps;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Everything a forecast reads, cleaned: the traffic and resource series named by the capacity
 * plan, found in the metrics files, each checked, sorted, rid of exact repeats, put on one common
 * step with short gaps filled, and with the calendar's incident windows blanked out.
 *
 * @param resources by resource name, in the plan's order
 * @param warnings what cleaning did that the reader of a forecast should know (repeated samples
 *     dropped)
 */
public record ForecastInputs(RegularSeries traffic, Map<String, RegularSeries> resources,
    CapacityPlan plan, PromotionCalendar calendar, List<LoadStep> loadSteps,
    List<CapacityForecast.SeriesQuality> data, List<Finding> warnings) {
  public ForecastInputs {
    resources = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(resources));
    loadSteps = List.copyOf(loadSteps);
    data = List.copyOf(data);
    warnings = List.copyOf(warnings);
  }

  /**
   * Reads and cleans.
   *
   * @param metrics CSV files and Prometheus {@code query_range} JSON files (by extension)
   * @param calendarFile the promotion calendar, or null; its times are checked against the
   *     traffic's first and last timestamps ({@link MetricsSpan})
   * @param stepSeconds the common step; 0 to take the traffic series' most common spacing
   * @param maxFillSteps longest gap, in steps, filled by interpolation
   * @param loadSteps load-test steps CSV, or null
   * @throws MetricsFormatException for unreadable input, a series the plan names but no file has,
   *     a value out of range, two different values at one timestamp, a series with a single
   *     point or a single value, or a calendar time too far from the traffic's
   */
  public static ForecastInputs load(List<Path> metrics, Path calendarFile, Path planFile,
      Path loadSteps, long stepSeconds, int maxFillSteps) {
    if (metrics.isEmpty()) {
      throw new IllegalArgumentException("at least one metrics file");
    }
    CapacityPlan plan = CapacityPlan.read(planFile);
    Map<String, RawSeries> found = new LinkedHashMap<>();
    Map<String, Path> origin = new LinkedHashMap<>();
    readAll(metrics, found, origin);
    // Every series the plan uses is checked and rid of repeats before anything is computed from it.
    String trafficName = plan.traffic().series();
    Map<String, Cleaning.Merged> used = new LinkedHashMap<>();
    used.put(trafficName, Cleaning.sortAndMerge(origin.get(trafficName),
        require(found, trafficName, "traffic", planFile)));
    for (Resource resource : plan.resources()) {
      RawSeries raw = require(found, resource.series(), "resource '" + resource.name() + "'", planFile);
      used.computeIfAbsent(raw.name(), name -> Cleaning.sortAndMerge(origin.get(name), raw));
    }
    TimeSeries trafficPoints = used.get(trafficName).series();
    PromotionCalendar calendar = calendar(calendarFile, trafficPoints);
    long step = step(stepSeconds, trafficPoints, "traffic's");
    List<CapacityForecast.SeriesQuality> quality = new ArrayList<>();
    List<Finding> warnings = new ArrayList<>();
    List<long[]> incidents = calendar.incidentWindows();
    RegularSeries traffic = clean(used.get(trafficName), origin.get(trafficName), step, maxFillSteps,
        incidents, quality, warnings);
    Map<String, RegularSeries> resources = new LinkedHashMap<>();
    for (Resource resource : plan.resources()) {
      resources.put(resource.name(), clean(used.get(resource.series()), origin.get(resource.series()),
          step, maxFillSteps, incidents, quality, warnings));
    }
    List<LoadStep> steps = loadSteps == null ? List.of() : LoadSteps.read(loadSteps);
    return new ForecastInputs(traffic, resources, plan, calendar, steps, quality, warnings);
  }

  /**
   * One series for a backtest, read and cleaned as a forecast's traffic is (the same checks,
   * step, gap filling and incident windows), with the calendar checked against it.
   *
   * @param series the series' name in the metrics files
   * @param stepSeconds the common step; 0 to take the series' most common spacing
   * @throws MetricsFormatException for unreadable input, a series no file has, or any of the
   *     problems {@link #load} refuses
   */
  public static BacktestInputs loadSeries(List<Path> metrics, Path calendarFile, String series,
      long stepSeconds, int maxFillSteps) {
    if (metrics.isEmpty()) {
      throw new IllegalArgumentException("at least one metrics file");
    }
    Map<String, RawSeries> found = new LinkedHashMap<>();
    Map<String, Path> origin = new LinkedHashMap<>();
    readAll(metrics, found, origin);
    RawSeries raw = found.get(series);
    if (raw == null && metrics.size() == 1) {
      throw new MetricsFormatException(metrics.get(0), 0, "no series '" + series + "' in this file;"
          + " there are " + found.keySet());
    }
    if (raw == null) {
      throw new UnsuitableDataException("no series '" + series + "' in any of " + metrics + "; there are "
          + found.keySet());
    }
    Cleaning.Merged merged = Cleaning.sortAndMerge(origin.get(series), raw);
    PromotionCalendar calendar = calendar(calendarFile, merged.series());
    long step = step(stepSeconds, merged.series(), "series'");
    List<CapacityForecast.SeriesQuality> quality = new ArrayList<>();
    List<Finding> warnings = new ArrayList<>();
    RegularSeries cleaned = clean(merged, origin.get(series), step, maxFillSteps,
        calendar.incidentWindows(), quality, warnings);
    return new BacktestInputs(cleaned, calendar, quality.get(0), warnings);
  }

  /** Every series of every file, by name, and the file each came from. */
  private static void readAll(List<Path> metrics, Map<String, RawSeries> found, Map<String, Path> origin) {
    for (Path file : metrics) {
      String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
      List<RawSeries> series = name.endsWith(".json") ? PrometheusMetrics.read(file) : CsvMetrics.read(file);
      for (RawSeries s : series) {
        if (found.putIfAbsent(s.name(), s) != null) {
          throw new MetricsFormatException(file, 0, "series '" + s.name() + "' is also in "
              + origin.get(s.name()) + ": each series must come from one file");
        }
        origin.put(s.name(), file);
      }
    }
  }

  /** The calendar, its times checked against the series' span; empty without a file. */
  private static PromotionCalendar calendar(Path calendarFile, TimeSeries points) {
    return calendarFile == null ? PromotionCalendar.empty()
        : points.size() == 0 ? PromotionCalendar.read(calendarFile)
        : PromotionCalendar.read(calendarFile, span(points));
  }

  /** The step given, or the series' most common spacing; either must divide a day or be whole days. */
  private static long step(long stepSeconds, TimeSeries points, String whose) {
    long step = stepSeconds > 0 ? stepSeconds : typicalSpacing(points);
    if (86_400 % step != 0 && step % 86_400 != 0) {
      throw new UnsuitableDataException("a step of " + step + " s does not divide a day, so days and"
          + " weeks would not line up" + (stepSeconds > 0 ? "" : " (it is the " + whose + " most common spacing)")
          + ": give --step, e.g. 60s, 5m, 15m or 1h");
    }
    return step;
  }

  private static RawSeries require(Map<String, RawSeries> found, String name, String role, Path planFile) {
    RawSeries series = found.get(name);
    if (series == null) {
      throw new MetricsFormatException(planFile, 0, "the " + role + " series '" + name
          + "' is in none of the metrics files; they hold " + found.keySet());
    }
    return series;
  }

  /** From the series' first to its last timestamp; not empty. */
  private static MetricsSpan span(TimeSeries series) {
    long[] times = series.epochSeconds();
    return new MetricsSpan(Arrays.stream(times).min().orElseThrow(), Arrays.stream(times).max().orElseThrow());
  }

  /** The most common spacing between consecutive timestamps, in seconds. */
  static long typicalSpacing(TimeSeries series) {
    long[] times = series.epochSeconds();
    int n = Math.max(0, times.length - 1);
    long[] gaps = new long[n];
    for (int i = 0; i < n; i++) {
      gaps[i] = times[i + 1] - times[i];
    }
    if (n == 0) {
      return 60;
    }
    Arrays.sort(gaps);
    long best = gaps[0];
    int bestRun = 0;
    for (int i = 0; i < n; ) {
      int j = i;
      while (j < n && gaps[j] == gaps[i]) {
        j++;
      }
      if (j - i > bestRun) {
        bestRun = j - i;
        best = gaps[i];
      }
      i = j;
    }
    return best;
  }

  private static RegularSeries clean(Cleaning.Merged merged, Path file, long step, int maxFill,
      List<long[]> incidents, List<CapacityForecast.SeriesQuality> quality, List<Finding> warnings) {
    TimeSeries series = merged.series();
    refuseWithoutPattern(series, file);
    if (merged.duplicatesMerged() > 0) {
      warnings.add(repeatsDropped(series.name(), file, merged));
    }
    Cleaning.Resampled resampled = Cleaning.resample(merged.series(), step, maxFill);
    RegularSeries grid = RegularSeries.of(resampled.series(), step);
    double[] values = grid.values();
    int excluded = 0;
    for (long[] window : incidents) {
      // Every step that overlaps the incident goes, not only those starting inside it: a step's
      // value is the mean of its raw points.
      long from = Math.max(0, grid.slotOf(window[0]));
      long to = Math.min(values.length - 1L, grid.slotOf(window[1]));
      for (long i = from; i <= to; i++) {
        if (!Double.isNaN(values[(int) i])) {
          values[(int) i] = Double.NaN;
          excluded++;
        }
      }
    }
    List<String> gaps = resampled.longGaps().stream()
        .map(g -> Instant.ofEpochSecond(g.fromEpochSecond()) + ".." + Instant.ofEpochSecond(g.toEpochSecond())
            + " (" + g.missingSteps() + " steps)")
        .toList();
    quality.add(new CapacityForecast.SeriesQuality(series.name(), file.toString(), step,
        grid.presentCount() - excluded, merged.duplicatesMerged(), resampled.filledSteps(), gaps, excluded));
    return excluded == 0 ? grid
        : RegularSeries.of(grid.name(), grid.startEpochSecond(), step, values);
  }

  /** A single point in time, or one value at every time, holds nothing to fit. */
  private static void refuseWithoutPattern(TimeSeries series, Path file) {
    if (series.size() == 1) {
      throw new MetricsFormatException(file, 0, "series " + series.name() + " has a single point in"
          + " time (" + Timestamps.format(series.epochSecond(0)) + "): a forecast needs a history");
    }
    double first = series.value(0);
    for (int i = 1; i < series.size(); i++) {
      if (series.value(i) != first) {
        return;
      }
    }
    throw new MetricsFormatException(file, 0, "series " + series.name() + " is constant (every value is "
        + number(first) + "): there is no pattern to fit and no relation to traffic to learn");
  }

  private static Finding repeatsDropped(String name, Path file, Cleaning.Merged merged) {
    Cleaning.Repeat first = merged.firstDuplicate();
    return new Finding.RepeatsDropped(name, file.toString(), merged.duplicatesMerged(), first.line(),
        first.firstLine(), Instant.ofEpochSecond(first.epochSecond()));
  }

  private static String number(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
  }
}
