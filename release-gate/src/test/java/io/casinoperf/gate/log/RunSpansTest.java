package io.casinoperf.gate.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunSpansTest {
  private static RunSpans.Span span(String file, long start, long end) {
    return new RunSpans.Span(Path.of(file), start, end);
  }

  @Test
  void shardsThatOverlapAreOneRun() {
    assertThat(RunSpans.gaps(List.of(span("a", 0, 60_000), span("b", 450, 60_300)))).isEmpty();
    // c overlaps a although it starts after b ended: still one chain of overlapping logs.
    assertThat(RunSpans.gaps(List.of(span("a", 0, 60_000), span("b", 100, 5_000),
        span("c", 10_000, 70_000)))).isEmpty();
    // Touching counts as overlapping; a log with no record is a point.
    assertThat(RunSpans.gaps(List.of(span("a", 0, 1_000), span("b", 1_000, 1_000)))).isEmpty();
  }

  @Test
  void aLogStartingAfterEveryEarlierOneEndedIsFlaggedWithTheGap() {
    List<String> warnings = RunSpans.gaps(List.of(
        span("second", 3_600_000 + 60_000, 3_600_000 + 120_000), span("first", 0, 60_000),
        span("third", 7_400_000, 7_500_000)));

    assertThat(warnings).containsExactly(
        "second started 60 min after first had ended, and no log overlaps both: injectors of one"
            + " run load at the same time; were these two runs?",
        "third started 61 min after second had ended, and no log overlaps both: injectors of one"
            + " run load at the same time; were these two runs?");
    assertThat(RunSpans.gaps(List.of(span("a", 0, 1_000), span("b", 2_500, 3_000))))
        .singleElement().asString().startsWith("b started 1.5 s after a had ended");
  }

  @Test
  void oneLogHasNoGap() {
    assertThat(RunSpans.gaps(List.of(span("a", 0, 10)))).isEmpty();
    assertThat(RunSpans.gaps(List.of())).isEmpty();
  }
}
