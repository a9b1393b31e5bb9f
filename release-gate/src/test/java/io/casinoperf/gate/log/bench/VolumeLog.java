package io.casinoperf.gate.log.bench;

import io.casinoperf.gate.log.RunHeader;
import io.casinoperf.gate.log.SimulationLogWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes one large {@code simulation.log} for the gate's speed benchmark (benchmarks/gate-speed.sh):
 * ten users loop over five requests (Login, Lobby, Balance, Bet, Spin) with log-normal response
 * times around 20 ms and 1 % KO (one of {@link ShardLogs}' three messages), 2,000 requests a
 * second, records in the order they completed; the users start at the beginning and end after the
 * last request. Seeded:
 * the same arguments give the same file.
 *
 * <p>{@code VolumeLog FILE REQUESTS [SEED]}
 */
public final class VolumeLog {
  private static final String SCENARIO = "Free-spins drop";
  private static final Instant START = Instant.parse("2026-12-01T20:00:00Z");
  private static final List<String> NAMES = List.of("Login", "Lobby", "Balance", "Bet", "Spin");
  private static final int USERS = 10;
  private static final int MICROS_PER_REQUEST = 500;

  private VolumeLog() {}

  public static void main(String[] args) throws IOException {
    Path log = Path.of(args[0]);
    long requests = Long.parseLong(args[1]);
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 2026;
    if (log.getParent() != null) {
      Files.createDirectories(log.getParent());
    }
    write(log, requests, new SplittableRandom(seed));
    System.out.println(log + " " + Files.size(log) + " bytes, " + requests + " requests");
  }

  private static void write(Path log, long requests, SplittableRandom random) throws IOException {
    RunHeader header = new RunHeader("3.15.1", ShardLogs.SIMULATION, START, "", List.of(SCENARIO), List.of());
    try (SimulationLogWriter writer = SimulationLogWriter.create(log, header)) {
      for (int user = 0; user < USERS; user++) {
        writer.user(SCENARIO, true, 0);
      }
      int endMillis = 0;
      for (long i = 0; i < requests; i++) {
        endMillis = 50 + (int) (i * MICROS_PER_REQUEST / 1_000);
        int responseMillis = (int) Math.round(20 * Math.exp(0.6 * random.nextGaussian()));
        boolean ok = random.nextInt(100) > 0;
        writer.request(List.of(), NAMES.get((int) ((i / USERS) % NAMES.size())),
            Math.max(0, endMillis - responseMillis), endMillis, ok,
            ok ? "" : ShardLogs.KO_MESSAGES.get(random.nextInt(ShardLogs.KO_MESSAGES.size())));
      }
      for (int user = 0; user < USERS; user++) {
        writer.user(SCENARIO, false, endMillis);
      }
    }
  }
}
