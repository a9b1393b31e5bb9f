package io.casinoperf.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnitsTest {
  @Test
  void bytesReadInBinaryUnits() {
    assertThat(Units.human(8_589_934_592.0, "bytes")).isEqualTo("8 GiB");
    assertThat(Units.human(5.85e9, "bytes")).isEqualTo("5.45 GiB");
    assertThat(Units.human(1_536, "bytes")).isEqualTo("1.5 KiB");
    assertThat(Units.human(900, "bytes")).isEqualTo("900 bytes");
  }

  @Test
  void largeCountsReadWithAPrefixAndSmallOnesInFull() {
    assertThat(Units.human(452_100, "requests per 5 min")).isEqualTo("452 k requests per 5 min");
    assertThat(Units.human(2.5e6, "requests/s")).isEqualTo("2.5 M requests/s");
    assertThat(Units.human(6_016, "requests/s")).isEqualTo("6,016 requests/s");
    assertThat(Units.human(828.5, "connections")).isEqualTo("828.5 connections");
    assertThat(Units.human(70, "%")).isEqualTo("70 %");
    assertThat(Units.human(Double.NaN, "%")).isEqualTo("n/a");
  }

  @Test
  void aRowSharesTheScaleOfItsLargestFigure() {
    Units.Scale gib = Units.scaleFor("bytes", 8_589_934_592.0);
    assertThat(gib.unit()).isEqualTo("GiB");
    assertThat(gib.number(5.85e9)).isEqualTo("5.448");
    assertThat(gib.number(8_589_934_592.0)).isEqualTo("8");
    Units.Scale thousands = Units.scaleFor("requests per 5 min", 452_100);
    assertThat(thousands.unit()).isEqualTo("k requests per 5 min");
    assertThat(thousands.number(452_100)).isEqualTo("452.1");
    assertThat(Units.scaleFor("%", 246.4)).isEqualTo(new Units.Scale(1, "%"));
  }
}
