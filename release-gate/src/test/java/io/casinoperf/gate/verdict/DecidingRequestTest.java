package io.casinoperf.gate.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import io.casinoperf.gate.summary.RunSummary;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The run's verdict names the request whose check decided it, for the history and the trend. */
class DecidingRequestTest {
  private static RunSummary run(int names, double median, long seed) {
    return SyntheticRuns.run(names, 20_000, SyntheticRuns.logNormal(median, 0.5), new SplittableRandom(seed));
  }

  private static RunSummary cutOff(RunSummary run) {
    return new RunSummary(run.injectors(), run.start(), run.end(), run.all(), run.requests(),
        run.groups(), run.usersStarted(), run.usersEnded(), run.errors(), run.timeline(), true,
        run.warnings());
  }

  @Test
  void aPassIsDecidedByNoRequest() {
    RunVerdict verdict = Gate.judge(run(2, 20, 1), run(2, 20, 2), GateSettings.defaults());

    assertThat(verdict.outcome()).isEqualTo(Outcome.PASS);
    assertThat(verdict.decidedBy()).isEmpty();
  }

  @Test
  void anSloBreachOfOneRequestIsDecidedByThatRequest() {
    // A p99 near 64 ms against 30 ms for request-1 only; the run's own SLO is far above.
    GateSettings strictOnOne = new GateSettings(0.98, 0.05, 5, 1_000, 0.001, new ServiceLevel(500, 0.01),
        Map.of("request-1", new ServiceLevel(30, 0.01)));

    RunVerdict verdict = Gate.judge(run(2, 20, 1), run(2, 20, 2), strictOnOne);

    assertThat(verdict.outcome()).isEqualTo(Outcome.SLO_BREACH);
    assertThat(verdict.decidedBy()).contains("request-1");
    assertThat(verdict.overall().reason()).startsWith("request-1: p99 ");
  }

  @Test
  void aSlowerRunIsDecidedByAllRequestsWhenTheirCheckIsTheWorst() {
    RunVerdict verdict = Gate.judge(run(1, 30, 1), run(1, 20, 2), GateSettings.defaults());

    assertThat(verdict.outcome()).isEqualTo(Outcome.REGRESSION);
    assertThat(verdict.decidedBy()).contains(Gate.ALL_REQUESTS);
    assertThat(verdict.overall().reason()).startsWith("All requests: p99 ");
  }

  @Test
  void aRuleAboutTheWholeRunIsDecidedByAllRequestsThoughItsReasonNamesNone() {
    RunVerdict verdict = Gate.judge(cutOff(run(2, 20, 1)), run(2, 20, 2), GateSettings.defaults());

    assertThat(verdict.overall().rule()).isEqualTo(Rule.PARTIAL_LOG);
    assertThat(verdict.decidedBy()).contains(Gate.ALL_REQUESTS);
    assertThat(verdict.overall().reason()).startsWith("a log was cut off");
  }
}
