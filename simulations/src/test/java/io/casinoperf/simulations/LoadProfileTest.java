package io.casinoperf.simulations;

import io.casinoperf.simulations.run.RunContext;
import io.casinoperf.simulations.settings.LoadProfile;
import io.casinoperf.simulations.settings.RunSettings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoadProfileTest {

  @Test
  void readsTheProfileFileWithSystemPropertyOverrides() {
    LoadProfile profile =
        LoadProfile.load("flashSpinPeak", Map.of("flashSpinPeak.peakUsers", "4321"));

    assertThat(profile.count("peakUsers")).isEqualTo(4321);
    assertThat(profile.duration("minThink")).isEqualTo(Duration.ofMillis(200));
    assertThat(profile.duration("peakRamp")).isEqualTo(Duration.ofSeconds(5));
    assertThat(profile.rate("baseUsersPerSecond")).isPositive();
  }

  @Test
  void everySimulationsProfileBuildsItsLoadNumbers() {
    assertThat(FlashSpinPeakSimulation.Load.from(LoadProfile.load("flashSpinPeak", Map.of())))
        .isNotNull();
    assertThat(
            WebSocketSessionsSimulation.Load.from(LoadProfile.load("webSocketSessions", Map.of())))
        .isNotNull();
    assertThat(WalletTrafficSimulation.Load.from(LoadProfile.load("walletTraffic", Map.of())))
        .isNotNull();
  }

  @Test
  void badOverridesNameTheirProperty() {
    assertThatThrownBy(
            () -> LoadProfile.load("flashSpinPeak", Map.of("flashSpinPeak.peakUsers", "-5"))
                .count("peakUsers"))
        .hasMessage("-DflashSpinPeak.peakUsers=-5: expected a whole number >= 0");
    assertThatThrownBy(
            () -> LoadProfile.load("flashSpinPeak", Map.of("flashSpinPeak.minThink", "soon"))
                .duration("minThink"))
        .hasMessageStartingWith("-DflashSpinPeak.minThink=soon: expected a duration such as");
  }

  @Test
  void inconsistentLoadNumbersAreRefusedWithTheProfileName() {
    assertThatThrownBy(
            () -> RunContext.open(WalletTrafficSimulation.class,
                Map.of("walletTraffic.mix.spin", "90"), Map.of(), "walletTraffic", WalletTrafficSimulation.Load::from))
        .isInstanceOf(RunSettings.InvalidSettingException.class)
        .hasMessage("walletTraffic profile: mix.* must add up to 100, they add up to 130.0"
            + " (override with -DwalletTraffic.<key>)");
  }
}
