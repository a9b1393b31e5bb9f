package io.casinoperf.gate.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class BlocksTest {

  /** Responses per block, counted from the definition: start / width, rounded down. */
  private static Map<Long, long[]> expected(List<long[]> responses, long width) {
    Map<Long, long[]> blocks = new TreeMap<>();
    for (long[] response : responses) {
      long[] counts = blocks.computeIfAbsent(Math.floorDiv(response[0], width), i -> new long[2]);
      counts[0]++;
      counts[1] += response[2];
    }
    return blocks;
  }

  private static Map<Long, long[]> actual(Blocks blocks) {
    Map<Long, long[]> counts = new TreeMap<>();
    blocks.byIndex().forEach((index, block) ->
        counts.put(index, new long[] {block.count(), block.koCount()}));
    return counts;
  }

  @Test
  void responsesLandInTheBlockOfTheirStartInOrderOrNot() {
    // Mostly in time order, some late (a slow response written after faster ones), some
    // exactly on block edges, before the epoch too.
    SplittableRandom random = new SplittableRandom(3);
    List<long[]> responses = new ArrayList<>();
    for (long t = -5_000; t < 120_000; t += 1 + random.nextInt(40)) {
      long start = random.nextInt(10) == 0 ? t - random.nextInt(3_000) : t;
      responses.add(new long[] {start, random.nextInt(300), random.nextInt(20) == 0 ? 1 : 0});
    }
    for (long edge = 0; edge < 10_000; edge += 1_000) {
      responses.add(new long[] {edge, 5, 0});
      responses.add(new long[] {edge - 1, 5, 1});
    }
    Blocks blocks = new Blocks();
    for (long[] response : responses) {
      blocks.record(response[0], response[1], response[2] == 0);
    }

    assertThat(blocks.widthMillis()).isEqualTo(1_000);
    assertThat(actual(blocks)).usingRecursiveComparison()
        .isEqualTo(expected(responses, 1_000));
  }

  @Test
  void aLongRunWidensTheBlocksAndKeepsEveryResponseInTheRightOne() {
    List<long[]> responses = new ArrayList<>();
    Blocks blocks = new Blocks();
    // 40 minutes, a response every 100 ms, and one late response after each widening point.
    for (long t = 0; t < 2_400_000; t += 100) {
      long[] response = {t, 10, t % 7_000 == 0 ? 1 : 0};
      responses.add(response);
      blocks.record(response[0], response[1], response[2] == 0);
      if (t % 599_900 == 0 && t > 0) {
        long[] late = {t - 1_500, 40, 0};
        responses.add(late);
        blocks.record(late[0], late[1], true);
      }
    }

    // 2,400 one-second blocks do not fit in 600: widened to 4 s.
    assertThat(blocks.widthMillis()).isEqualTo(4_000);
    assertThat(blocks.size()).isLessThanOrEqualTo(Blocks.MAX_BLOCKS);
    assertThat(actual(blocks)).usingRecursiveComparison()
        .isEqualTo(expected(responses, blocks.widthMillis()));
  }

  @Test
  void eachBlocksLatenciesAreThoseOfRecordingEachResponseInIt() {
    SplittableRandom random = new SplittableRandom(9);
    Blocks blocks = new Blocks();
    List<long[]> responses = new ArrayList<>();
    // Six minutes, out of order now and then, both sides of the array's bound, read half-way.
    for (int i = 0; i < 120_000; i++) {
      long start = i * 3L - (random.nextInt(15) == 0 ? random.nextInt(2_500) : 0);
      long millis = random.nextInt(10) == 0 ? 3_000 + random.nextInt(3_000) : random.nextInt(400);
      blocks.record(start, millis, random.nextInt(50) > 0);
      responses.add(new long[] {start, millis});
      if (i == 60_000) {
        assertThat(blocks.byIndex()).isNotEmpty();
      }
    }
    Map<Long, org.HdrHistogram.IntCountsHistogram> direct = new TreeMap<>();
    for (long[] response : responses) {
      direct.computeIfAbsent(Math.floorDiv(response[0], blocks.widthMillis()),
          k -> new org.HdrHistogram.IntCountsHistogram(2)).recordValue(response[1]);
    }

    assertThat(blocks.widthMillis()).isEqualTo(1_000);
    assertThat(blocks.byIndex().keySet()).isEqualTo(direct.keySet());
    blocks.byIndex().forEach((index, block) -> {
      org.HdrHistogram.IntCountsHistogram expected = direct.get(index);
      assertThat(block.latencies().getTotalCount()).as("block %d", index)
          .isEqualTo(expected.getTotalCount()).isEqualTo(block.count());
      for (long threshold : new long[] {0, 50, 200, 399, 4_095, 4_096, 5_000}) {
        assertThat(block.countAbove(threshold)).as("block %d above %d ms", index, threshold)
            .isEqualTo(expected.getTotalCount() - expected.getCountBetweenValues(0, threshold));
      }
    });
  }
}
