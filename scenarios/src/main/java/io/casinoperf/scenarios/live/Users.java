package io.casinoperf.scenarios.live;

import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Virtual users in the run right now: those that arrived ({@link #arrive}, the first action of
 * every journey) and have not left — at the end of their journey ({@link #LEAVE}) or where a
 * journey gives up ({@link #leaveHereIfFailed}, {@link #leaveHere}). Gatling keeps this count to
 * itself; its console shows it every few seconds, nothing outside the JVM can read it. One count
 * per JVM, as Gatling runs one simulation per JVM.
 */
public final class Users {
  private static final AtomicLong ARRIVED = new AtomicLong();
  private static final AtomicLong LEFT = new AtomicLong();

  /** The last action of a journey that ran to its end. */
  public static final ChainBuilder LEAVE = exec(Users::left);

  private Users() {}

  /** Counts a user in; the first action of its journey. */
  public static void arrive() {
    ARRIVED.incrementAndGet();
  }

  private static Session left(Session session) {
    LEFT.incrementAndGet();
    return session;
  }

  /** Instead of Gatling's {@code exitHereIfFailed()}: the user leaves, and is counted out. */
  public static ChainBuilder leaveHereIfFailed() {
    return doIf(Session::isFailed).then(leaveHere());
  }

  /** Instead of Gatling's {@code exitHere()}. */
  public static ChainBuilder leaveHere() {
    return exec(Users::left).exitHere();
  }

  /**
   * The run is over: users Gatling stopped where they were (at the run's duration, or when the
   * circuit breaker stopped the load) are counted out.
   */
  public static void runEnded() {
    LEFT.set(ARRIVED.get());
  }

  public static long arrived() {
    return ARRIVED.get();
  }

  /** Users arrived and not yet left. */
  public static long active() {
    return Math.max(0, ARRIVED.get() - LEFT.get());
  }
}
