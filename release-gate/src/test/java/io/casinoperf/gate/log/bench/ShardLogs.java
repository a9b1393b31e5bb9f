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
 * Writes the {@code simulation.log} files of one sharded run, as its injectors would, for the
 * merge benchmark (benchmarks/merge-speed.sh). Each shard: players arriving at 400 a second, each
 * logging in, opening the lobby and spinning three times (2,000 requests a second), log-normal
 * response times around 20 ms, 1 % KO with one of three messages, records in the order they
 * completed; shard k starts 700 ms after shard k-1. Seeded: the same arguments give the same files.
 *
 * <p>{@code ShardLogs FOLDER SHARDS REQUESTS_PER_SHARD [SEED]} writes {@code FOLDER/shard-k.log}.
 */
public final class ShardLogs {
  static final String SIMULATION = "io.casinoperf.simulations.FlashSpinPeakSimulation";
  private static final Instant START = Instant.parse("2026-11-27T20:00:00Z");
  private static final List<String> JOURNEY = List.of("Login", "Lobby", "Spin", "Spin", "Spin");
  static final List<String> KO_MESSAGES = List.of(
      "status.find.in(200,201), but actually found 503", "Request timeout to 127.0.0.1 after 10000 ms",
      "jsonPath($.balance).find.exists, found nothing");
  private static final int MICROS_PER_REQUEST = 500;

  private ShardLogs() {}

  public static void main(String[] args) throws IOException {
    Path folder = Files.createDirectories(Path.of(args[0]));
    int shards = Integer.parseInt(args[1]);
    long requests = Long.parseLong(args[2]);
    long seed = args.length > 3 ? Long.parseLong(args[3]) : 2026;
    for (int shard = 1; shard <= shards; shard++) {
      Path log = folder.resolve("shard-" + shard + ".log");
      write(log, START.plusMillis(700L * (shard - 1)), requests, new SplittableRandom(seed + shard));
      System.out.println(log + " " + Files.size(log) + " bytes");
    }
  }

  private static void write(Path log, Instant start, long requests, SplittableRandom random)
      throws IOException {
    RunHeader header = new RunHeader("3.15.1", SIMULATION, start, "", List.of("Free-spins drop"), List.of());
    List<String> spins = List.of("Spin session");
    try (SimulationLogWriter writer = SimulationLogWriter.create(log, header)) {
      int groupStart = 0;
      int groupMillis = 0;
      boolean groupOk = true;
      for (long i = 0; i < requests; i++) {
        int step = (int) (i % JOURNEY.size());
        int endMillis = 1_000 + (int) (i * MICROS_PER_REQUEST / 1_000);
        int responseMillis = (int) Math.round(20 * Math.exp(0.6 * random.nextGaussian()));
        int startMillis = endMillis - responseMillis;
        if (step == 0) {
          writer.user("Free-spins drop", true, startMillis);
        }
        if (step == 2) {
          groupStart = startMillis;
          groupMillis = 0;
          groupOk = true;
        }
        boolean ok = random.nextInt(100) > 0;
        writer.request(step >= 2 ? spins : List.of(), JOURNEY.get(step), startMillis, endMillis, ok,
            ok ? "" : KO_MESSAGES.get(random.nextInt(KO_MESSAGES.size())));
        if (step >= 2) {
          groupMillis += responseMillis;
          groupOk &= ok;
        }
        if (step == JOURNEY.size() - 1) {
          writer.group(spins, groupStart, endMillis, groupMillis, groupOk);
          writer.user("Free-spins drop", false, endMillis);
        }
      }
    }
  }
}
