package io.casinoperf.simulations.health;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.stressPeakUsers;

import io.gatling.javaapi.core.OpenInjectionStep;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.special.Erf;

/**
 * An open injection profile written once, as Gatling steps and as the plan the injector-health
 * sampler checks arrivals against: when, in milliseconds after injection starts, each user is due.
 * The plan follows how Gatling 3.15 spreads users: a rate gives whole users per second (the
 * fraction carried to the next second) spread evenly over the second; a stress peak places user
 * i of n at the inverse error function of 2i/(n+2) − 1, stretched to the peak's length.
 *
 * <p>One instance per scenario; not thread-safe while it is being built.
 */
public final class ArrivalPlan {
  private final List<OpenInjectionStep> steps = new ArrayList<>();
  private final List<Long> dueMillis = new ArrayList<>();
  private long cursorMillis;

  /** No users for {@code duration}. */
  public ArrivalPlan nothingFor(Duration duration) {
    steps.add(io.gatling.javaapi.core.CoreDsl.nothingFor(duration));
    cursorMillis += duration.toMillis();
    return this;
  }

  /** {@code usersPerSecond} users each second for {@code duration} (Gatling's constantUsersPerSec). */
  public ArrivalPlan constantRate(double usersPerSecond, Duration duration) {
    steps.add(constantUsersPerSec(usersPerSecond).during(duration));
    planRate(usersPerSecond, usersPerSecond, duration);
    return this;
  }

  /** A rate rising linearly from {@code from} to {@code to} over {@code duration}. */
  public ArrivalPlan rampRate(double from, double to, Duration duration) {
    steps.add(rampUsersPerSec(from).to(to).during(duration));
    planRate(from, to, duration);
    return this;
  }

  /** {@code users} users in an S-shaped burst over {@code duration} (Gatling's stressPeakUsers). */
  public ArrivalPlan stressPeak(int users, Duration duration) {
    steps.add(stressPeakUsers(users).during(duration));
    long millis = duration.toMillis();
    if (users > 0 && millis == 0) {
      for (int i = 0; i < users; i++) {
        dueMillis.add(cursorMillis);
      }
    } else if (users > 0) {
      double t0 = Math.abs(Erf.erfInv(2.0 / (users + 2) - 1));
      double k = millis / (2 * t0);
      for (int i = 1; i <= users; i++) {
        double t = Erf.erfInv(2.0 * i / (users + 2) - 1);
        dueMillis.add(cursorMillis + (long) (k * (t + t0)));
      }
    }
    cursorMillis += millis;
    return this;
  }

  /** The Gatling steps, in order, for {@code injectOpen}. */
  public OpenInjectionStep[] steps() {
    return steps.toArray(OpenInjectionStep[]::new);
  }

  /** When each user is due, ms after injection starts, in order. */
  public long[] dueMillis() {
    return dueMillis.stream().mapToLong(Long::longValue).sorted().toArray();
  }

  /** The due times of several scenarios injected together, merged and sorted. */
  public static long[] merged(ArrivalPlan... plans) {
    return Arrays.stream(plans).flatMapToLong(plan -> Arrays.stream(plan.dueMillis()))
        .sorted().toArray();
  }

  private void planRate(double from, double to, Duration duration) {
    int seconds = (int) duration.toSeconds();
    if (seconds > 0) {
      BigDecimal a = BigDecimal.valueOf(to).subtract(BigDecimal.valueOf(from))
          .divide(BigDecimal.valueOf(2L * seconds), 20, RoundingMode.HALF_UP);
      BigDecimal pending = BigDecimal.ZERO;
      for (int second = 0; second < seconds; second++) {
        BigDecimal exact = a.multiply(BigDecimal.valueOf(2L * second + 1))
            .add(BigDecimal.valueOf(from)).add(pending);
        int users = exact.setScale(10, RoundingMode.HALF_UP).intValue();
        pending = exact.subtract(BigDecimal.valueOf(users));
        for (int j = 0; j < users; j++) {
          dueMillis.add(cursorMillis + second * 1000L + j * 1000L / users);
        }
      }
    }
    cursorMillis += duration.toMillis();
  }
}
