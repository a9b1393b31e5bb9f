package io.casinoperf.cli;

import io.casinoperf.gate.log.RunHeader;
import io.casinoperf.gate.log.SimulationLogWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * The build's class-data-sharing run: the JVM that runs this (with {@code
 * -XX:ArchiveClassesAtExit}) archives every class it loaded, parsed and verified, and {@code
 * bin/casinoperf} maps that archive instead of loading the same classes from the jar on each
 * call. It gates a small generated run twice (the second against the first, stored), lists the
 * history and forecasts four weeks of generated metrics, in a temporary folder it removes: the
 * classes of reading, judging, storing, forecasting and every report. Not a user command.
 *
 * <p>{@code StartupTraining} — exit code 0 when every command ran as expected.
 */
public final class StartupTraining {
  private StartupTraining() {}

  public static void main(String[] args) throws IOException {
    Path folder = Files.createTempDirectory("casinoperf-training");
    try {
      Path log = folder.resolve("run").resolve("simulation.log");
      Files.createDirectories(log.getParent());
      writeLog(log);
      String history = folder.resolve("history").toString();
      String out = folder.resolve("report").toString();
      int first = run("gate", log.toString(), "--history", history, "--out", out, "--label", "a");
      int second = run("gate", log.toString(), "--history", history, "--out", out, "--label", "b",
          "--pool", "1", "--no-save");
      int list = run("history", "list", "--history", history);
      Path capacity = folder.resolve("capacity");
      writeCapacityInputs(capacity);
      int forecast = run("forecast", capacity.resolve("metrics.csv").toString(), "--plan",
          capacity.resolve("plan.yaml").toString(), "--calendar", capacity.resolve("calendar.yaml").toString(),
          "--load-steps", capacity.resolve("load-steps.csv").toString(), "--origins", "1",
          "--out", folder.resolve("forecast").toString());
      if (first > 4 || second > 4 || list != 0 || forecast != 0) {
        System.err.println("startup training: unexpected exit codes " + first + ", " + second
            + ", " + list + ", " + forecast);
        System.exit(1);
      }
    } finally {
      try (Stream<Path> files = Files.walk(folder)) {
        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(file);
        }
      }
    }
  }

  private static int run(String... args) {
    StringWriter err = new StringWriter();
    int code = CasinoPerf.execute(args, new PrintWriter(new StringWriter(), true),
        new PrintWriter(err, true));
    if (code > 4 || code == 2) {
      System.err.print(err);
    }
    return code;
  }

  /**
   * Four weeks of half-hourly traffic with a daily wave and a weekly one, a CPU that follows it,
   * two past promotions and a planned one, and load-test steps: the classes of a forecast with
   * every output, the rehearsal profile included.
   */
  private static void writeCapacityInputs(Path folder) throws IOException {
    Files.createDirectories(folder);
    long start = Instant.parse("2026-01-05T00:00:00Z").getEpochSecond();
    SplittableRandom random = new SplittableRandom(2);
    StringBuilder metrics = new StringBuilder("timestamp,rps,cpu_percent\n");
    for (int i = 0; i < 28 * 48; i++) {
      long t = start + i * 1800L;
      double hour = (t % 86_400) / 3600.0;
      long day = (t - start) / 86_400;
      boolean promotion = (day == 8 || day == 20) && hour >= 18 && hour < 23;
      double rps = 900 * Math.exp(0.4 * Math.cos(2 * Math.PI * (hour - 20) / 24)
          + (day % 7 >= 5 ? 0.15 : 0) + 0.05 * random.nextGaussian()) * (promotion ? 2 : 1);
      metrics.append(t).append(',').append(Math.round(rps)).append(',')
          .append(Math.round((6 + 0.02 * rps) * 10) / 10.0).append('\n');
    }
    Files.writeString(folder.resolve("metrics.csv"), metrics);
    Files.writeString(folder.resolve("calendar.yaml"), """
        past:
          - {name: "Free spins 1", type: free-spins, start: 2026-01-13T18:00:00Z, end: 2026-01-13T23:00:00Z}
          - {name: "Free spins 2", type: free-spins, start: 2026-01-25T18:00:00Z, end: 2026-01-25T23:00:00Z}
        planned: {name: "Black Friday", type: free-spins, start: 2026-02-04T18:00:00Z, end: 2026-02-04T23:00:00Z, multiplier: 3}
        """);
    Files.writeString(folder.resolve("plan.yaml"), """
        traffic: {series: rps, unit: requests/s, nodes: 6, redundancy: 1}
        resources:
          - {name: app-cpu, series: cpu_percent, unit: "%", perNode: true, nodes: 6, limit: 70, redundancy: 1}
        """);
    Files.writeString(folder.resolve("load-steps.csv"), """
        concurrency,throughput_per_s,p99_ms,error_rate,mean_ms,scv
        1,39.7,76,0,25.2,0.4
        10,302.3,99,0,33.1,0.4
        30,549.8,164,0,54.6,0.4
        60,571.6,315,0,105,0.4
        """);
  }

  /** Two thousand requests of two names over four seconds, a few of them KO. */
  private static void writeLog(Path log) throws IOException {
    RunHeader header = new RunHeader("3.15.1", "io.casinoperf.simulations.FlashSpinPeakSimulation",
        Instant.parse("2026-01-01T00:00:00Z"), "", List.of("players"), List.of());
    SplittableRandom random = new SplittableRandom(1);
    try (SimulationLogWriter writer = SimulationLogWriter.create(log, header)) {
      writer.user("players", true, 0);
      for (int i = 0; i < 2_000; i++) {
        int end = 30 + 2 * i;
        boolean ok = random.nextInt(50) > 0;
        writer.request(List.of(), i % 2 == 0 ? "Spin" : "Balance", end - 5 - random.nextInt(20), end,
            ok, ok ? "" : "status.find.in(200), but actually found 503");
      }
      writer.user("players", false, 4_030);
    }
  }
}
