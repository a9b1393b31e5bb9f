package io.casinoperf.capacity.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.casinoperf.capacity.testing.PlatformMetrics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sample an export repeats exactly changes nothing but the report of what cleaning did: the
 * forecast, to the last digit, is the one from the file without the repeat. (Averaging the copies
 * did not: the mean of three copies of 1755.9 is 1755.9000000000003.)
 */
class RepeatedSampleForecastTest {
  /**
   * The line repeated: 2025-01-28T19:45:00Z, an evening peak, rps 1755.9 and cpu 48.92 — values
   * whose mean over three copies is not the value itself (1755.9000000000003, 48.919999999999995).
   */
  private static final int REPEATED_LINE = 2_673;

  @TempDir static Path dir;
  private static Path clean;
  private static Path repeated;

  @BeforeAll
  static void generate() throws Exception {
    clean = dir.resolve("clean");
    PlatformMetrics.write(clean, 56, 900, 3.0, 2025);
    repeated = dir.resolve("repeated");
    Files.createDirectories(repeated);
    for (String name : List.of("calendar.yaml", "plan.yaml", "load-steps.csv")) {
      Files.copy(clean.resolve(name), repeated.resolve(name));
    }
    List<String> lines = new ArrayList<>(Files.readAllLines(clean.resolve("metrics.csv")));
    String sample = lines.get(REPEATED_LINE - 1);
    // Three copies, one right after the sample and one at the end, out of order.
    lines.add(REPEATED_LINE, sample);
    lines.add(sample);
    Files.write(repeated.resolve("metrics.csv"), lines);
  }

  private static CapacityForecast forecast(Path folder) {
    return CapacityForecaster.forecast(ForecastInputs.load(List.of(folder.resolve("metrics.csv")),
        folder.resolve("calendar.yaml"), folder.resolve("plan.yaml"), folder.resolve("load-steps.csv"),
        0, 3), ForecastSettings.defaults());
  }

  private static ObjectNode withoutCleaningReport(CapacityForecast forecast) {
    ObjectNode json = new ObjectMapper()
        .registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule()).valueToTree(forecast);
    json.remove("data");
    // Without the cleaning's notes of repeats dropped, which differ by design.
    ArrayNode findings = (ArrayNode) json.get("findings");
    for (int i = findings.size() - 1; i >= 0; i--) {
      if ("RepeatsDropped".equals(findings.get(i).path("kind").asText())) {
        findings.remove(i);
      }
    }
    return json;
  }

  /** Where two documents differ, as JSON pointers with both values. */
  private static List<String> differences(JsonNode a, JsonNode b, String path, List<String> out) {
    if (a.isObject() && b.isObject() && a.size() == b.size()) {
      a.fieldNames().forEachRemaining(field -> differences(a.get(field), b.path(field), path + "/" + field, out));
    } else if (a.isArray() && b.isArray() && a.size() == b.size()) {
      for (int i = 0; i < a.size(); i++) {
        differences(a.get(i), b.get(i), path + "/" + i, out);
      }
    } else if (!a.equals(b)) {
      out.add(path + ": " + a + " vs " + b);
    }
    return out;
  }

  @Test
  void aSampleRepeatedExactlyGivesTheSameForecastAsTheFileWithoutIt() {
    CapacityForecast withoutRepeat = forecast(clean);
    CapacityForecast withRepeat = forecast(repeated);

    assertThat(differences(withoutCleaningReport(withRepeat), withoutCleaningReport(withoutRepeat), "",
        new ArrayList<>())).isEmpty();
    assertThat(withRepeat.data()).allSatisfy(s -> assertThat(s.duplicatesMerged()).isEqualTo(2));
    assertThat(withRepeat.warnings()).filteredOn(Finding.RepeatsDropped.class::isInstance).hasSize(4)
        .first().isEqualTo(new Finding.RepeatsDropped("rps", repeated.resolve("metrics.csv").toString(), 2,
            REPEATED_LINE + 1, REPEATED_LINE, ((Finding.RepeatsDropped) withRepeat.warnings().get(0)).at()));
    assertThat(withRepeat.warnings()).hasSize(withoutRepeat.warnings().size() + 4);
  }
}
