package io.casinoperf.capacity.queueing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MultiServerQueueTest {

  @Test
  void erlangCMatchesTheTextbookValues() {
    // Two servers at one Erlang: 1/3. Three at two Erlangs: 4/9 (Wolfram's ErlangC[3, 2]).
    assertThat(MultiServerQueue.markovian(1, 1, 2).waitProbability()).isCloseTo(1.0 / 3, within(1e-12));
    assertThat(MultiServerQueue.markovian(2, 1, 3).waitProbability()).isCloseTo(4.0 / 9, within(1e-12));
    // The same Erlangs from a rate and a service time in seconds.
    assertThat(MultiServerQueue.markovian(40, 0.05, 3).waitProbability()).isCloseTo(4.0 / 9, within(1e-12));
    // Mean wait of the 3-server example: Lq = 8/9 customers, Wq = Lq / lambda.
    assertThat(MultiServerQueue.markovian(2, 1, 3).meanWait()).isCloseTo(4.0 / 9, within(1e-12));
  }

  @Test
  void oneServerIsTheTextbookMm1() {
    // lambda 8, mu 10: P(wait) = rho, Wq = rho / (mu - lambda), T ~ Exp(mu - lambda).
    MultiServerQueue queue = MultiServerQueue.markovian(8, 0.1, 1);

    assertThat(queue.utilisation()).isCloseTo(0.8, within(1e-12));
    assertThat(queue.waitProbability()).isCloseTo(0.8, within(1e-12));
    assertThat(queue.meanWait()).isCloseTo(0.4, within(1e-12));
    assertThat(queue.meanResponse()).isCloseTo(0.5, within(1e-12));
    assertThat(queue.responsePercentile(99)).isCloseTo(Math.log(100) / 2, within(1e-8));
    assertThat(queue.responsePercentile(50)).isCloseTo(Math.log(2) / 2, within(1e-8));
  }

  @Test
  void erlangCStaysExactForThousandsOfServers() {
    // The textbook sum, in logarithms so that a^k / k! cannot overflow.
    int servers = 2_000;
    double a = 1_950;
    double[] logTerms = new double[servers + 1];
    double logFactorial = 0;
    for (int k = 0; k <= servers; k++) {
      if (k > 0) {
        logFactorial += Math.log(k);
      }
      logTerms[k] = k * Math.log(a) - logFactorial;
    }
    double logLast = logTerms[servers] + Math.log(servers / (servers - a));
    double max = Math.max(logLast, Arrays.stream(logTerms, 0, servers).max().orElseThrow());
    double sum = Math.exp(logLast - max);
    for (int k = 0; k < servers; k++) {
      sum += Math.exp(logTerms[k] - max);
    }
    double expected = Math.exp(logLast - max) / sum;

    assertThat(MultiServerQueue.markovian(a, 1, servers).waitProbability())
        .isCloseTo(expected, withinPercentage(1e-6));
  }

  @Test
  void markovianResponseTimesMatchASimulatedQueue() {
    // 8 servers at 85 % utilisation, 20 ms mean service.
    MultiServerQueue queue = MultiServerQueue.markovian(340, 0.020, 8);
    SimulatedQueue simulated = new SimulatedQueue(340, 0.020, 1, 8, 2_000_000, 11);

    assertThat(queue.waitProbability()).isCloseTo(simulated.waitShare(), within(0.01));
    assertThat(queue.meanWait()).isCloseTo(simulated.meanWait(), withinPercentage(3));
    for (double percentile : new double[] {50, 90, 99, 99.9}) {
      assertThat(queue.responsePercentile(percentile)).as("p%s", percentile)
          .isCloseTo(simulated.responsePercentile(percentile), withinPercentage(3));
    }
  }

  @Test
  void generalServiceTimesMatchASimulatedQueueWithinTheApproximationsError() {
    // Allen-Cunneen: the mean wait within 10 %, p99 within 10 %, at 80 % utilisation.
    for (double scv : new double[] {0.25, 2.0}) {
      MultiServerQueue queue = new MultiServerQueue(160, 0.020, scv, 4);
      SimulatedQueue simulated = new SimulatedQueue(160, 0.020, scv, 4, 2_000_000, 5);

      assertThat(queue.meanWait()).as("mean wait, SCV %s", scv)
          .isCloseTo(simulated.meanWait(), withinPercentage(10));
      assertThat(queue.responsePercentile(99)).as("p99, SCV %s", scv)
          .isCloseTo(simulated.responsePercentile(99), withinPercentage(10));
    }
  }

  @Test
  void oneServerWithConstantServiceHasThePollaczekKhinchineWait() {
    // M/D/1: Wq = rho * s / (2 (1 - rho)), exactly.
    MultiServerQueue queue = new MultiServerQueue(40, 0.020, 0, 1);

    assertThat(queue.meanWait()).isCloseTo(0.8 * 0.020 / (2 * 0.2), within(1e-12));
    assertThat(queue.responsePercentile(50)).isGreaterThanOrEqualTo(0.020);
  }

  @Test
  void theGammaPathAgreesWithTheExponentialOneAtAnScvOfOne() {
    MultiServerQueue exponential = MultiServerQueue.markovian(300, 0.020, 8);
    MultiServerQueue nearly = new MultiServerQueue(300, 0.020, 1.000001, 8);

    for (double t : new double[] {0.001, 0.02, 0.05, 0.1, 0.2}) {
      assertThat(nearly.responseTail(t)).as("P(T > %s)", t)
          .isCloseTo(exponential.responseTail(t), within(1e-5));
    }
  }

  @Test
  void withoutArrivalsTheResponseIsTheServiceTime() {
    MultiServerQueue idle = MultiServerQueue.markovian(0, 0.020, 4);

    assertThat(idle.waitProbability()).isZero();
    assertThat(idle.meanWait()).isZero();
    assertThat(idle.responsePercentile(99)).isCloseTo(0.020 * Math.log(100), within(1e-9));
  }

  @Test
  void anOverloadedQueueHasNoPercentile() {
    MultiServerQueue overloaded = MultiServerQueue.markovian(500, 0.020, 8);

    assertThat(overloaded.stable()).isFalse();
    assertThat(overloaded.waitProbability()).isEqualTo(1);
    assertThat(overloaded.meanWait()).isInfinite();
    assertThatThrownBy(() -> overloaded.responsePercentile(99))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("utilisation 1.25");
  }

  @Test
  void impossibleParametersAreRefusedByName() {
    assertThatThrownBy(() -> new MultiServerQueue(Double.NaN, 1, 1, 1)).hasMessageContaining("arrival rate");
    assertThatThrownBy(() -> new MultiServerQueue(1, 0, 1, 1)).hasMessageContaining("mean service");
    assertThatThrownBy(() -> new MultiServerQueue(1, 1, -1, 1)).hasMessageContaining("SCV");
    assertThatThrownBy(() -> new MultiServerQueue(1, 1, 1, 0)).hasMessageContaining("servers");
    assertThatThrownBy(() -> MultiServerQueue.markovian(1, 1, 2).responsePercentile(100))
        .hasMessageContaining("percentile");
  }
}
