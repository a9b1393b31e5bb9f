package io.casinoperf.cli;

import io.casinoperf.capacity.forecast.Finding;
import io.casinoperf.capacity.series.PrometheusException;
import io.casinoperf.capacity.series.PrometheusSource;
import io.casinoperf.capacity.series.Timestamps;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import picocli.CommandLine.Option;

/**
 * The options that read series from a Prometheus server instead of (or beside) files: the server,
 * one {@code NAME=PROMQL} per series, the range, and how to authenticate — a secret only ever from
 * an environment variable or a file, never from the command line, where {@code ps} and shell
 * histories would show it.
 */
final class PrometheusOptions {
  /** Steps {@code --step auto} chooses from, finest first. */
  private static final long[] AUTO_STEPS = {300, 900, 1800, 3600, 21_600, 86_400};
  /** The most points per series {@code --step auto} asks for. */
  static final long AUTO_POINTS = 50_000;

  @Option(names = "--prometheus", paramLabel = "URL",
      description = "read the series from this Prometheus server's query_range API (with --query);"
          + " each is saved beside forecast.json as NAME.prometheus.json")
  String url;

  @Option(names = "--query", paramLabel = "NAME=PROMQL",
      description = "a series from --prometheus: the name the capacity file uses and its PromQL; repeatable")
  List<String> queries = new ArrayList<>();

  @Option(names = "--range", paramLabel = "DURATION",
      description = "how far back from now --prometheus reads (default: 90d)")
  String range;

  @Option(names = "--start", paramLabel = "TIME",
      description = "instead of --range: the first time read from --prometheus (ISO-8601 or date)")
  String start;

  @Option(names = "--end", paramLabel = "TIME",
      description = "with --start: the last time read (default: now)")
  String end;

  @Option(names = "--prometheus-token-env", paramLabel = "VAR",
      description = "a bearer token for --prometheus, from this environment variable")
  String tokenEnv;

  @Option(names = "--prometheus-token-file", paramLabel = "FILE",
      description = "a bearer token for --prometheus, from this file")
  Path tokenFile;

  @Option(names = "--prometheus-user", paramLabel = "USER",
      description = "basic authentication's user for --prometheus, with a password from"
          + " --prometheus-password-env or --prometheus-password-file")
  String user;

  @Option(names = "--prometheus-password-env", paramLabel = "VAR",
      description = "basic authentication's password, from this environment variable")
  String passwordEnv;

  @Option(names = "--prometheus-password-file", paramLabel = "FILE",
      description = "basic authentication's password, from this file")
  Path passwordFile;

  @Option(names = "--prometheus-ca-file", paramLabel = "FILE",
      description = "PEM certificates of the authority that signed an https server's certificate")
  Path caFile;

  @Option(names = "--prometheus-timeout", defaultValue = "30s", paramLabel = "DURATION",
      description = "how long one request may take (default: ${DEFAULT-VALUE})")
  String timeout;

  /** Where environment variables come from; tests give their own. */
  static Function<String, String> environment = System::getenv;

  /** Whether any option of these was given. */
  boolean used() {
    return url != null || !queries.isEmpty() || range != null || start != null || end != null
        || tokenEnv != null || tokenFile != null || user != null || passwordEnv != null
        || passwordFile != null || caFile != null;
  }

  /**
   * Reads every query from the server and saves each answer in {@code dir}, telling the console
   * what was read.
   *
   * @param stepSeconds the step asked for; 0 to choose one from the range ({@link #step})
   * @param findings where the warnings of the reads go, for the forecast's outputs
   * @return the saved files, to be read as any metrics file is
   * @throws CasinoPerf.UserInputException for options that cannot work together
   * @throws PrometheusException when the server gives no usable series
   */
  List<Path> fetchInto(Path dir, long stepSeconds, PrintWriter console, List<Finding> findings)
      throws IOException {
    if (url == null) {
      throw new CasinoPerf.UserInputException(firstGiven() + " is for reading from a Prometheus server:"
          + " give its URL with --prometheus");
    }
    if (queries.isEmpty()) {
      throw new CasinoPerf.UserInputException("--prometheus " + PrometheusSource.redacted(url)
          + ": no --query NAME=PROMQL to read");
    }
    List<PrometheusSource.Query> parsed = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (String text : queries) {
      PrometheusSource.Query query;
      try {
        query = PrometheusSource.Query.parse(text);
      } catch (PrometheusException e) {
        throw new CasinoPerf.UserInputException("--query " + text + ": " + e.getMessage());
      }
      if (!names.add(query.name())) {
        throw new CasinoPerf.UserInputException("--query " + query.name() + " is given twice; each name once");
      }
      parsed.add(query);
    }
    long[] span = span(Instant.now().getEpochSecond());
    PrometheusSource source = new PrometheusSource(url, credentials(), caFile,
        Duration.ofSeconds(ForecastCommand.seconds("--prometheus-timeout", timeout)));
    long step = stepSeconds > 0 ? stepSeconds : step(span[1] - span[0]);
    List<PrometheusSource.Fetched> fetched = fetchAll(source, parsed, span, step);
    List<String> notes = new ArrayList<>();
    if (stepSeconds == 0 && !allDense(fetched, step)) {
      // --step auto: a step finer than the samples reads a staircase. The finest longer step at
      // which every staircase is gone is the samples' own; a series flat by nature stays as it
      // is at every step and moves nothing.
      long first = step;
      for (int i = indexOf(step) + 1; i < AUTO_STEPS.length; i++) {
        List<PrometheusSource.Fetched> coarser = fetchAll(source, parsed, span, AUTO_STEPS[i]);
        if (staircasesGone(fetched, first, coarser, AUTO_STEPS[i])) {
          notes.add("--step auto: " + Timestamps.span(AUTO_STEPS[i]) + ", not " + Timestamps.span(first)
              + ": the samples are further apart than " + Timestamps.span(first));
          fetched = coarser;
          step = AUTO_STEPS[i];
          break;
        }
      }
    }
    List<Path> saved = new ArrayList<>();
    Files.createDirectories(dir);
    for (PrometheusSource.Fetched one : fetched) {
      PrometheusSource.Query query = one.query();
      Path file = dir.resolve(query.name() + ".prometheus.json");
      Files.writeString(file, one.answer(), StandardCharsets.UTF_8);
      saved.add(file);
      long[] times = one.series().epochSeconds();
      console.printf("read %s from %s: %s points every %s, %s to %s (%d request%s); saved to %s%n",
          query.name(), source.url(), String.format(java.util.Locale.ROOT, "%,d", times.length),
          Timestamps.span(step), Timestamps.format(times[0]), Timestamps.format(times[times.length - 1]),
          one.requests(), one.requests() == 1 ? "" : "s", file);
      List<String> warnings = new ArrayList<>();
      for (String warning : one.warnings()) {
        warnings.add(warning.startsWith(query.name() + ": ") ? warning.substring(query.name().length() + 2)
            : warning);
      }
      PrometheusSource.Sampling sampling = PrometheusSource.Sampling.of(one.series(), step);
      if (!sampling.dense()) {
        warnings.add(String.format(java.util.Locale.ROOT, "a value at %.0f %% of its %s steps and the same"
                + " value as the step before at %.0f %%: its samples look further apart than the step"
                + " (Prometheus repeats a sample for up to 5 minutes, then has none); a --step as long as"
                + " the samples' spacing reads each once", 100 * sampling.coverage(), Timestamps.span(step),
            100 * sampling.repeats()));
      }
      for (String warning : warnings) {
        console.println("warning: " + query.name() + ": " + warning);
        findings.add(new Finding.PrometheusWarning(query.name(), source.url(), warning));
      }
    }
    notes.forEach(note -> console.println(note));
    return saved;
  }

  private static List<PrometheusSource.Fetched> fetchAll(PrometheusSource source,
      List<PrometheusSource.Query> queries, long[] span, long step) {
    long first = Math.floorDiv(span[0] + step - 1, step) * step;
    long last = Math.floorDiv(span[1], step) * step;
    if (last < first + step) {
      throw new CasinoPerf.UserInputException("--prometheus: from " + Timestamps.format(span[0]) + " to "
          + Timestamps.format(span[1]) + " holds fewer than two steps of " + Timestamps.span(step));
    }
    List<PrometheusSource.Fetched> all = new ArrayList<>();
    for (PrometheusSource.Query query : queries) {
      all.add(source.fetch(query, first, last, step));
    }
    return all;
  }

  private static boolean allDense(List<PrometheusSource.Fetched> fetched, long step) {
    return fetched.stream().allMatch(f -> PrometheusSource.Sampling.of(f.series(), step).dense());
  }

  /**
   * Whether {@code coarse} takes the staircase away: every series is dense there or reads there
   * as it did at {@code step} (flat by nature), and at least one that was not dense now is.
   */
  private static boolean staircasesGone(List<PrometheusSource.Fetched> fine, long step,
      List<PrometheusSource.Fetched> coarse, long coarser) {
    boolean someBecameDense = false;
    for (int i = 0; i < fine.size(); i++) {
      PrometheusSource.Sampling before = PrometheusSource.Sampling.of(fine.get(i).series(), step);
      PrometheusSource.Sampling after = PrometheusSource.Sampling.of(coarse.get(i).series(), coarser);
      if (after.dense()) {
        someBecameDense |= !before.dense();
      } else if (before.improvedBy(after)) {
        return false;
      }
    }
    return someBecameDense;
  }

  private static int indexOf(long step) {
    for (int i = 0; i < AUTO_STEPS.length; i++) {
      if (AUTO_STEPS[i] == step) {
        return i;
      }
    }
    return AUTO_STEPS.length;
  }

  /**
   * The step {@code --step auto} starts from: the finest of 5 min, 15 min, 30 min, 1 h, 6 h and 1 d
   * that gives at most 50,000 points.
   */
  static long step(long rangeSeconds) {
    for (long step : AUTO_STEPS) {
      if (rangeSeconds / step <= AUTO_POINTS) {
        return step;
      }
    }
    return AUTO_STEPS[AUTO_STEPS.length - 1];
  }

  /** The range asked for, {@code [start, end]} in epoch seconds. */
  long[] span(long now) {
    if (range != null && (start != null || end != null)) {
      throw new CasinoPerf.UserInputException("--range counts back from now; give it or --start/--end, not both");
    }
    if (start == null && end != null) {
      throw new CasinoPerf.UserInputException("--end " + end + " needs --start");
    }
    if (start != null) {
      long from = time("--start", start);
      long to = end == null ? now : time("--end", end);
      if (to <= from) {
        throw new CasinoPerf.UserInputException("--start " + start + " is not before --end "
            + (end == null ? "(now)" : end));
      }
      return new long[] {from, Math.min(to, now)};
    }
    long back = ForecastCommand.seconds("--range", range == null ? "90d" : range);
    return new long[] {now - back, now};
  }

  private static long time(String option, String text) {
    try {
      return Timestamps.toEpochSeconds(text);
    } catch (IllegalArgumentException e) {
      throw new CasinoPerf.UserInputException(option + " " + text + ": " + e.getMessage());
    }
  }

  /** The credentials the options name, read from their variable or file. */
  PrometheusSource.Credentials credentials() throws IOException {
    boolean token = tokenEnv != null || tokenFile != null;
    boolean basic = user != null || passwordEnv != null || passwordFile != null;
    if (token && basic) {
      throw new CasinoPerf.UserInputException("--prometheus: a bearer token or a user and password, not both");
    }
    if (token) {
      return new PrometheusSource.Credentials.Bearer(
          secret("--prometheus-token-env", tokenEnv, "--prometheus-token-file", tokenFile));
    }
    if (basic) {
      if (user == null || user.isBlank()) {
        throw new CasinoPerf.UserInputException("--prometheus-password-env/-file need --prometheus-user");
      }
      return new PrometheusSource.Credentials.Basic(user,
          secret("--prometheus-password-env", passwordEnv, "--prometheus-password-file", passwordFile));
    }
    return new PrometheusSource.Credentials.None();
  }

  /** A secret from exactly one of a variable and a file; a file's trailing line break is not part of it. */
  private static String secret(String envOption, String variable, String fileOption, Path file)
      throws IOException {
    if (variable != null && file != null) {
      throw new CasinoPerf.UserInputException(envOption + " or " + fileOption + ", not both");
    }
    if (variable == null && file == null) {
      throw new CasinoPerf.UserInputException("--prometheus-user needs a password: " + envOption + " or "
          + fileOption);
    }
    String value;
    if (variable != null) {
      value = environment.apply(variable);
      if (value == null || value.isEmpty()) {
        throw new CasinoPerf.UserInputException(envOption + " " + variable + ": the environment variable is "
            + (value == null ? "not set" : "empty"));
      }
    } else {
      value = Files.readString(file, StandardCharsets.UTF_8).replaceAll("[\r\n]+$", "");
      if (value.isEmpty()) {
        throw new CasinoPerf.UserInputException(fileOption + " " + file + ": the file is empty");
      }
    }
    if (value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      throw new CasinoPerf.UserInputException((variable != null ? envOption + " " + variable : fileOption + " "
          + file) + ": holds a control character or a line break inside it; expected one line");
    }
    return value;
  }

  private String firstGiven() {
    return !queries.isEmpty() ? "--query" : range != null ? "--range" : start != null ? "--start"
        : end != null ? "--end" : tokenEnv != null ? "--prometheus-token-env"
        : tokenFile != null ? "--prometheus-token-file" : user != null ? "--prometheus-user"
        : passwordEnv != null ? "--prometheus-password-env"
        : passwordFile != null ? "--prometheus-password-file" : "--prometheus-ca-file";
  }
}
