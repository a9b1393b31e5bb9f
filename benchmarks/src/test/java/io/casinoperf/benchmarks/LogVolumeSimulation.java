package io.casinoperf.benchmarks;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.repeat;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.casinoperf.mocks.PlatformMock;
import io.casinoperf.mocks.PlatformMockConfig;
import io.casinoperf.mocks.conditions.Conditions;
import io.gatling.javaapi.core.Simulation;

/**
 * Writes a large real {@code simulation.log} for the gate's reading benchmark: {@code
 * bench.users} users (10) each send {@code bench.requestsPerUser} (500,000) requests in a loop
 * on a kept-alive connection to the embedded platform's health stub: 5,000,000 requests in all.
 * Run through {@code benchmarks/gate-speed.sh}.
 */
public class LogVolumeSimulation extends Simulation {
  private final int users = Integer.getInteger("bench.users", 10);
  private final int requestsPerUser = Integer.getInteger("bench.requestsPerUser", 500_000);
  private final PlatformMock mock =
      PlatformMock.start(PlatformMockConfig.defaults().withConditions(Conditions.none()));

  {
    setUp(
            scenario("volume")
                .exec(repeat(requestsPerUser).on(http("health").get("/health").check(status().is(200))))
                .injectOpen(atOnceUsers(users)))
        .protocols(http.baseUrl(mock.baseUrl().toString()).disableWarmUp());
  }

  @Override
  public void after() {
    mock.close();
  }
}
