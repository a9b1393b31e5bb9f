package io.casinoperf.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.casinoperf.capacity.demand.Accuracy;
import io.casinoperf.capacity.demand.BacktestRun;
import io.casinoperf.capacity.demand.BacktestRun.OriginForecast;
import io.casinoperf.capacity.demand.BacktestRun.StepForecast;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Renders a {@link BacktestRun} as two CSV files to set beside another tool's (layouts in
 * docs/FORECAST.md, "forecast backtest") and a console summary.
 *
 * <p>Both files are long: one row per forecaster, named in the {@code forecaster} column
 * ({@value #MODEL} and {@value #NAIVE}), so another tool's rows can be appended. Times are
 * ISO-8601 UTC; numbers are written in full (Java's shortest exact decimal form); a value that
 * does not exist (an actual missing from the data, an undefined MASE) is an empty field.
 */
public final class BacktestWriters {
  /** The forecaster column of the demand model's rows. */
  public static final String MODEL = "casinoperf";
  /** The forecaster column of the seasonal-naive forecast's rows. */
  public static final String NAIVE = "seasonal-naive";
  /** The origin column of the rows over all origins in scores.csv. */
  public static final String ALL = "all";

  private static final CsvMapper CSV = new CsvMapper();

  private BacktestWriters() {}

  /**
   * forecasts.csv: {@code series, origin, timestamp, step, forecaster, actual, point, p05, p10,
   * p50, p90, p95, scored}, every step of every origin's horizon, each forecaster on its own row.
   */
  public static String forecasts(String series, BacktestRun run) {
    List<String> columns = new ArrayList<>(List.of("series", "origin", "timestamp", "step",
        "forecaster", "actual", "point"));
    columns.addAll(Arrays.asList(Accuracy.levelNames()));
    columns.add("scored");
    List<List<String>> rows = new ArrayList<>();
    for (OriginForecast o : run.origins()) {
      String origin = iso(o.originEpochSecond());
      for (StepForecast s : o.steps()) {
        rows.add(stepRow(series, origin, s, MODEL, s.median(), s.quantiles()));
        rows.add(stepRow(series, origin, s, NAIVE, s.naive(), s.naiveQuantiles()));
      }
    }
    return csv(columns, rows);
  }

  private static List<String> stepRow(String series, String origin, StepForecast s, String forecaster,
      double point, double[] quantiles) {
    List<String> row = new ArrayList<>(List.of(series, origin, iso(s.epochSecond()),
        String.valueOf(s.step()), forecaster, number(s.actual()), number(point)));
    for (double q : quantiles) {
      row.add(number(q));
    }
    row.add(String.valueOf(s.scored()));
    return row;
  }

  /**
   * scores.csv: {@code series, origin, forecaster, train_from, forecast_from, forecast_to,
   * season_seconds, mase_scale, points, mae, mape, smape, mase, coverage80, coverage90, pinball,
   * model}: per origin and forecaster, then the totals over all origins (origin {@value #ALL}).
   */
  public static String scores(String series, BacktestRun run) {
    List<String> columns = List.of("series", "origin", "forecaster", "train_from", "forecast_from",
        "forecast_to", "season_seconds", "mase_scale", "points", "mae", "mape", "smape", "mase",
        "coverage80", "coverage90", "pinball", "model");
    List<List<String>> rows = new ArrayList<>();
    for (OriginForecast o : run.origins()) {
      List<String> window = List.of(series, iso(o.originEpochSecond()), "", iso(o.trainFromEpochSecond()),
          iso(o.steps().get(0).epochSecond()), iso(o.steps().get(o.steps().size() - 1).epochSecond()),
          String.valueOf(o.seasonSeconds()), number(o.maseScale()));
      rows.add(scoreRow(window, MODEL, o.modelAccuracy(), o.model()));
      rows.add(scoreRow(window, NAIVE, o.naiveAccuracy(), ""));
    }
    List<String> total = List.of(series, ALL, "", "", "", "", "", "");
    rows.add(scoreRow(total, MODEL, run.model(), ""));
    rows.add(scoreRow(total, NAIVE, run.seasonalNaive(), ""));
    return csv(columns, rows);
  }

  private static List<String> scoreRow(List<String> window, String forecaster, Accuracy a, String model) {
    List<String> row = new ArrayList<>(window);
    row.set(2, forecaster);
    row.addAll(List.of(String.valueOf(a.points()), number(a.mae()), number(a.mape()), number(a.smape()),
        number(a.mase()), number(a.coverage80()), number(a.coverage90()), number(a.pinball()), model));
    return row;
  }

  /** What a reader looks at first: both forecasters' scores per origin and overall, and who won. */
  public static String console(String series, String unit, BacktestRun run) {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "Backtest of %s%s: %d origin%s × %s ahead, trained on %s before each%n",
        series, unit == null ? "" : " (" + unit + ")", run.origins().size(), run.origins().size() == 1 ? "" : "s",
        duration(run.horizonSeconds()), run.trainSeconds() == 0 ? "all history" : duration(run.trainSeconds())));
    String format = "%-22s %-15s %7s %10s %7s %6s %6s %6s %10s%n";
    out.append(String.format(Locale.ROOT, format, "origin", "forecaster", "points", "MAE", "sMAPE",
        "MASE", "80 %", "90 %", "pinball"));
    for (OriginForecast o : run.origins()) {
      out.append(consoleRow(format, iso(o.originEpochSecond()), MODEL, o.modelAccuracy()));
      out.append(consoleRow(format, "", NAIVE, o.naiveAccuracy()));
    }
    out.append(consoleRow(format, ALL, MODEL, run.model()));
    out.append(consoleRow(format, "", NAIVE, run.seasonalNaive()));
    double mase = run.model().mase();
    double naive = run.seasonalNaive().mase();
    if (Double.isNaN(mase)) {
      out.append("MASE is undefined: the seasonal-naive forecast made no error inside any training window\n");
    } else {
      out.append(String.format(Locale.ROOT, "the model %s the seasonal-naive forecast (MASE %.2f vs %.2f)%n",
          run.beatsSeasonalNaive() ? "beats" : "does NOT beat", mase, naive));
    }
    return out.toString();
  }

  private static String consoleRow(String format, String origin, String forecaster, Accuracy a) {
    return String.format(Locale.ROOT, format, origin, forecaster, a.points(), ForecastWriters.num(a.mae()),
        percent(a.smape()), fixed(a.mase()), percent(100 * a.coverage80()), percent(100 * a.coverage90()),
        ForecastWriters.num(a.pinball()));
  }

  private static String percent(double v) {
    return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.1f%%", v);
  }

  private static String fixed(double v) {
    return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.2f", v);
  }

  private static String csv(List<String> columns, List<List<String>> rows) {
    CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
    columns.forEach(schema::addColumn);
    try {
      return CSV.writer(schema.build()).writeValueAsString(rows);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The shortest decimal that reads back as the same double; empty for NaN. */
  static String number(double v) {
    return Double.isNaN(v) ? "" : Double.toString(v);
  }

  private static String iso(long epochSecond) {
    return Instant.ofEpochSecond(epochSecond).toString();
  }

  private static String duration(long seconds) {
    if (seconds % 86_400 == 0) {
      return seconds / 86_400 + "d";
    }
    return seconds % 3600 == 0 ? seconds / 3600 + "h" : seconds / 60.0 + "m";
  }
}
