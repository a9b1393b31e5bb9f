package io.casinoperf.capacity.usl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.casinoperf.capacity.series.MetricsFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadStepsTest {
  @TempDir Path dir;

  private Path csv(String content) throws IOException {
    return Files.writeString(dir.resolve("steps.csv"), content);
  }

  @Test
  void readsEveryColumnInAnyOrderAndIgnoresOthers() throws IOException {
    Path file = csv("""
        started_at,error_rate,Throughput_Per_S,concurrency,p99_ms
        2026-11-27T10:00:00Z,0,98.5,1,11
        2026-11-27T10:05:00Z,0.002,190.25,2,12.5

        2026-11-27T10:10:00Z,0.01,350,4,20
        """);

    List<LoadStep> steps = LoadSteps.read(file);

    assertThat(steps).containsExactly(
        new LoadStep(1, 98.5, 11, 0),
        new LoadStep(2, 190.25, 12.5, 0.002),
        new LoadStep(4, 350, 20, 0.01));
  }

  @Test
  void acceptsThroughputAsColumnNameAndAbsentOptionalValuesAreNaN() throws IOException {
    Path file = csv("concurrency,throughput,p99_ms\n1,10,5\n2,19,\n4,35,7\n");

    List<LoadStep> steps = LoadSteps.read(file);

    assertThat(steps).extracting(LoadStep::throughputPerSecond).containsExactly(10.0, 19.0, 35.0);
    assertThat(steps).extracting(LoadStep::errorRate).allMatch(rate -> Double.isNaN(rate));
    assertThat(steps.get(1).p99Millis()).isNaN();
    assertThat(steps.get(2).p99Millis()).isEqualTo(7.0);
  }

  @Test
  void readsTheResponseTimesMeanAndVariationWhenGiven() throws IOException {
    Path file = csv("concurrency,throughput_per_s,scv,mean_ms\n1,49.5,0.98,20.2\n2,98,,20.4\n4,190,1.1,21\n");

    List<LoadStep> steps = LoadSteps.read(file);

    assertThat(steps.get(0)).isEqualTo(new LoadStep(1, 49.5, Double.NaN, Double.NaN, 20.2, 0.98));
    assertThat(steps.get(0).hasServiceTime()).isTrue();
    assertThat(steps.get(1).meanMillis()).isEqualTo(20.4);
    assertThat(steps.get(1).hasServiceTime()).isFalse();
    assertThat(steps.get(2).scv()).isEqualTo(1.1);
  }

  @Test
  void refusesANonPositiveMeanAndANegativeVariation() throws IOException {
    String header = "concurrency,throughput_per_s,mean_ms,scv\n1,10,5,1\n2,19,6,1\n";
    assertThatThrownBy(() -> LoadSteps.read(csv(header + "4,35,0,1\n")))
        .hasMessageEndingWith(":4: '0' in 'mean_ms' must be greater than 0 ms");
    assertThatThrownBy(() -> LoadSteps.read(csv(header + "4,35,7,-0.5\n")))
        .hasMessageEndingWith(":4: '-0.5' in 'scv' is negative; a squared coefficient of variation is >= 0");
  }

  @Test
  void repeatedConcurrencyLevelsAreKeptAsSeparateMeasurements() throws IOException {
    Path file = csv("concurrency,throughput_per_s\n8,700\n8,710\n16,1200\n");

    assertThat(LoadSteps.read(file)).extracting(LoadStep::concurrency)
        .containsExactly(8.0, 8.0, 16.0);
  }

  @Test
  void missingRequiredColumnListsTheColumnsFound() throws IOException {
    Path file = csv("users,throughput_per_s\n1,10\n2,19\n4,35\n");

    assertThatThrownBy(() -> LoadSteps.read(file))
        .isInstanceOf(MetricsFormatException.class)
        .hasMessage(file + ":1: no column 'concurrency'; the columns are [users, throughput_per_s]");
  }

  @Test
  void missingThroughputColumnNamesBothAcceptedSpellings() throws IOException {
    Path file = csv("concurrency,rps\n1,10\n2,19\n4,35\n");

    assertThatThrownBy(() -> LoadSteps.read(file))
        .hasMessage(file + ":1: no column 'throughput_per_s' (or 'throughput'); the columns are "
            + "[concurrency, rps]");
  }

  @Test
  void rejectsNaNTextZeroAndNegativeValuesNamingTheLine() throws IOException {
    String header = "concurrency,throughput_per_s,p99_ms,error_rate\n1,10,5,0\n2,19,6,0\n";
    assertThatThrownBy(() -> LoadSteps.read(csv(header + "4,NaN,7,0\n")))
        .hasMessage(dir.resolve("steps.csv") + ":4: 'NaN' in 'throughput_per_s' is not a finite number");
    assertThatThrownBy(() -> LoadSteps.read(csv(header + "4,fast,7,0\n")))
        .hasMessageEndingWith(":4: 'fast' in 'throughput_per_s' is not a number");
    assertThatThrownBy(() -> LoadSteps.read(csv(header + "0,35,7,0\n")))
        .hasMessageEndingWith(":4: '0' in 'concurrency' must be greater than 0");
    assertThatThrownBy(() -> LoadSteps.read(csv(header + "4,-35,7,0\n")))
        .hasMessageEndingWith(":4: '-35' in 'throughput_per_s' must be greater than 0");
    assertThatThrownBy(() -> LoadSteps.read(csv(header + "4,35,-1,0\n")))
        .hasMessageEndingWith(":4: '-1' in 'p99_ms' is negative; expected milliseconds >= 0");
    assertThatThrownBy(() -> LoadSteps.read(csv(header + "4,35,7,2.5\n")))
        .hasMessageEndingWith(":4: '2.5' in 'error_rate' is not a fraction between 0 and 1");
    assertThatThrownBy(() -> LoadSteps.read(csv(header + "4,,7,0\n")))
        .hasMessageEndingWith(":4: no value for 'throughput_per_s'");
  }

  @Test
  void aColumnNamedTwiceIsRefusedRatherThanTheFirstWinning() throws IOException {
    Path twice = csv("concurrency,throughput_per_s,Concurrency\n1,10,2\n2,19,4\n4,35,8\n");

    assertThatThrownBy(() -> LoadSteps.read(twice))
        .isInstanceOf(MetricsFormatException.class)
        .hasMessage(twice + ":1: column 'concurrency' given twice (columns 1 and 3); expected it once");
  }

  @Test
  void bothSpellingsOfThroughputAreRefusedRatherThanOneWinning() throws IOException {
    Path both = csv("concurrency,throughput,throughput_per_s\n1,10,11\n2,19,20\n4,35,36\n");

    assertThatThrownBy(() -> LoadSteps.read(both))
        .hasMessage(both + ":1: columns 'throughput_per_s' (3) and 'throughput' (2) are the same measure;"
            + " expected only one of them");
  }

  @Test
  void aValueBeyondTheHeaderIsRefusedBecauseADecimalCommaSplitsANumber() throws IOException {
    Path comma = csv("concurrency,throughput_per_s\n1,98,6\n2,190,2\n4,350,0\n");

    assertThatThrownBy(() -> LoadSteps.read(comma))
        .isInstanceOf(MetricsFormatException.class)
        .hasMessage(comma + ":2: '6' is beyond the 2 columns of the header; expected one value per"
            + " column (a decimal comma splits a number in two)");
    // Blank cells after the last column, as spreadsheets write them, are no value.
    assertThat(LoadSteps.read(csv("concurrency,throughput_per_s\n1,98,\n2,190, \n4,350\n"))).hasSize(3);
  }

  @Test
  void emptyFileHeaderOnlyAndTooFewStepsAreFileLevelErrors() throws IOException {
    assertThatThrownBy(() -> LoadSteps.read(csv("")))
        .isInstanceOf(MetricsFormatException.class)
        .hasMessageContaining("empty file")
        .satisfies(e -> assertThat(((MetricsFormatException) e).line()).isZero());
    assertThatThrownBy(() -> LoadSteps.read(csv("concurrency,throughput_per_s\n")))
        .hasMessageContaining("no steps after the header");
    assertThatThrownBy(() -> LoadSteps.read(csv("concurrency,throughput_per_s\n1,10\n2,19\n")))
        .hasMessage(dir.resolve("steps.csv") + ": only 2 steps after the header; the Universal "
            + "Scalability Law has three parameters (sigma, kappa, lambda), so at least 3 steps "
            + "are needed");
  }

  @Test
  void absentFileIsAFormatErrorNotACrash() {
    Path absent = dir.resolve("nope.csv");

    assertThatThrownBy(() -> LoadSteps.read(absent))
        .isInstanceOf(MetricsFormatException.class)
        .hasMessage(absent + ": no such file");
  }

  @Test
  void aByteThatIsNotUtf8IsNamedByItsOwnLine() throws IOException {
    StringBuilder text = new StringBuilder("concurrency,throughput_per_s,note\n1,10,\"first\nstep\"\n\n");
    for (int users = 2; users < 400; users++) {
      text.append(users).append(',').append(10 * users).append(",ok\n");
    }
    byte[] bytes = (text + "400,4000,caf\u00e9\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    Path file = Files.write(dir.resolve("latin1.csv"), bytes);

    // Header, a step over lines 2-3, a blank line 4, steps on lines 5 to 402, the bad one on 403.
    assertThatThrownBy(() -> LoadSteps.read(file))
        .isInstanceOf(MetricsFormatException.class)
        .hasMessage(file + ":403: byte 0xE9 at column 13 is not UTF-8; save the file as UTF-8");
  }
}
