package io.casinoperf.benchmarks;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.casinoperf.mocks.PlatformMock;
import io.casinoperf.mocks.PlatformMockConfig;
import io.casinoperf.mocks.conditions.Conditions;
import io.casinoperf.mocks.conditions.Mode;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Simulation;
import java.net.http.HttpClient;

/**
 * One load level against the embedded platform in {@code queue} mode, for the physical check of
 * the queueing formulas (benchmarks/queue-check.sh): {@code bench.workers} workers of mean service
 * {@code bench.serviceMillis} ms and SCV {@code bench.scv}, offered {@code bench.rate} requests a
 * second for {@code bench.seconds}, each virtual user sending one balance read, arrivals
 * randomized (Poisson). A warm-up at the same rate with no queue (requests answered at once, under
 * another name) comes first; the queue starts, with every worker free, when the measured level
 * does.
 */
public class QueueCheckSimulation extends Simulation {
  static final String MEASURED = "measured";
  private static final int WARM_UP_SECONDS = 10;

  private final int workers = Integer.getInteger("bench.workers", 8);
  private final double serviceMillis = Double.parseDouble(System.getProperty("bench.serviceMillis", "20"));
  private final double scv = Double.parseDouble(System.getProperty("bench.scv", "1"));
  private final double rate = Double.parseDouble(System.getProperty("bench.rate", "280"));
  private final int seconds = Integer.getInteger("bench.seconds", 60);

  private final PlatformMock mock = PlatformMock.start(
      PlatformMockConfig.defaults().withConditions(Conditions.none()));
  private final String token =
      BenchLogin.token(HttpClient.newHttpClient(), mock.baseUrl(), "queue-check");

  private ChainBuilder balance(String name) {
    return exec(http(name).get("/api/wallet").header("Authorization", "Bearer " + token)
        .check(status().is(200)));
  }

  {
    setUp(
            scenario("warm-up")
                .exec(balance("warm-up"))
                .injectOpen(rampUsersPerSec(rate / 10).to(rate).during(WARM_UP_SECONDS)),
            scenario("queue starts")
                .exec(session -> {
                  mock.conditions().switchTo(Conditions.none()
                      .withQueue(workers, serviceMillis, scv).withMode(Mode.QUEUE));
                  return session;
                })
                .injectOpen(nothingFor(WARM_UP_SECONDS), atOnceUsers(1)),
            scenario(workers + " workers at " + rate + "/s")
                .exec(balance(MEASURED))
                .injectOpen(nothingFor(WARM_UP_SECONDS),
                    constantUsersPerSec(rate).during(seconds).randomized()))
        .protocols(http.baseUrl(mock.baseUrl().toString()).shareConnections().disableWarmUp());
  }

  @Override
  public void after() {
    mock.close();
  }
}
