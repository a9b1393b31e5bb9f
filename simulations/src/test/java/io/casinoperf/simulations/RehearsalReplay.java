package io.casinoperf.simulations;

import io.casinoperf.capacity.rehearsal.RehearsalFiles;
import io.casinoperf.capacity.rehearsal.RehearsalProfile;
import io.casinoperf.simulations.health.ArrivalPlan;
import io.casinoperf.simulations.settings.RunSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A forecast's rehearsal profile as the flash-peak simulation replays it: player sessions arriving
 * at the profile's requests per second ÷ the requests of one session (linear between its points),
 * the profile's hours played in {@code -Drehearsal.duration}. Each second of the run gets the whole
 * number of players the profile's rate adds up to by its end, less those already started (the
 * fractions carried on), injected as a constant rate for that second: Gatling drops the fraction
 * of a rate step, so ramps between points would lose up to one player a step.
 *
 * @param profile the file's content
 * @param quantile the quantile replayed
 * @param spinsPerSession the spins of the profile's session mix
 * @param playersPerSecond players to start in each second of the run, after scale and shard
 * @param ratePerSecond the profile's session rate at the middle of each second
 */
record RehearsalReplay(RehearsalProfile profile, String quantile, int spinsPerSession,
    List<Integer> playersPerSecond, List<Double> ratePerSecond) {

  /** The requests of the flash-peak session: one login, one lobby, the spins. */
  private static final Set<String> SESSION_REQUESTS = Set.of("login", "lobby", "spin");
  /** Slices of a second the rate is summed over. */
  private static final int SLICES = 20;

  static RehearsalReplay of(RunSettings.Rehearsal rehearsal, RunSettings settings) {
    RehearsalProfile profile;
    try {
      profile = RehearsalFiles.read(rehearsal.file());
    } catch (IllegalArgumentException e) {
      throw new RunSettings.InvalidSettingException("-Drehearsal=" + e.getMessage());
    }
    Map<String, Integer> mix = profile.mix();
    if (!SESSION_REQUESTS.containsAll(mix.keySet()) || mix.getOrDefault("login", 0) != 1
        || mix.getOrDefault("lobby", 0) != 1 || mix.getOrDefault("spin", 0) < 1) {
      throw new RunSettings.InvalidSettingException("-Drehearsal=" + rehearsal.file() + ": its request"
          + " mix " + mix + " is not a flash-peak session's (login=1, lobby=1, spin=N): give forecast"
          + " --request-mix login=1,lobby=1,spin=N");
    }
    int perSession = mix.values().stream().mapToInt(Integer::intValue).sum();
    List<RehearsalProfile.Point> points = profile.points();
    double span = points.get(points.size() - 1).offsetSeconds();
    int seconds = (int) Math.max(1, rehearsal.duration().toSeconds());
    double realPerRunSecond = span / seconds;
    List<Integer> players = new ArrayList<>();
    List<Double> rates = new ArrayList<>();
    double sum = 0;
    long started = 0;
    int segment = 0;
    for (int second = 0; second < seconds; second++) {
      double inSecond = 0;
      for (int k = 0; k < SLICES; k++) {
        double real = (second + (k + 0.5) / SLICES) * realPerRunSecond;
        while (segment < points.size() - 2 && points.get(segment + 1).offsetSeconds() <= real) {
          segment++;
        }
        RehearsalProfile.Point a = points.get(segment);
        RehearsalProfile.Point b = points.get(segment + 1);
        double fraction = (real - a.offsetSeconds()) / (b.offsetSeconds() - a.offsetSeconds());
        double requests = a.get(rehearsal.quantile()) + fraction * (b.get(rehearsal.quantile()) - a.get(rehearsal.quantile()));
        inSecond += settings.rate(requests / perSession) / SLICES;
      }
      sum += inSecond;
      long due = Math.round(sum);
      players.add((int) (due - started));
      started = due;
      rates.add(inSecond);
    }
    return new RehearsalReplay(profile, rehearsal.quantile(), mix.get("spin"), List.copyOf(players),
        List.copyOf(rates));
  }

  /** The arrivals: each second's players at a constant rate through it. */
  ArrivalPlan arrivals() {
    ArrivalPlan plan = new ArrivalPlan();
    for (int players : playersPerSecond) {
      if (players > 0) {
        plan.constantRate(players, Duration.ofSeconds(1));
      } else {
        plan.nothingFor(Duration.ofSeconds(1));
      }
    }
    return plan;
  }

  /** When, from the injection's start, the rate first and last stands at 90 % of its peak or more. */
  Duration[] peak() {
    double max = ratePerSecond.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    int first = -1;
    int last = -1;
    for (int i = 0; i < ratePerSecond.size(); i++) {
      if (ratePerSecond.get(i) >= 0.9 * max) {
        first = first < 0 ? i : first;
        last = i + 1;
      }
    }
    return new Duration[] {Duration.ofSeconds(Math.max(0, first)), Duration.ofSeconds(Math.max(0, last))};
  }
}
