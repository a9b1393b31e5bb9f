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
 * call. It gates a small generated run twice (the second against the first, stored) and lists the
 * history, in a temporary folder it removes: the classes of reading, judging, storing and every
 * report. Not a user command.
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
      if (first > 4 || second > 4 || list != 0) {
        System.err.println("startup training: unexpected exit codes " + first + ", " + second
            + ", " + list);
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
