package io.casinoperf.capacity.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimestampsTest {

  @Test
  void aNumberIsSecondsOrMillisecondsByWhichOfTheTwoIsATimeFrom2000To2099() {
    assertThat(Timestamps.toEpochSeconds("946684800")).isEqualTo(946_684_800L);
    assertThat(Timestamps.toEpochSeconds("4102444799")).isEqualTo(4_102_444_799L);
    assertThat(Timestamps.toEpochSeconds("946684800000")).isEqualTo(946_684_800L);
    assertThat(Timestamps.toEpochSeconds("4102444799999")).isEqualTo(4_102_444_799L);
  }

  @Test
  void refusesANumberThatIsNoTimeFrom2000To2099AsSecondsOrMilliseconds() {
    // Eleven digits: read as seconds it was the year 5138 until now.
    assertThatThrownBy(() -> Timestamps.toEpochSeconds("99999999999"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("timestamp '99999999999' is not a time from 2000 to 2099 as epoch seconds nor as"
            + " epoch milliseconds");
    // Seconds since some start, not since the epoch: read as 1970 until now.
    assertThatThrownBy(() -> Timestamps.toEpochSeconds("120"))
        .hasMessageStartingWith("timestamp '120' is not a time from 2000 to 2099");
    assertThatThrownBy(() -> Timestamps.toEpochSeconds("4102444800"))
        .hasMessageStartingWith("timestamp '4102444800' is not a time from 2000 to 2099");
  }

  @Test
  void refusesAnExcelSerialDateSayingWhatItLooksLike() {
    assertThatThrownBy(() -> Timestamps.toEpochSeconds("45620.75"))
        .hasMessage("timestamp '45620.75' looks like an Excel serial date (2024-11-24T18:00:00Z if it"
            + " is one); export ISO-8601 or epoch seconds");
  }

  @Test
  void refusesEpochMicrosecondsAndNanosecondsSayingWhichTheyLookLike() {
    long seconds = Instant.parse("2026-11-27T10:15:30Z").getEpochSecond();

    assertThatThrownBy(() -> Timestamps.toEpochSeconds(seconds + "000000"))
        .hasMessageContaining("looks like epoch microseconds");
    assertThatThrownBy(() -> Timestamps.toEpochSeconds(seconds + "000000000"))
        .hasMessageContaining("looks like epoch nanoseconds");
  }

  @Test
  void refusesDatesBefore2000AndFrom2100() {
    assertThatThrownBy(() -> Timestamps.toEpochSeconds("1999-12-31"))
        .hasMessage("timestamp '1999-12-31' is not a time from 2000 to 2099");
    assertThatThrownBy(() -> Timestamps.toEpochSeconds("2100-01-01T00:00:00Z"))
        .hasMessage("timestamp '2100-01-01T00:00:00Z' is not a time from 2000 to 2099");
    assertThatThrownBy(() -> Timestamps.toEpochSeconds("1970-01-01 00:02:00"))
        .hasMessage("timestamp '1970-01-01 00:02:00' is not a time from 2000 to 2099");
    assertThat(Timestamps.toEpochSeconds("2000-01-01")).isEqualTo(946_684_800L);
    assertThat(Timestamps.toEpochSeconds("2099-12-31T23:59:59Z")).isEqualTo(4_102_444_799L);
  }

  @Test
  void spansReadInTheLargestWholeUnit() {
    assertThat(Timestamps.span(7 * 86_400)).isEqualTo("7 days");
    assertThat(Timestamps.span(86_400)).isEqualTo("1 day");
    assertThat(Timestamps.span(12 * 3_600)).isEqualTo("12 h");
    assertThat(Timestamps.span(36 * 3_600)).isEqualTo("36 h");
    assertThat(Timestamps.span(90 * 60)).isEqualTo("90 min");
    assertThat(Timestamps.span(45)).isEqualTo("45 s");
    assertThat(Timestamps.span(0)).isEqualTo("0 s");
  }
}
