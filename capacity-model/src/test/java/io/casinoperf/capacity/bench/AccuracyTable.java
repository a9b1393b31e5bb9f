package io.casinoperf.capacity.bench;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.casinoperf.capacity.demand.Accuracy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Scores every forecaster of a side-by-side backtest with the project's own scoring ({@link
 * Accuracy.Tally}), so the project and the peers are measured by one piece of code on the same
 * points. A case is a folder holding the project's {@code forecasts.csv} and {@code scores.csv}
 * (from {@code casinoperf forecast backtest}) and, optionally, {@code peers.csv} (other tools'
 * forecasts in the same layout) and {@code timings.csv} (their time per fit).
 *
 * <p>Per case and forecaster: the mean over origins of MASE (each origin's MAE over the scale the
 * project's backtest wrote for it: the training window's in-sample seasonal-naive error), the
 * pooled 80 % and 90 % coverage, the 80 % coverage on the points whose actual value is in the
 * case's top decile, how many origins' P90 peak reached the actual peak, and the worst origin's
 * MASE against the seasonal-naive forecast's. Only points the backtest scored count, for every
 * forecaster alike.
 *
 * <p>{@code AccuracyTable OUT.md NAME=DIR…}: writes the Markdown tables to {@code OUT.md} and
 * {@code OUT.md}'s folder's {@code accuracy-by-origin.csv}, and prints the tables.
 */
public final class AccuracyTable {
  static final String PROJECT = "casinoperf";
  static final String NAIVE = "seasonal-naive";
  private static final String[] LEVEL_COLUMNS = Accuracy.levelNames();
  private static final double[] LEVELS = Accuracy.levels();

  private AccuracyTable() {}

  /** One forecaster on one case. */
  record Score(String forecaster, int origins, int originsAsked, double meanMase,
      Accuracy pooled, double topDecileCoverage80, int topDecilePoints, int peaksReached,
      double worstToNaive, Map<String, Double> maseByOrigin) {}

  /** One case: a series at one horizon. */
  record Case(String name, Map<String, Score> scores, Map<String, double[]> secondsPerFit,
      Map<String, String> notRun) {}

  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      throw new IllegalArgumentException("usage: AccuracyTable OUT.md NAME=DIR...");
    }
    List<Case> cases = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      String[] parts = args[i].split("=", 2);
      cases.add(score(parts[0], Path.of(parts[1])));
    }
    Path out = Path.of(args[0]).toAbsolutePath();
    String markdown = markdown(cases);
    Files.writeString(out, markdown);
    Files.writeString(out.resolveSibling("accuracy-by-origin.csv"), byOrigin(cases));
    System.out.print(markdown);
  }

  static Case score(String name, Path folder) throws IOException {
    Map<String, Double> scales = new LinkedHashMap<>();
    for (Map<String, String> row : read(folder.resolve("scores.csv"))) {
      if (row.get("forecaster").equals(PROJECT) && !row.get("origin").equals("all")) {
        scales.put(row.get("origin"), Double.parseDouble(row.get("mase_scale")));
      }
    }
    List<Map<String, String>> rows = new ArrayList<>(read(folder.resolve("forecasts.csv")));
    if (Files.exists(folder.resolve("peers.csv"))) {
      rows.addAll(read(folder.resolve("peers.csv")));
    }
    double topDecile = topDecile(rows);
    // forecaster → origin → rows
    Map<String, Map<String, List<Map<String, String>>>> grouped = new LinkedHashMap<>();
    for (Map<String, String> row : rows) {
      if (Boolean.parseBoolean(row.get("scored"))) {
        grouped.computeIfAbsent(row.get("forecaster"), f -> new LinkedHashMap<>())
            .computeIfAbsent(row.get("origin"), o -> new ArrayList<>()).add(row);
      }
    }
    Map<String, Score> scores = new LinkedHashMap<>();
    for (var forecaster : grouped.entrySet()) {
      scores.put(forecaster.getKey(), score(forecaster.getKey(), forecaster.getValue(), scales,
          topDecile));
    }
    Map<String, Double> naive = scores.containsKey(NAIVE) ? scores.get(NAIVE).maseByOrigin() : Map.of();
    scores.replaceAll((forecaster, s) -> new Score(s.forecaster(), s.origins(), s.originsAsked(),
        s.meanMase(), s.pooled(), s.topDecileCoverage80(), s.topDecilePoints(), s.peaksReached(),
        worstRatio(s.maseByOrigin(), naive), s.maseByOrigin()));
    Map<String, double[]> seconds = new TreeMap<>();
    Map<String, String> notRun = new TreeMap<>();
    if (Files.exists(folder.resolve("timings.csv"))) {
      Map<String, List<Double>> times = new TreeMap<>();
      for (Map<String, String> row : read(folder.resolve("timings.csv"))) {
        if (row.get("status").equals("ok")) {
          times.computeIfAbsent(row.get("forecaster"), f -> new ArrayList<>())
              .add(Double.parseDouble(row.get("seconds")));
        } else {
          notRun.merge(row.get("forecaster"), row.get("status"), (a, b) -> a);
        }
      }
      times.forEach((forecaster, list) -> seconds.put(forecaster,
          list.stream().mapToDouble(Double::doubleValue).sorted().toArray()));
    }
    return new Case(name, scores, seconds, notRun);
  }

  private static Score score(String forecaster, Map<String, List<Map<String, String>>> byOrigin,
      Map<String, Double> scales, double topDecile) {
    Accuracy.Tally all = new Accuracy.Tally();
    int top = 0;
    int topCovered = 0;
    int peaks = 0;
    Map<String, Double> mase = new LinkedHashMap<>();
    for (var origin : byOrigin.entrySet()) {
      Accuracy.Tally tally = new Accuracy.Tally();
      double actualPeak = Double.NEGATIVE_INFINITY;
      double p90Peak = Double.NEGATIVE_INFINITY;
      for (Map<String, String> row : origin.getValue()) {
        double y = Double.parseDouble(row.get("actual"));
        double[] q = new double[LEVELS.length];
        for (int k = 0; k < q.length; k++) {
          q[k] = Double.parseDouble(row.get(LEVEL_COLUMNS[k]));
        }
        tally.add(y, Double.parseDouble(row.get("point")), q);
        if (y >= topDecile) {
          top++;
          topCovered += y >= q[1] && y <= q[3] ? 1 : 0;
        }
        actualPeak = Math.max(actualPeak, y);
        p90Peak = Math.max(p90Peak, q[3]);
      }
      peaks += p90Peak >= actualPeak ? 1 : 0;
      mase.put(origin.getKey(), tally.scaledBy(scales.getOrDefault(origin.getKey(), Double.NaN)).mase());
      all.add(tally);
    }
    double mean = mase.values().stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    return new Score(forecaster, mase.size(), scales.size(), mean, all.withMase(mean),
        top == 0 ? Double.NaN : (double) topCovered / top, top, peaks, Double.NaN, mase);
  }

  /** The largest ratio of an origin's MASE to the seasonal-naive forecast's at that origin. */
  static double worstRatio(Map<String, Double> mase, Map<String, Double> naive) {
    double worst = Double.NaN;
    for (var origin : mase.entrySet()) {
      Double reference = naive.get(origin.getKey());
      if (reference != null && reference > 0) {
        double ratio = origin.getValue() / reference;
        worst = Double.isNaN(worst) ? ratio : Math.max(worst, ratio);
      }
    }
    return worst;
  }

  /**
   * The lowest value of the top decile: the highest tenth (rounded up) of the scored actual values
   * of the project's rows; ties with it belong to the decile too.
   */
  static double topDecile(List<Map<String, String>> rows) {
    double[] actual = rows.stream()
        .filter(r -> r.get("forecaster").equals(PROJECT) && Boolean.parseBoolean(r.get("scored")))
        .mapToDouble(r -> Double.parseDouble(r.get("actual"))).sorted().toArray();
    if (actual.length == 0) {
      return Double.NaN;
    }
    return actual[actual.length - (int) Math.ceil(actual.length / 10.0)];
  }

  static String markdown(List<Case> cases) {
    List<String> peers = new ArrayList<>();
    for (Case c : cases) {
      for (String f : c.scores().keySet()) {
        if (!f.equals(PROJECT) && !f.equals(NAIVE) && !peers.contains(f)) {
          peers.add(f);
        }
      }
      c.notRun().keySet().stream().filter(f -> !peers.contains(f)).forEach(peers::add);
    }
    StringBuilder md = new StringBuilder();
    md.append("| series, horizon | casinoperf | seasonal-naive |");
    peers.forEach(p -> md.append(' ').append(p).append(" |"));
    md.append(" best peer |\n| --- | ---: | ---: |");
    peers.forEach(p -> md.append(" ---: |"));
    md.append(" --- |\n");
    int atOrBelowBest = 0;
    int compared = 0;
    int belowNaive = 0;
    int withinTwiceNaive = 0;
    long covered80 = 0;
    long points = 0;
    long topCovered80 = 0;
    long topPoints = 0;
    for (Case c : cases) {
      Score project = c.scores().get(PROJECT);
      Score best = bestPeer(c, peers);
      md.append("| ").append(c.name()).append(" | ").append(mase(project, best, project, c.scores().get(NAIVE)))
          .append(" | ").append(mase(c.scores().get(NAIVE), best, project, c.scores().get(NAIVE))).append(" |");
      for (String p : peers) {
        Score s = c.scores().get(p);
        md.append(' ').append(s == null ? "–" : mase(s, best, project, c.scores().get(NAIVE))).append(" |");
      }
      md.append(' ').append(best == null ? "–" : best.forecaster()).append(" |\n");
      if (best != null) {
        compared++;
        atOrBelowBest += project.meanMase() <= best.meanMase() ? 1 : 0;
      }
      if (project.meanMase() < c.scores().get(NAIVE).meanMase()) {
        belowNaive++;
      }
      if (project.worstToNaive() <= 2) {
        withinTwiceNaive++;
      }
      covered80 += Math.round(project.pooled().coverage80() * project.pooled().points());
      points += project.pooled().points();
      if (project.topDecilePoints() > 0) {
        topCovered80 += Math.round(project.topDecileCoverage80() * project.topDecilePoints());
        topPoints += project.topDecilePoints();
      }
    }
    md.append("\nMean MASE over the origins (lower is better; bold: the lowest of the row). A"
        + " forecaster that failed or ran out of time at some origins shows how many it forecast.\n\n");

    md.append("| series, horizon | forecaster | 80 % coverage | 90 % coverage | 80 % on the top"
        + " decile | P90 peak ≥ actual peak | worst origin ÷ seasonal-naive | pinball |\n");
    md.append("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    for (Case c : cases) {
      List<String> shown = new ArrayList<>(List.of(PROJECT));
      Score best = bestPeer(c, peers);
      if (best != null) {
        shown.add(best.forecaster());
      }
      shown.add(NAIVE);
      for (String f : shown) {
        Score s = c.scores().get(f);
        md.append(String.format(Locale.ROOT, "| %s | %s | %.1f %% | %.1f %% | %.1f %% | %d of %d |"
                + " %.2f | %.4g |%n", c.name(), f, 100 * s.pooled().coverage80(),
            100 * s.pooled().coverage90(), 100 * s.topDecileCoverage80(), s.peaksReached(),
            s.origins(), s.worstToNaive(), s.pooled().pinball()));
      }
    }
    md.append(String.format(Locale.ROOT, "%nAgainst the targets: casinoperf's mean MASE at or below"
            + " the best peer's on %d of the %d cases where a peer forecast every origin, below"
            + " seasonal-naive's on %d of %d; no origin worse than 2× seasonal-naive on %d of %d;"
            + " 80 %% coverage %.1f %% over all %d points, %.1f %% over the %d of each case's top"
            + " decile.%n", atOrBelowBest, compared, belowNaive,
        cases.size(), withinTwiceNaive,
        cases.size(), points == 0 ? Double.NaN : 100.0 * covered80 / points, points,
        topPoints == 0 ? Double.NaN : 100.0 * topCovered80 / topPoints, topPoints));

    md.append("\n| forecaster | fits | median s per fit | slowest | failed, timed out or n/a |\n");
    md.append("| --- | ---: | ---: | ---: | --- |\n");
    for (String p : peers) {
      List<Double> all = new ArrayList<>();
      List<String> notRun = new ArrayList<>();
      for (Case c : cases) {
        double[] s = c.secondsPerFit().get(p);
        if (s != null) {
          Arrays.stream(s).forEach(all::add);
        }
        if (c.notRun().containsKey(p)) {
          notRun.add(c.name() + ": " + c.notRun().get(p));
        }
      }
      all.sort(null);
      md.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %s |%n", p, all.size(),
          all.isEmpty() ? "–" : String.format(Locale.ROOT, "%.2f", all.get(all.size() / 2)),
          all.isEmpty() ? "–" : String.format(Locale.ROOT, "%.2f", all.get(all.size() - 1)),
          notRun.isEmpty() ? "" : String.join("; ", notRun)));
    }
    return md.toString();
  }

  /** The peer with the lowest mean MASE that forecast every origin, if any did. */
  private static Score bestPeer(Case c, List<String> peers) {
    Score best = null;
    for (String p : peers) {
      Score s = c.scores().get(p);
      if (s != null && s.origins() == s.originsAsked() && !Double.isNaN(s.meanMase())
          && (best == null || s.meanMase() < best.meanMase())) {
        best = s;
      }
    }
    return best;
  }

  private static String mase(Score s, Score best, Score project, Score naive) {
    if (s == null) {
      return "–";
    }
    String text = String.format(Locale.ROOT, "%.3f", s.meanMase());
    double lowest = Math.min(Math.min(project.meanMase(), naive.meanMase()),
        best == null ? Double.POSITIVE_INFINITY : best.meanMase());
    // Bold: the lowest of the forecasters that forecast every origin (a partial mean is not comparable).
    if (s.origins() == s.originsAsked() && s.meanMase() <= lowest) {
      text = "**" + text + "**";
    }
    return s.origins() < s.originsAsked() ? text + " (" + s.origins() + " of " + s.originsAsked() + ")" : text;
  }

  static String byOrigin(List<Case> cases) {
    StringBuilder csv = new StringBuilder("case,forecaster,origin,mase\n");
    for (Case c : cases) {
      for (Score s : c.scores().values()) {
        s.maseByOrigin().forEach((origin, mase) -> csv.append(String.format(Locale.ROOT,
            "%s,%s,%s,%.6f%n", c.name(), s.forecaster(), origin, mase)));
      }
    }
    return csv.toString();
  }

  private static List<Map<String, String>> read(Path file) throws IOException {
    CsvMapper mapper = new CsvMapper();
    CsvSchema schema = CsvSchema.emptySchema().withHeader();
    try (MappingIterator<Map<String, String>> rows = mapper.readerFor(Map.class).with(schema)
        .readValues(file.toFile())) {
      return rows.readAll();
    }
  }
}
