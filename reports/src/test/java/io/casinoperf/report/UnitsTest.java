package io.casinoperf.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnitsTest {
  @Test
  void bytesReadInBinaryUnits() {
    assertThat(Units.scaleFor("bytes", 8_589_934_592.0)).isEqualTo(new Units.Scale(1L << 30, "GiB"));
    assertThat(Units.scaleFor("bytes", 1_536)).isEqualTo(new Units.Scale(1024, "KiB"));
    assertThat(Units.scaleFor("bytes", 900)).isEqualTo(new Units.Scale(1, "bytes"));
    assertThat(Units.scaleFor("bytes", 5.85e9).number(5.85e9)).isEqualTo("5.448");
  }

  @Test
  void largeCountsReadWithAPrefixAndSmallOnesInFull() {
    assertThat(Units.scaleFor("requests/s", 2.5e6).unit()).isEqualTo("M requests/s");
    assertThat(Units.scaleFor("requests/s", 2.5e6).number(2.5e6)).isEqualTo("2.5");
    assertThat(Units.scaleFor("requests/s", 6_016)).isEqualTo(new Units.Scale(1, "requests/s"));
    assertThat(Units.scaleFor("requests/s", 6_016).number(6_016)).isEqualTo("6,016");
    assertThat(Units.scaleFor("connections", 828.5).number(828.5)).isEqualTo("828.5");
    assertThat(Units.scaleFor("", 3e9)).isEqualTo(new Units.Scale(1e9, "G"));
    assertThat(Units.scaleFor("%", 70).number(Double.NaN)).isEqualTo("n/a");
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
