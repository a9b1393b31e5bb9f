package io.casinoperf.mocks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.casinoperf.mocks.conditions.Mode;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlatformMockConfigTest {

  @Test
  void emptyPropertiesGiveTheDefaults() {
    assertThat(PlatformMockConfig.fromProperties(Map.of())).isEqualTo(PlatformMockConfig.defaults());
  }

  @Test
  void propertiesOverrideTheirSetting() {
    var config =
        PlatformMockConfig.fromProperties(
            Map.of("mock.port", "18080", "mock.mode", "Degraded", "mock.rtp", "0.9",
                "mock.errorPercent", "12.5"));

    assertThat(config.port()).isEqualTo(18080);
    assertThat(config.conditions().mode()).isEqualTo(Mode.DEGRADED);
    assertThat(config.returnToPlayer()).isEqualTo(0.9);
    assertThat(config.conditions().faultyErrorPercent()).isEqualTo(12.5);
  }

  @Test
  void unknownModeNamesThePropertyAndTheChoices() {
    assertThatThrownBy(() -> PlatformMockConfig.fromProperties(Map.of("mock.mode", "chaos")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("mock.mode=chaos: unknown mode 'chaos': expected one of normal, degraded, faulty, queue");
  }

  @Test
  void unparseableNumberNamesTheProperty() {
    assertThatThrownBy(() -> PlatformMockConfig.fromProperties(Map.of("mock.port", "http")))
        .hasMessage("mock.port=http: not a number");
    assertThatThrownBy(() -> PlatformMockConfig.fromProperties(Map.of("mock.sigma", "NaN")))
        .hasMessage("mock.sigma=NaN: not a number");
  }

  @Test
  void outOfRangeValuesAreRefused() {
    assertThatThrownBy(() -> PlatformMockConfig.fromProperties(Map.of("mock.port", "70000")))
        .hasMessageContaining("port must be within 0..65535");
    assertThatThrownBy(() -> PlatformMockConfig.fromProperties(Map.of("mock.rtp", "2")))
        .hasMessageContaining("return to player");
    assertThatThrownBy(
            () -> PlatformMockConfig.fromProperties(
                Map.of("mock.errorPercent", "80", "mock.dropPercent", "30")))
        .hasMessageContaining("must not exceed 100");
  }
}
