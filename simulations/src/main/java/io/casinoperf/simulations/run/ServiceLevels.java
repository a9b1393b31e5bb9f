package io.casinoperf.simulations.run;

import io.casinoperf.simulations.settings.RunSettings;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.global;

import io.gatling.javaapi.core.Assertion;
import java.util.ArrayList;
import java.util.List;

/**
 * The platform's SLOs as Gatling assertions: p99 response time at most {@code -Dp99Millis}
 * (default 200 ms) and failed requests at most {@code -DmaxErrorPercent} (default 1 %). A failed
 * assertion fails the Maven build.
 */
public final class ServiceLevels {
  private ServiceLevels() {}

  /** Both SLOs over every request of the run. */
  public static List<Assertion> forAllRequests(RunSettings settings) {
    return List.of(
        global().responseTime().percentile(99.0).lte(settings.p99Millis()),
        global().failedRequests().percent().lte(settings.maxErrorPercent()));
  }

  /**
   * Both SLOs on each named request or group. For runs whose global numbers would mislead, such
   * as WebSocket sends that Gatling logs as 0 ms requests.
   */
  public static List<Assertion> forEach(RunSettings settings, String... paths) {
    List<Assertion> assertions = new ArrayList<>();
    for (String path : paths) {
      assertions.add(details(path).responseTime().percentile(99.0).lte(settings.p99Millis()));
      assertions.add(details(path).failedRequests().percent().lte(settings.maxErrorPercent()));
    }
    return assertions;
  }
}
