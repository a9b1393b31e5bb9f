package io.casinoperf.gate.log;

import static org.assertj.core.api.Assertions.assertThat;

import io.casinoperf.gate.summary.RequestKey;
import io.casinoperf.gate.summary.RequestStats;
import io.casinoperf.gate.summary.RunSummaries;
import io.casinoperf.gate.summary.RunSummary;
import io.casinoperf.gate.testing.LogFileWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Property: a run's log dealt at random onto two injectors, the second started a random delay
 * later (its timestamps counted from its own start), merges back into the same run: the same
 * records, the same totals and percentiles, in completion-time order.
 */
class SplitLogMergeTest {
  private static final long START = Instant.parse("2026-11-27T10:00:00Z").toEpochMilli();
  private static final List<String> SCENARIOS = List.of("Regulars", "Drop", "Whales");
  private static final List<String> REQUESTS = List.of("Login", "Lobby", "Spin", "Dépôt €");
  private static final List<List<String>> GROUPS =
      List.of(List.of(), List.of("Spin loop"), List.of("Spin loop", "Bonus ⚡"));
  private static final List<String> KO_MESSAGES =
      List.of("status.find.is(200), but actually found 503", "Request timeout", "Konto gesperrt ⚠");

  @TempDir Path dir;

  /** One record of the generated run: when it completed, and how to write it at an offset. */
  private record Generated(int completedMillis, Writing writing) {}

  @FunctionalInterface
  private interface Writing {
    void to(LogFileWriter log, int shiftMillis, List<String> scenarios);
  }

  private static List<Generated> generate(SplittableRandom random, int count) {
    List<Generated> records = new ArrayList<>();
    // Every timestamp at or after 10 s, so that a shard started up to 10 s late keeps them >= 0.
    for (int i = 0; i < count; i++) {
      int start = 10_000 + random.nextInt(60_000);
      int end = start + (int) Math.round(20 * Math.exp(random.nextGaussian()));
      int kind = random.nextInt(20);
      if (kind < 14) {
        List<String> groups = GROUPS.get(random.nextInt(GROUPS.size()));
        String name = REQUESTS.get(random.nextInt(REQUESTS.size()));
        boolean ok = random.nextInt(10) > 0;
        String message = ok ? "" : KO_MESSAGES.get(random.nextInt(KO_MESSAGES.size()));
        records.add(new Generated(end,
            (log, shift, scenarios) -> log.request(groups, name, start - shift, end - shift, ok, message)));
      } else if (kind < 17) {
        int scenario = random.nextInt(SCENARIOS.size());
        boolean begins = random.nextBoolean();
        records.add(new Generated(start,
            (log, shift, scenarios) -> log.user(scenarios.indexOf(SCENARIOS.get(scenario)), begins, start - shift)));
      } else if (kind < 19) {
        List<String> groups = GROUPS.get(1 + random.nextInt(GROUPS.size() - 1));
        int cumulated = end - start - random.nextInt(Math.max(1, end - start));
        boolean ok = random.nextBoolean();
        records.add(new Generated(end,
            (log, shift, scenarios) -> log.group(groups, start - shift, end - shift, cumulated, ok)));
      } else {
        String message = "No attribute named 'token' is defined";
        records.add(new Generated(start, (log, shift, scenarios) -> log.error(message, start - shift)));
      }
    }
    // As Gatling writes them: in the order they completed.
    records.sort(Comparator.comparingInt(Generated::completedMillis));
    return records;
  }

  private static Path write(Path file, long start, List<String> scenarios, List<Generated> records, int shift) {
    LogFileWriter log = new LogFileWriter().run("3.15.1", "casino.FlashSpinPeakSimulation", start, scenarios);
    records.forEach(record -> record.writing().to(log, shift, scenarios));
    return log.writeTo(file);
  }

  private static List<String> sortedEvents(Path log) {
    SimulationLogReaderTest.Recorder recorder = new SimulationLogReaderTest.Recorder();
    SimulationLogReader.read(log, recorder);
    List<String> records = new ArrayList<>(recorder.events.subList(1, recorder.events.size()));
    Collections.sort(records);
    return records;
  }

  /** When each record completed (a request's or group's end, a user's or error's time), in file order. */
  private static List<Integer> completionTimes(Path log) {
    List<Integer> times = new ArrayList<>();
    SimulationLogReader.read(log, new SimulationLogListener() {
      @Override
      public void onRequest(List<String> groups, String name, int start, int end, boolean ok, String message) {
        times.add(end);
      }

      @Override
      public void onUser(String scenario, boolean start, int timestamp) {
        times.add(timestamp);
      }

      @Override
      public void onGroup(List<String> groups, int start, int end, int cumulated, boolean ok) {
        times.add(end);
      }

      @Override
      public void onError(String message, int timestamp) {
        times.add(timestamp);
      }
    });
    return times;
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
  void aRunSplitOntoTwoInjectorsMergesBackIntoTheSameRun(int seed) throws Exception {
    SplittableRandom random = new SplittableRandom(seed);
    List<Generated> run = generate(random, 2_000 + random.nextInt(3_000));
    Path whole = write(dir.resolve("whole.log"), START, SCENARIOS, run, 0);
    List<Generated> first = new ArrayList<>();
    List<Generated> second = new ArrayList<>();
    for (Generated record : run) {
      (random.nextBoolean() ? first : second).add(record);
    }
    int delayMillis = random.nextInt(10_001);
    // The second injector knows its scenarios in another order: user records must be remapped.
    Path shard1 = write(dir.resolve("shard-1.log"), START, SCENARIOS, first, 0);
    List<String> reversed = new ArrayList<>(SCENARIOS);
    Collections.reverse(reversed);
    Path shard2 = write(dir.resolve("shard-2.log"), START + delayMillis, reversed, second, delayMillis);
    Path merged = dir.resolve("merged.log");

    SimulationLogMerge.MergedLog result = SimulationLogMerge.merge(List.of(shard2, shard1), merged);

    assertThat(result.records()).isEqualTo(run.size());
    assertThat(result.header().start()).isEqualTo(Instant.ofEpochMilli(START));
    assertThat(sortedEvents(merged)).isEqualTo(sortedEvents(whole));
    assertThat(completionTimes(merged)).isSorted();

    RunSummary expected = RunSummaries.read(List.of(whole));
    RunSummary actual = RunSummaries.read(List.of(merged));
    assertThat(actual.all().count()).isEqualTo(expected.all().count());
    assertThat(actual.all().koCount()).isEqualTo(expected.all().koCount());
    assertThat(actual.usersStarted()).isEqualTo(expected.usersStarted());
    assertThat(actual.usersEnded()).isEqualTo(expected.usersEnded());
    assertThat(actual.errors()).isEqualTo(expected.errors());
    assertThat(actual.requests().keySet()).isEqualTo(expected.requests().keySet());
    assertThat(actual.groups().keySet()).isEqualTo(expected.groups().keySet());
    for (Map.Entry<RequestKey, RequestStats> request : expected.requests().entrySet()) {
      RequestStats merge = actual.requests().get(request.getKey());
      assertThat(merge.all()).as(request.getKey().toString()).isEqualTo(request.getValue().all());
      assertThat(merge.koMessages()).isEqualTo(request.getValue().koMessages());
      assertThat(merge.percentileMillis(99)).isEqualTo(request.getValue().percentileMillis(99));
    }
  }
}
