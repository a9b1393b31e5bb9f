package io.casinoperf.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.casinoperf.gate.testing.LogFileWriter;
import io.casinoperf.run.RunRecordSamples;
import io.casinoperf.run.RunRecords;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A run history made the way a pipeline makes one: generated Gatling logs, one an hour, each
 * judged and stored by the real gate command, its reports in a folder of its own (or, as in a
 * pipeline that reuses its workspace, all in one). For the trend report's tests.
 */
public final class GatedRuns {
  public static final String SIMULATION = "casino.FlashSpinPeakSimulation";
  private static final long START = 1_795_000_000_000L;
  private static final Pattern STORED = Pattern.compile("stored as (\\S+) in");

  private final Path dir;
  private final boolean oneReportFolder;
  private int runs;

  /**
   * What the gate said about one run.
   *
   * @param allP99Millis the p99 of all requests in the gate's verdict.json
   * @param reports the folder the gate wrote verdict.json and gate.html to
   */
  public record Gated(int exitCode, String id, String label, String verdict, long allP99Millis, String out, String err,
      Path reports) {}

  /** Each run's reports in a folder of its own. */
  public GatedRuns(Path dir) {
    this(dir, false);
  }

  /** @param oneReportFolder every gate writes to the same folder, each over the one before */
  public GatedRuns(Path dir, boolean oneReportFolder) {
    this.dir = dir;
    this.oneReportFolder = oneReportFolder;
  }

  public Path history() {
    return dir.resolve("history");
  }

  /**
   * Gates a run of 3,000 logins and 3,000 spins with log-normal response times.
   *
   * @param spinMedianMillis median spin response time; 20 passes against 20, 30 is a regression
   * @param koEvery every this many-th spin fails (0: none)
   */
  public Gated gate(String label, double spinMedianMillis, int koEvery, String simulation) {
    return judge(log(spinMedianMillis, koEvery, simulation, false, log -> { }), label, List.of());
  }

  public Gated gate(String label, double spinMedianMillis) {
    return gate(label, spinMedianMillis, 0, SIMULATION);
  }

  /** A run gated with more options, e.g. {@code --slo Spin=50/1}. */
  public Gated gate(String label, double spinMedianMillis, List<String> options) {
    return judge(log(spinMedianMillis, 0, SIMULATION, false, log -> { }), label, options);
  }

  /** A run whose log was cut off: stored as inconclusive. */
  public Gated gateCutOff(String label, double spinMedianMillis) {
    return judge(log(spinMedianMillis, 0, SIMULATION, true, log -> { }), label, List.of());
  }

  /** A run its circuit breaker stopped (Gatling's mark in the log): stored as aborted. */
  public Gated gateAborted(String label, double spinMedianMillis) {
    return judge(log(spinMedianMillis, 0, SIMULATION, false,
        log -> log.error("Circuit breaker: i.c.s.b.CircuitBreakerOpen: stopped the run: "
            + "error rate 43.1 % over the last 10 s (412 of 956 requests) passed 20 %", 59_000)),
        label, List.of());
  }

  /** A run whose record says its injector was saturated: stored as invalid. */
  public Gated gateInvalid(String label, double spinMedianMillis) {
    Path log = log(spinMedianMillis, 0, SIMULATION, false, l -> { });
    RunRecords.write(RunRecords.fileFor(log),
        RunRecordSamples.saturated(SIMULATION, "scheduling lag p99 80 ms (at most 50 ms)"));
    return judge(log, label, List.of());
  }

  private Path log(double spinMedianMillis, int koEvery, String simulation, boolean cut,
      Consumer<LogFileWriter> more) {
    int run = runs++;
    SplittableRandom random = new SplittableRandom(run + 1);
    LogFileWriter log = new LogFileWriter().run("3.15.1", simulation, START + run * 3_600_000L, List.of("players"));
    for (int i = 0; i < 3_000; i++) {
      int at = i * 20;
      log.request(List.of(), "Login", at, at + (int) Math.round(15 * Math.exp(0.4 * random.nextGaussian())), true, "");
      boolean ok = koEvery == 0 || i % koEvery != koEvery - 1;
      log.request(List.of(), "Spin", at + 5,
          at + 5 + (int) Math.round(spinMedianMillis * Math.exp(0.5 * random.nextGaussian())), ok,
          ok ? "" : "status.find.in(200), but actually found 503");
    }
    more.accept(log);
    byte[] bytes = log.bytes();
    try {
      // A folder per log, so a run record can sit beside it as run.json.
      Path folder = Files.createDirectories(dir.resolve("run-" + run));
      return Files.write(folder.resolve("simulation.log"), cut ? Arrays.copyOf(bytes, bytes.length - 5) : bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Gated judge(Path log, String label, List<String> options) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Path reports = dir.resolve(oneReportFolder ? "gate-report" : "gate-report-" + (runs - 1));
    List<String> args = new ArrayList<>(List.of("gate", log.toString(), "--history", history().toString(),
        "--out", reports.toString(), "--label", label));
    args.addAll(options);
    int code = CasinoPerf.execute(args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
    Matcher stored = STORED.matcher(err.toString());
    if (!stored.find()) {
      throw new AssertionError("the gate stored no run: " + out + err);
    }
    try {
      JsonNode verdict = new ObjectMapper().readTree(reports.resolve("verdict.json").toFile());
      long p99 = -1;
      for (JsonNode request : verdict.get("requests")) {
        if (request.get("path").asText().equals("All requests")) {
          for (JsonNode percentile : request.get("percentiles")) {
            if (percentile.get("percentile").asDouble() == 99) {
              p99 = percentile.get("candidateMillis").asLong();
            }
          }
        }
      }
      return new Gated(code, stored.group(1), label, verdict.get("verdict").asText(), p99, out.toString(), err.toString(),
          reports);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
