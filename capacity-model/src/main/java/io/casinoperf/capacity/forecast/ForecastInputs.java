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
 * plan, found in the metrics files, each sorted, merged, put on one common step with short gaps
 * filled, and with the calendar's incident windows blanked out.
 *
 * @param resources by resource name, in the plan's order
 */
public record ForecastInputs(RegularSeries traffic, Map<String, RegularSeries> resources,
    CapacityPlan plan, PromotionCalendar calendar, List<LoadStep> loadSteps,
    List<CapacityForecast.SeriesQuality> data) {
  public ForecastInputs {
    resources = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(resources));
    loadSteps = List.copyOf(loadSteps);
    data = List.copyOf(data);
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
   *     or a calendar time too far from the traffic's
   */
  public static ForecastInputs load(List<Path> metrics, Path calendarFile, Path planFile,
      Path loadSteps, long stepSeconds, int maxFillSteps) {
    if (metrics.isEmpty()) {
      throw new IllegalArgumentException("at least one metrics file");
    }
    CapacityPlan plan = CapacityPlan.read(planFile);
    Map<String, RawSeries> found = new LinkedHashMap<>();
    Map<String, Path> origin = new LinkedHashMap<>();
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
    RawSeries rawTraffic = require(found, plan.traffic().series(), "traffic", planFile);
    PromotionCalendar calendar = calendarFile == null ? PromotionCalendar.empty()
        : rawTraffic.size() == 0 ? PromotionCalendar.read(calendarFile)
        : PromotionCalendar.read(calendarFile, span(rawTraffic));
    long step = stepSeconds > 0 ? stepSeconds : typicalSpacing(rawTraffic);
    if (86_400 % step != 0 && step % 86_400 != 0) {
      throw new UnsuitableDataException("a step of " + step + " s does not divide a day, so days and"
          + " weeks would not line up" + (stepSeconds > 0 ? "" : " (it is the traffic's most common spacing)")
          + ": give --step, e.g. 60s, 5m, 15m or 1h");
    }
    List<CapacityForecast.SeriesQuality> quality = new ArrayList<>();
    List<long[]> incidents = calendar.incidentWindows();
    RegularSeries traffic = clean(rawTraffic, origin.get(rawTraffic.name()), step, maxFillSteps,
        incidents, quality);
    Map<String, RegularSeries> resources = new LinkedHashMap<>();
    for (Resource resource : plan.resources()) {
      RawSeries raw = require(found, resource.series(), "resource '" + resource.name() + "'", planFile);
      resources.put(resource.name(), clean(raw, origin.get(raw.name()), step, maxFillSteps, incidents, quality));
    }
    List<LoadStep> steps = loadSteps == null ? List.of() : LoadSteps.read(loadSteps);
    return new ForecastInputs(traffic, resources, plan, calendar, steps, quality);
  }

  private static RawSeries require(Map<String, RawSeries> found, String name, String role, Path planFile) {
    RawSeries series = found.get(name);
    if (series == null) {
      throw new MetricsFormatException(planFile, 0, "the " + role + " series '" + name
          + "' is in none of the metrics files; they hold " + found.keySet());
    }
    return series;
  }

  /** From the series' first to its last timestamp (the points need not be sorted); not empty. */
  private static MetricsSpan span(RawSeries raw) {
    long[] times = raw.epochSeconds();
    return new MetricsSpan(Arrays.stream(times).min().orElseThrow(), Arrays.stream(times).max().orElseThrow());
  }

  /** The most common spacing between consecutive timestamps, in seconds. */
  static long typicalSpacing(RawSeries raw) {
    long[] times = raw.epochSeconds().clone();
    Arrays.sort(times);
    long[] gaps = new long[Math.max(0, times.length - 1)];
    int n = 0;
    for (int i = 1; i < times.length; i++) {
      if (times[i] > times[i - 1]) {
        gaps[n++] = times[i] - times[i - 1];
      }
    }
    if (n == 0) {
      return 60;
    }
    gaps = Arrays.copyOf(gaps, n);
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

  private static RegularSeries clean(RawSeries raw, Path file, long step, int maxFill,
      List<long[]> incidents, List<CapacityForecast.SeriesQuality> quality) {
    Cleaning.Merged merged = Cleaning.sortAndMerge(raw);
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
    quality.add(new CapacityForecast.SeriesQuality(raw.name(), file.toString(), step,
        grid.presentCount() - excluded, merged.duplicatesMerged(), resampled.filledSteps(), gaps, excluded));
    return excluded == 0 ? grid
        : RegularSeries.of(grid.name(), grid.startEpochSecond(), step, values);
  }
}
