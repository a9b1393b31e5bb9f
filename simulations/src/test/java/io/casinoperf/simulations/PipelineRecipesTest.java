package io.casinoperf.simulations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The pipeline recipes in docs/pipelines all run the one step .ci/run also runs
 * (docs/pipelines/perf-gate.sh), keep the history, publish the JUnit XML and the reports, and
 * take the password from the CI system's secret store — so they cannot drift from what is tested.
 */
class PipelineRecipesTest {
  private static final Path RECIPES = Path.of("..", "docs", "pipelines");
  private static final YAMLMapper YAML = new YAMLMapper();

  @Test
  void theSharedStepIsExecutableAndTheOnlyWayTheyRunTheGate() throws Exception {
    Path step = RECIPES.resolve("perf-gate.sh");
    assertThat(Files.isExecutable(step)).isTrue();
    assertThat(Files.readString(step)).contains("casinoperf.jar gate").contains("gatling:test");
    for (String recipe : new String[] {"github-actions.yml", "gitlab-ci.yml", "Jenkinsfile"}) {
      String text = Files.readString(RECIPES.resolve(recipe));
      assertThat(text).as(recipe).contains("docs/pipelines/perf-gate.sh").doesNotContain("casinoperf.jar gate");
      // No literal password: quoted after = or :, or a bare YAML value.
      assertThat(text).as(recipe).doesNotContainPattern("(?i)password\\s*[:=]\\s*['\"][^'\"$]")
          .doesNotContainPattern("(?i)password\\s*:\\s*[a-z0-9]");
    }
  }

  @Test
  void githubActionsKeepsTheHistoryPublishesResultsAndTakesTheSecretFromSecrets() throws Exception {
    JsonNode steps = YAML.readTree(RECIPES.resolve("github-actions.yml").toFile()).at("/jobs/gate/steps");
    JsonNode gate = find(steps, "run", "docs/pipelines/perf-gate.sh");
    assertThat(gate.at("/env/CASINOPERF_PLAYER_PASSWORD").asText()).startsWith("${{ secrets.");
    assertThat(find(steps, "uses", "actions/cache").at("/with/path").asText()).isEqualTo("casinoperf-history");
    assertThat(find(steps, "uses", "action-junit-report").at("/with/report_paths").asText()).isEqualTo("gate-report/junit.xml");
    assertThat(find(steps, "uses", "actions/upload-artifact").at("/with/path").asText()).isEqualTo("gate-report/");
    // Results are published even when the gate fails the job.
    assertThat(find(steps, "uses", "action-junit-report").at("/if").asText()).isEqualTo("always()");
  }

  @Test
  void gitlabKeepsTheHistoryAndReportsTheJunitXmlAlways() throws Exception {
    JsonNode job = YAML.readTree(RECIPES.resolve("gitlab-ci.yml").toFile()).get("performance-gate");
    assertThat(job.at("/script/0").asText()).isEqualTo("docs/pipelines/perf-gate.sh");
    assertThat(job.at("/cache/paths/0").asText()).isEqualTo("casinoperf-history/");
    assertThat(job.at("/artifacts/when").asText()).isEqualTo("always");
    assertThat(job.at("/artifacts/reports/junit").asText()).isEqualTo("gate-report/junit.xml");
    assertThat(job.at("/variables").has("CASINOPERF_PLAYER_PASSWORD")).isFalse();
  }

  @Test
  void jenkinsPublishesInPostAlwaysAndUsesCredentials() throws Exception {
    String jenkinsfile = Files.readString(RECIPES.resolve("Jenkinsfile"));
    assertThat(jenkinsfile).contains("CASINOPERF_PLAYER_PASSWORD = credentials(")
        .containsPattern("post \\{\\s*always \\{\\s*junit [^\\n]*gate-report/junit.xml")
        .contains("archiveArtifacts artifacts: 'gate-report/**'")
        .contains("HISTORY = ");
  }

  private static JsonNode find(JsonNode steps, String field, String containing) {
    for (JsonNode step : steps) {
      if (step.path(field).asText().contains(containing)) {
        return step;
      }
    }
    throw new AssertionError("no step with " + field + " containing " + containing);
  }
}
