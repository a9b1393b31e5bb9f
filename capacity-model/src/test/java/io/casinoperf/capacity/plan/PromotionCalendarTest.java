package io.casinoperf.capacity.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.casinoperf.capacity.series.MetricsFormatException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.OptionalDouble;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromotionCalendarTest {
  @TempDir Path dir;

  private static final String EXAMPLE_YAML = """
      past:
        - {name: "Black Friday 2025", type: free-spins, start: 2025-11-28T18:00:00Z, end: 2025-11-28T23:00:00Z}
        - name: Cyber Monday 2025
          type: cashback
          start: 2025-12-01T19:00:00+01:00
          end: 2025-12-01T22:00:00+01:00
      incidents:
        - {name: "DB failover", start: "2026-03-02T10:00:00Z", end: "2026-03-02T11:30:00Z"}
      planned: {name: "Black Friday 2026", type: free-spins, start: 2026-11-27T18:00:00Z, end: 2026-11-27T23:00:00Z, multiplier: 3.0}
      """;

  private static final String EXAMPLE_JSON = """
      {
        "past": [
          {"name": "Black Friday 2025", "type": "free-spins", "start": "2025-11-28T18:00:00Z", "end": "2025-11-28T23:00:00Z"},
          {"name": "Cyber Monday 2025", "type": "cashback", "start": "2025-12-01T18:00:00Z", "end": "2025-12-01T21:00:00Z"}
        ],
        "incidents": [{"name": "DB failover", "start": "2026-03-02T10:00:00Z", "end": "2026-03-02T11:30:00Z"}],
        "planned": {"name": "Black Friday 2026", "type": "free-spins", "start": "2026-11-27 18:00:00",
                    "end": "2026-11-27T23:00:00Z", "multiplier": 3}
      }
      """;

  private static long epoch(String instant) {
    return Instant.parse(instant).getEpochSecond();
  }

  private Path file(String name, String content) throws Exception {
    return Files.writeString(dir.resolve(name), content);
  }

  private AbstractThrowableAssert<?, ? extends Throwable> assertRefused(Path file, long line) {
    return assertThatThrownBy(() -> PromotionCalendar.read(file))
        .isInstanceOf(MetricsFormatException.class)
        .satisfies(e -> assertThat(((MetricsFormatException) e).line()).isEqualTo(line))
        .hasMessageStartingWith(file + (line > 0 ? ":" + line + ": " : ": "));
  }

  @Test
  void readsTheDocumentedExample() throws Exception {
    PromotionCalendar calendar = PromotionCalendar.read(file("calendar.yaml", EXAMPLE_YAML));

    assertThat(calendar.past()).containsExactly(
        new Promotion("Black Friday 2025", "free-spins", epoch("2025-11-28T18:00:00Z"),
            epoch("2025-11-28T23:00:00Z")),
        new Promotion("Cyber Monday 2025", "cashback", epoch("2025-12-01T18:00:00Z"),
            epoch("2025-12-01T21:00:00Z")));
    assertThat(calendar.incidents()).containsExactly(new Incident("DB failover",
        epoch("2026-03-02T10:00:00Z"), epoch("2026-03-02T11:30:00Z")));
    assertThat(calendar.incidentWindows()).singleElement().satisfies(w -> assertThat(w)
        .containsExactly(epoch("2026-03-02T10:00:00Z"), epoch("2026-03-02T11:30:00Z")));
    assertThat(calendar.planned()).contains(new PlannedPromotion("Black Friday 2026", "free-spins",
        epoch("2026-11-27T18:00:00Z"), epoch("2026-11-27T23:00:00Z"), OptionalDouble.of(3.0)));
    assertThat(calendar.planned().orElseThrow().durationSeconds()).isEqualTo(5 * 3600);
  }

  @Test
  void yamlAndJsonFormsReadToTheSameCalendar() throws Exception {
    PromotionCalendar yaml = PromotionCalendar.read(file("calendar.yml", EXAMPLE_YAML));
    PromotionCalendar json = PromotionCalendar.read(file("calendar.json", EXAMPLE_JSON));

    assertThat(json).isEqualTo(yaml);
  }

  @Test
  void plannedMultiplierAndEveryListAreOptional() throws Exception {
    PromotionCalendar calendar = PromotionCalendar.read(file("c.yaml", """
        planned: {name: Jackpot race, type: jackpot-race, start: 2026-12-24, end: 2026-12-25}
        """));

    assertThat(calendar.past()).isEmpty();
    assertThat(calendar.incidents()).isEmpty();
    assertThat(calendar.planned().orElseThrow().expectedMultiplier()).isEmpty();
    assertThat(calendar.planned().orElseThrow().startEpochSecond()).isEqualTo(epoch("2026-12-24T00:00:00Z"));
  }

  @Test
  void plannedPromotionIsOptional() throws Exception {
    PromotionCalendar calendar = PromotionCalendar.read(file("c.yaml", """
        past:
          - {name: BF, type: free-spins, start: 2025-11-28T18:00:00Z, end: 2025-11-28T23:00:00Z}
        planned:
        """));

    assertThat(calendar.planned()).isEmpty();
    assertThat(calendar.past()).hasSize(1);
  }

  @Test
  void aPlannedTypeWithoutHistoryOrMultiplierIsLeftToTheModel() throws Exception {
    PromotionCalendar calendar = PromotionCalendar.read(file("c.yaml", """
        past:
          - {name: BF 2025, type: free-spins, start: 2025-11-28T18:00:00Z, end: 2025-11-28T23:00:00Z}
          - {name: BF 2024, type: free-spins, start: 2024-11-29T18:00:00Z, end: 2024-11-29T23:00:00Z}
          - {name: Cup final, type: sports-boost, start: 2025-05-31T19:00:00Z, end: 2025-05-31T22:00:00Z}
        planned: {name: Jackpot race, type: jackpot-race, start: 2026-12-24, end: 2026-12-25}
        """));

    assertThat(calendar.hasHistory("jackpot-race")).isFalse();
    assertThat(calendar.hasHistory("free-spins")).isTrue();
    assertThat(calendar.pastOfType("free-spins")).extracting(Promotion::name)
        .containsExactly("BF 2025", "BF 2024");
  }

  @Test
  void overlappingPastPromotionsAreAllowed() throws Exception {
    PromotionCalendar calendar = PromotionCalendar.read(file("c.yaml", """
        past:
          - {name: Weekend spins, type: free-spins, start: 2025-11-28T00:00:00Z, end: 2025-11-30T23:59:59Z}
          - {name: BF cashback, type: cashback, start: 2025-11-28T18:00:00Z, end: 2025-11-28T23:00:00Z}
        """));

    assertThat(calendar.past()).hasSize(2);
  }

  @Test
  void endNotAfterStartNamesTheFieldAndItsLine() throws Exception {
    Path file = file("c.yaml", """
        past:
          - name: BF 2025
            type: free-spins
            start: 2025-11-28T23:00:00Z
            end: 2025-11-28T18:00:00Z
        """);

    assertRefused(file, 5).hasMessageContaining("past[0].end: 2025-11-28T18:00:00Z is not after start"
        + " 2025-11-28T23:00:00Z");
  }

  @Test
  void incidentEndingAtItsStartIsRefused() throws Exception {
    Path file = file("c.yaml", """
        incidents:
          - {name: DB failover, start: 2026-03-02T10:00:00Z, end: 2026-03-02T10:00:00Z}
        """);

    assertRefused(file, 2).hasMessageContaining("incidents[0].end:").hasMessageContaining("is not after start");
  }

  @Test
  void blankNamesAndTypesAreRefused() throws Exception {
    Path blankName = file("name.yaml", """
        past:
          - {name: BF, type: free-spins, start: 2025-11-28T18:00:00Z, end: 2025-11-28T23:00:00Z}
          - {name: " ", type: free-spins, start: 2025-11-28T18:00:00Z, end: 2025-11-28T23:00:00Z}
        """);
    Path noType = file("type.yaml", """
        past:
          - {name: BF, type: free-spins, start: 2025-11-28T18:00:00Z, end: 2025-11-28T23:00:00Z}
        planned:
          name: BF 2026
          start: 2026-11-27T18:00:00Z
          end: 2026-11-27T23:00:00Z
        """);

    assertRefused(blankName, 3).hasMessageContaining("past[1].name: required, and must not be blank");
    assertRefused(noType, 4).hasMessageContaining("planned.type: required");
  }

  @Test
  void unreadableTimestampNamesTheField() throws Exception {
    Path file = file("c.yaml", """
        planned:
          name: BF 2026
          type: free-spins
          start: next friday
          end: 2026-11-27T23:00:00Z
        """);

    assertRefused(file, 4).hasMessageContaining("planned.start: expected a date or date-time such as"
        + " 2026-11-27T18:00:00Z, got text 'next friday'");
  }

  @Test
  void aBareNumberIsNotACalendarTime() throws Exception {
    Path yaml = file("c.yaml", """
        past:
          - name: BF 2025
            type: free-spins
            start: 42
            end: 2025-11-28T23:00:00Z
        """);
    Path json = file("c.json", """
        {"planned": {"name": "BF 2026", "type": "free-spins", "start": "2026-11-27T18:00:00Z",
                     "end": 1795813200}}
        """);

    assertRefused(yaml, 4).hasMessage(yaml + ":4: past[0].start: expected a date or date-time such as"
        + " 2026-11-27T18:00:00Z, got the number 42 (epoch seconds are not read here: write the date)");
    assertRefused(json, 2).hasMessageContaining("planned.end: expected a date or date-time")
        .hasMessageContaining("got the number 1795813200");
  }

  @Test
  void digitsInQuotesAreNotACalendarTimeEither() throws Exception {
    Path file = file("c.yaml", """
        incidents:
          - {name: deploy, start: "1700001240", end: 2023-11-14T22:39:00Z}
        """);

    assertRefused(file, 2).hasMessageContaining("incidents[0].start: expected a date or date-time")
        .hasMessageContaining("got text '1700001240' (epoch seconds are not read here: write the date)");
  }

  @Test
  void aNumberOrABooleanIsNotANameOrAType() throws Exception {
    Path numberType = file("type.yaml", """
        past:
          - {name: BF 2025, type: 2025, start: 2025-11-28T18:00:00Z, end: 2025-11-28T23:00:00Z}
        """);
    Path booleanName = file("name.json", """
        {"planned": {"name": true, "type": "free-spins",
                     "start": "2026-11-27T18:00:00Z", "end": "2026-11-27T23:00:00Z"}}
        """);

    assertRefused(numberType, 2).hasMessageContaining("past[0].type: expected text, got the number 2025"
        + " (write it in quotes if it is meant as a name)");
    assertRefused(booleanName, 1).hasMessageContaining("planned.name: expected text, got the boolean true");
  }

  @Test
  void missingTimestampNamesTheFieldAtItsMapping() throws Exception {
    Path file = file("c.json", """
        {"past": [
          {"name": "BF", "type": "free-spins", "start": "2025-11-28T18:00:00Z"}
        ]}
        """);

    assertRefused(file, 2).hasMessageContaining("past[0].end: required: a date or date-time");
  }

  @Test
  void multiplierMustBeAPositiveNumber() throws Exception {
    String planned = "planned: {name: BF, type: free-spins, start: 2026-11-27, end: 2026-11-28, multiplier: %s}\n";
    Path zero = file("zero.yaml", "past: []\n" + planned.formatted("0"));
    Path negative = file("negative.yaml", planned.formatted("-1.5"));
    Path text = file("text.yaml", planned.formatted("three"));
    Path timesText = file("times.yaml", planned.formatted("\"3x\""));
    Path quoted = file("quoted.yaml", planned.formatted("\"3\""));
    Path bool = file("bool.yaml", planned.formatted("true"));

    assertRefused(zero, 2).hasMessageContaining("planned.multiplier: 0.0 is not a positive number");
    assertRefused(negative, 1).hasMessageContaining("planned.multiplier: -1.5 is not a positive number");
    assertRefused(text, 1).hasMessageContaining("planned.multiplier: expected a number, got text 'three'");
    assertRefused(timesText, 1).hasMessageContaining("planned.multiplier: expected a number, got text '3x'");
    assertRefused(quoted, 1).hasMessageContaining("planned.multiplier: expected a number, got text '3'");
    assertRefused(bool, 1).hasMessageContaining("planned.multiplier: expected a number, got the boolean true");
  }

  @Test
  void unknownPropertyIsNamedWithTheKnownOnes() throws Exception {
    Path nested = file("nested.yaml", """
        planned:
          name: BF 2026
          type: free-spins
          start: 2026-11-27T18:00:00Z
          end: 2026-11-27T23:00:00Z
          multiplyer: 3
        """);
    Path top = file("top.json", "{\n  \"promotions\": []\n}\n");

    assertRefused(nested, 6).hasMessageContaining("unknown property 'multiplyer' in planned;"
        + " known properties: name, type, start, end, multiplier");
    assertRefused(top, 2).hasMessageContaining("unknown property 'promotions'; known properties:"
        + " past, incidents, planned");
  }

  @Test
  void aKeyGivenTwiceIsRefusedRatherThanOneWinning() throws Exception {
    Path file = file("c.yaml", """
        planned:
          name: BF 2026
          type: free-spins
          start: 2026-11-27T18:00:00Z
          end: 2026-11-27T23:00:00Z
          start: 2026-11-27T19:00:00Z
        """);

    assertRefused(file, 6).hasMessageContaining("'start' given twice (first on line 4)");
  }

  @Test
  void wrongShapesAreNamed() throws Exception {
    Path notList = file("list.yaml", "past: {name: BF}\n");
    Path scalarTop = file("scalar.yaml", "just text\n");

    assertRefused(notList, 1).hasMessageContaining("past: expected a list, got a mapping");
    assertRefused(scalarTop, 1).hasMessageContaining("expected a promotion calendar");
  }

  @Test
  void fileProblemsNameTheFile() throws Exception {
    Path toml = file("calendar.toml", "past = []\n");
    Path missing = dir.resolve("absent.yaml");
    Path empty = file("empty.yaml", "");

    assertRefused(toml, 0).hasMessageContaining("unknown extension: expected .yaml, .yml or .json");
    assertRefused(missing, 0).hasMessageContaining("no such file");
    assertRefused(empty, 0).hasMessageContaining("empty file");
  }

  @Test
  void malformedYamlAndJsonGiveTheParsersPlace() throws Exception {
    Path yaml = file("bad.yaml", """
        past:
          - {name: BF, type: free-spins, start: 2025-11-28T18:00:00Z, end: 2025-11-28T23:00:00Z}
          - {name: "unclosed, type: free-spins
        planned: x
        """);
    Path json = file("bad.json", "{\n  \"past\": [\n    {\"name\": \"BF\",}\n  ]\n}\n");

    assertThatThrownBy(() -> PromotionCalendar.read(yaml))
        .isInstanceOf(MetricsFormatException.class)
        .hasMessageStartingWith(yaml + ":")
        .hasMessageContaining("not valid YAML: while scanning a quoted scalar (line 3, column 12)")
        .satisfies(e -> assertThat(((MetricsFormatException) e).line()).isPositive())
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    assertRefused(json, 3).hasMessageContaining("not valid JSON");
  }

  @Test
  void recordsRefuseBadValuesWhenBuiltInCodeToo() {
    assertThatThrownBy(() -> new Promotion("BF", "free-spins", 100, 100))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("end");
    assertThatThrownBy(() -> new PlannedPromotion("BF", "free-spins", 100, 200, OptionalDouble.of(Double.NaN)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("multiplier");
  }
}
