package io.casinoperf.simulations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.casinoperf.simulations.settings.RunSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a rehearsal profile becomes players arriving each second. */
class RehearsalReplayTest {
  @TempDir Path dir;

  /** A profile of two points an hour apart, P90 going from {@code from} to {@code to} requests/s. */
  private Path profile(double from, double to, String mix) throws Exception {
    return Files.writeString(dir.resolve("rehearsal.json"), """
        {"schema": "casinoperf-rehearsal/1",
         "forecast": {"id": "00aa11bb22cc33dd", "promotion": "Black Friday"},
         "mix": %s,
         "points": [{"offsetSeconds": 0, "p50": 1, "p90": %s, "p99": 1},
                    {"offsetSeconds": 3600, "p50": 1, "p90": %s, "p99": 1}]}
        """.formatted(mix, from, to));
  }

  private static RehearsalReplay replay(Path file, String... more) {
    Map<String, String> properties = new java.util.HashMap<>(Map.of("rehearsal", file.toString(),
        "rehearsal.duration", "10s"));
    for (int i = 0; i < more.length; i += 2) {
      properties.put(more[i], more[i + 1]);
    }
    RunSettings settings = RunSettings.from(properties);
    return RehearsalReplay.of(settings.rehearsal().orElseThrow(), settings);
  }

  @Test
  void aFlatProfileIsItsRateInPlayersEverySecond() throws Exception {
    // 14 requests/s, 7 requests a session: 2 players a second, for the 10 s the hour plays in.
    RehearsalReplay replay = replay(profile(14, 14, "{\"login\": 1, \"lobby\": 1, \"spin\": 5}"));

    assertThat(replay.playersPerSecond()).hasSize(10).containsOnly(2);
    assertThat(replay.spinsPerSession()).isEqualTo(5);
    assertThat(replay.arrivals().dueMillis()).hasSize(20);
  }

  @Test
  void aRampCarriesItsFractionsSoNoPlayerIsLost() throws Exception {
    // From 0 to 7 sessions a second... as requests: 0 to 49 requests/s over the 10 s. The
    // players add up to the area under the ramp, 35, whatever each second's fraction.
    RehearsalReplay replay = replay(profile(0, 49, "{\"login\": 1, \"lobby\": 1, \"spin\": 5}"));

    assertThat(replay.playersPerSecond().stream().mapToInt(Integer::intValue).sum()).isEqualTo(35);
    assertThat(replay.playersPerSecond()).isSortedAccordingTo(Integer::compare);
    // The peak phase: from the first second at 90 % of the highest rate to the end.
    assertThat(replay.peak()[0]).isEqualTo(Duration.ofSeconds(9));
    assertThat(replay.peak()[1]).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void scaleAndShardShareTheRatesAsEverywhere() throws Exception {
    RehearsalReplay half = replay(profile(14, 14, "{\"login\": 1, \"lobby\": 1, \"spin\": 5}"),
        "shard", "1/2");

    assertThat(half.playersPerSecond()).containsOnly(1);
  }

  @Test
  void aMixThatIsNotAFlashPeakSessionIsRefused() throws Exception {
    Path file = profile(14, 14, "{\"login\": 1, \"deposit\": 2}");

    assertThatThrownBy(() -> replay(file))
        .isInstanceOf(RunSettings.InvalidSettingException.class)
        .hasMessage("-Drehearsal=" + file + ": its request mix {login=1, deposit=2} is not a flash-peak"
            + " session's (login=1, lobby=1, spin=N): give forecast --request-mix login=1,lobby=1,spin=N");
  }
}
