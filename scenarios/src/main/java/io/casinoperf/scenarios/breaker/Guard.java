package io.casinoperf.scenarios.breaker;

import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.casinoperf.scenarios.live.RequestObserver;
import io.casinoperf.scenarios.live.Users;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.Http;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts HTTP requests under the run's {@link CircuitBreaker}: each guarded request's outcome is
 * recorded, and when the breaker opens the run stops injecting. The outcome also goes to the run's
 * {@link RequestObserver} (its live metrics), with the request's name and whether Gatling counts it
 * OK.
 *
 * <p>What counts as an error is {@link HttpOutcomes#isError}. The response time is Gatling's own; a
 * request without a response counts the time until its failure.
 *
 * <p>When the breaker opens, the request that opened it says why in one line (logged at ERROR),
 * leaves a mark in the run's {@code simulation.log} — an error record from a request named
 * {@value #TRIP_REQUEST} whose message carries the reason, which the gate reads to report the run
 * as aborted — and asks Gatling to stop the load generator; Gatling then ends the run and still
 * writes its report. Every virtual user that reaches a guarded request afterwards leaves the
 * scenario instead of sending it.
 *
 * <p>One breaker per JVM ({@link #install}), as Gatling runs one simulation per JVM. Without an
 * installed breaker, guarded requests run as they are.
 */
public final class Guard {
  /**
   * Name of the request whose build failure marks a run stopped by its breaker. The gate reads the
   * mark with its own copy of both constants ({@code RunSummary.CIRCUIT_BREAKER_REQUEST} and
   * {@code CIRCUIT_BREAKER_STOPPED} in release-gate, which depends on nothing here);
   * {@code CircuitBreakerEndToEndTest} checks that a real run's mark reaches the gate.
   */
  public static final String TRIP_REQUEST = "Circuit breaker";
  /** Start of the reason inside the mark's message, after Gatling's exception class name. */
  public static final String TRIP_MESSAGE_PREFIX = "stopped the run: ";

  private static final Logger LOG = LoggerFactory.getLogger(Guard.class);
  private static final String STATUS = "casinoperf.breaker.status";
  private static final String RESPONSE_MILLIS = "casinoperf.breaker.responseMillis";
  private static final String SENT_AT = "casinoperf.breaker.sentAt";
  private static final String OPENED_HERE = "casinoperf.breaker.openedHere";
  private static final String FAILED_BEFORE = "casinoperf.breaker.failedBefore";

  private static volatile CircuitBreaker installed;
  private static volatile RequestObserver observer;

  private static final ChainBuilder STOP =
      exec(http(TRIP_REQUEST).get(Guard::markTheLog))
          .stopLoadGenerator(session -> "circuit breaker: " + reason());

  private Guard() {}

  /** Makes {@code breaker} the one guarded requests report to; {@code null} removes it. */
  public static void install(CircuitBreaker breaker) {
    installed = breaker;
  }

  public static Optional<CircuitBreaker> installed() {
    return Optional.ofNullable(installed);
  }

  /** Makes {@code observer} the one told every guarded request's outcome; {@code null} removes it. */
  public static void observe(RequestObserver observer) {
    Guard.observer = observer;
  }

  /**
   * The request {@code name} under the breaker: {@code request} builds it from Gatling's {@code
   * http(name)}, so the name the report and the live metrics give it is written once. Two checks
   * are added to it (status and response time, both only saved), and its outcome is recorded
   * after it. A virtual user that reaches it once the breaker is open leaves instead of sending it.
   *
   * <p>Give the request its own status check ({@code status().is(200)}): the added status
   * capture counts as one, so Gatling no longer adds its default (2xx or 304).
   */
  public static ChainBuilder request(String name, Function<Http, HttpRequestActionBuilder> request) {
    HttpRequestActionBuilder built = request.apply(http(name));
    return doIf(session -> isOpen()).then(Users.leaveHere())
        .exec(Guard::beforeRequest)
        .exec(built.check(status().saveAs(STATUS), responseTimeInMillis().saveAs(RESPONSE_MILLIS)))
        .exec(session -> afterRequest(name, session))
        .doIf(session -> session.contains(OPENED_HERE))
        .then(STOP);
  }

  private static boolean isOpen() {
    CircuitBreaker breaker = installed;
    return breaker != null && breaker.isOpen();
  }

  /** Milliseconds of a monotonic clock: a wall-clock step (NTP) must not move the window. */
  private static long nowMillis() {
    return System.nanoTime() / 1_000_000;
  }

  /** Notes the time, and whether the user had failed before. */
  private static Session beforeRequest(Session session) {
    return session.removeAll(STATUS, RESPONSE_MILLIS, OPENED_HERE)
        .set(SENT_AT, nowMillis())
        .set(FAILED_BEFORE, session.isFailed());
  }

  private static Session afterRequest(String name, Session session) {
    long now = nowMillis();
    Number status = session.get(STATUS);
    Number responseMillis = session.get(RESPONSE_MILLIS);
    Number sentAt = session.get(SENT_AT);
    long millis = responseMillis != null ? responseMillis.longValue()
        : sentAt != null ? now - sentAt.longValue() : 0;
    boolean ok = HttpOutcomes.isOk(Boolean.TRUE.equals(session.get(FAILED_BEFORE)), session.isFailed(), status);
    Session cleared = session.removeAll(STATUS, RESPONSE_MILLIS, SENT_AT, FAILED_BEFORE);
    RequestObserver told = observer;
    if (told != null) {
      told.requestDone(name, ok, millis);
    }
    CircuitBreaker breaker = installed;
    if (breaker == null) {
      return cleared;
    }
    Optional<Trip> trip = breaker.record(now, HttpOutcomes.isError(status), millis);
    if (trip.isEmpty()) {
      return cleared;
    }
    LOG.error("circuit breaker: stopping the run: {}", trip.get().reason());
    return cleared.set(OPENED_HERE, true);
  }

  private static String reason() {
    CircuitBreaker breaker = installed;
    return breaker == null ? "" : breaker.trip().map(Trip::reason).orElse("");
  }

  /** Fails the request's build on purpose: Gatling logs the failure as an error record. */
  private static String markTheLog(Session session) {
    throw new CircuitBreakerOpen(TRIP_MESSAGE_PREFIX + reason());
  }
}
