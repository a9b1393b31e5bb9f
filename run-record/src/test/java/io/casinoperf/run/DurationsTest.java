package io.casinoperf.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

  @ParameterizedTest
  @CsvSource({
      "250ms, 250", "90, 90000", "90s, 90000", "5m, 300000", "5min, 300000", "2h, 7200000",
      "7d, 604800000", "2w, 1209600000", "' 90S ', 90000", "0s, 0", "1500ms, 1500"})
  void readsEveryUnitOfTheGrammar(String text, long millis) {
    assertThat(Durations.parse(text)).isEqualTo(Duration.ofMillis(millis));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "s", "-5s", "1.5s", "5 minutes", "5y", "90s5", "1e3", "99999999999999999w"})
  void refusesWhatIsNotADuration(String text) {
    assertThatThrownBy(() -> Durations.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(Durations.EXPECTED);
  }

  @Test
  void refusesADurationBelowTheCallersMinimum() {
    assertThatThrownBy(() -> Durations.parse("500ms", Duration.ofSeconds(1)))
        .hasMessage("expected at least 1s");
    assertThat(Durations.parse("1s", Duration.ofSeconds(1))).isEqualTo(Duration.ofSeconds(1));
  }

  @ParameterizedTest
  @ValueSource(strings = {"250ms", "90s", "5m", "2h", "3d", "2w", "0s", "61s", "1500ms", "25h"})
  void formatsInTheLargestWholeUnitAndReadsBack(String text) {
    Duration value = Durations.parse(text);
    assertThat(Durations.format(value)).isEqualTo(text);
    assertThat(Durations.parse(Durations.format(value))).isEqualTo(value);
  }

  @Test
  void formatsWholeMinutesAsMinutes() {
    assertThat(Durations.format(Duration.ofSeconds(120))).isEqualTo("2m");
    assertThat(Durations.format(Duration.ofSeconds(86_400))).isEqualTo("1d");
  }
}
