package io.casinoperf.gate.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import io.casinoperf.gate.summary.RunSummaries;
import io.casinoperf.gate.summary.RunSummary;
import io.casinoperf.gate.testing.LogFileWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run its circuit breaker stopped is aborted, however good its numbers look. */
class AbortedRunTest {
  private static final long START = Instant.parse("2026-11-27T10:00:00Z").toEpochMilli();
  /** As Gatling 3.15 writes the mark: request name, abbreviated exception class, message. */
  private static final String MARK = "Circuit breaker: i.c.s.b.CircuitBreakerOpen: stopped the run: "
      + "error rate 43.1 % over the last 10 s (412 of 956 requests) passed 20 %";

  @TempDir Path dir;

  private RunSummary run(String name, String... errorRecords) {
    return run(name, START, errorRecords);
  }

  /** A run whose injector started at {@code start}: two injectors of one run start apart. */
  private RunSummary run(String name, long start, String... errorRecords) {
    LogFileWriter log = new LogFileWriter()
        .run("3.15.1", "casino.FlashSpinPeakSimulation", start, List.of("Players"));
    for (int i = 0; i < 2_000; i++) {
      log.request(List.of(), "Spin", i, i + 10 + i % 7, true, "");
    }
    for (String message : errorRecords) {
      log.error(message, 2_000);
    }
    return RunSummaries.read(List.of(log.writeTo(dir.resolve(name))));
  }

  @Test
  void theMarkInTheLogGivesTheBreakersReason() {
    RunSummary stopped = run("stopped.log", MARK + " ");
    assertThat(stopped.circuitBreakerStops())
        .containsExactly("error rate 43.1 % over the last 10 s (412 of 956 requests) passed 20 %");
  }

  @Test
  void otherErrorRecordsAreNotAStop() {
    RunSummary other = run("other.log",
        "Spin: No attribute named 'gameId' is defined",
        "Circuit breaker: something else entirely",
        "Login: Circuit breaker: stopped the run: quoted in another message");
    assertThat(other.circuitBreakerStops()).isEmpty();
  }

  @Test
  void aStoppedRunIsAbortedEvenAgainstItselfAndFailsThePipeline() {
    RunSummary stopped = run("stopped.log", MARK);
    RunSummary complete = run("complete.log");

    RunVerdict againstItself = Gate.judge(stopped, stopped, GateSettings.defaults());
    RunVerdict againstAComplete = Gate.judge(stopped, complete, GateSettings.defaults());
    RunVerdict completeAgainstItself = Gate.judge(complete, complete, GateSettings.defaults());

    for (RunVerdict verdict : List.of(againstItself, againstAComplete)) {
      assertThat(verdict.overall()).isInstanceOf(Verdict.Aborted.class);
      assertThat(verdict.overall().rule()).isEqualTo(Rule.STOPPED_BY_CIRCUIT_BREAKER);
      assertThat(verdict.overall().reason())
          .startsWith("the circuit breaker stopped the run: error rate 43.1 %");
      assertThat(verdict.exitCode(false)).isEqualTo(1);
      // The requests are still judged on what was sent.
      assertThat(verdict.allRequests().overall().label()).isEqualTo("pass");
    }
    assertThat(completeAgainstItself.overall().label()).isEqualTo("pass");
    assertThat(completeAgainstItself.exitCode(false)).isZero();
  }

  @Test
  void twoInjectorsStoppedForTheSameReasonGiveItTwice() {
    run("1.log", MARK);
    run("2.log", START + 3, MARK);
    RunSummary both = RunSummaries.read(List.of(dir.resolve("1.log"), dir.resolve("2.log")));

    assertThat(both.circuitBreakerStops()).hasSize(2).containsOnly(
        "error rate 43.1 % over the last 10 s (412 of 956 requests) passed 20 %");
  }

  @Test
  void twoInjectorsStoppedGiveBothReasons() {
    RunSummary first = run("1.log", MARK);
    LogFileWriter second = new LogFileWriter()
        .run("3.15.1", "casino.FlashSpinPeakSimulation", START, List.of("Players"))
        .request(List.of(), "Spin", 0, 10, true, "")
        .error("Circuit breaker: i.c.s.b.CircuitBreakerOpen: stopped the run: p99 6,100 ms over "
            + "the last 10 s (300 requests) passed the ceiling of 5,000 ms", 10);
    RunSummary both = RunSummaries.read(List.of(
        dir.resolve("1.log"), second.writeTo(dir.resolve("2.log"))));

    assertThat(first.circuitBreakerStops()).hasSize(1);
    assertThat(both.circuitBreakerStops()).containsExactly(
        "error rate 43.1 % over the last 10 s (412 of 956 requests) passed 20 %",
        "p99 6,100 ms over the last 10 s (300 requests) passed the ceiling of 5,000 ms");
    assertThat(Gate.judge(both, first, GateSettings.defaults()).overall().reason())
        .contains("error rate 43.1 %").contains("; p99 6,100 ms");
  }
}
