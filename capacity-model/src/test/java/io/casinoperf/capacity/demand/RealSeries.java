package io.casinoperf.capacity.demand;

import io.casinoperf.capacity.series.Cleaning;
import io.casinoperf.capacity.series.CsvMetrics;
import io.casinoperf.capacity.series.RegularSeries;
import io.casinoperf.capacity.series.Timestamps;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/** The real public series of src/test/resources/data, cleaned onto their grids. */
final class RealSeries {
  private RealSeries() {}

  static Path file(String name) {
    try {
      return Path.of(RealSeries.class.getClassLoader().getResource("data/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static RegularSeries load(String name, long stepSeconds, int maxFillSteps) {
    var merged = Cleaning.sortAndMerge(file(name), CsvMetrics.read(file(name)).get(0));
    var resampled = Cleaning.resample(merged.series(), stepSeconds, maxFillSteps);
    return RegularSeries.of(resampled.series(), stepSeconds);
  }

  /** Playoff games and Super Bowls of the Peyton Manning series: the day and the day after. */
  static SortedMap<String, List<long[]>> peytonManningGames() {
    String[] playoffs = {"2008-01-13", "2009-01-03", "2010-01-16", "2010-01-24", "2011-01-08",
        "2013-01-12", "2014-01-12", "2014-01-19", "2015-01-11", "2016-01-17", "2016-01-24"};
    String[] superBowls = {"2010-02-07", "2014-02-02", "2016-02-07"};
    SortedMap<String, List<long[]>> events = new TreeMap<>();
    events.put("playoff", days(playoffs));
    events.put("superbowl", days(superBowls));
    return events;
  }

  private static List<long[]> days(String[] dates) {
    List<long[]> windows = new ArrayList<>();
    for (String date : dates) {
      long start = Timestamps.toEpochSeconds(date);
      windows.add(new long[] {start, start + 2 * 86_400 - 1});
    }
    return windows;
  }
}
