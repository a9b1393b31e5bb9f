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
    assertThat(Files.readString(step)).contains("bin/casinoperf gate").contains("gatling:test");
    for (String recipe : new String[] {"github-actions.yml", "gitlab-ci.yml", "Jenkinsfile"}) {
      String text = Files.readString(RECIPES.resolve(recipe));
      assertThat(text).as(recipe).contains("docs/pipelines/perf-gate.sh").doesNotContain("casinoperf.jar gate")
          .doesNotContain("casinoperf gate");
      // No literal password: quoted after = or :, or a bare YAML value.
      assertThat(text).as(recipe).doesNotContainPattern("(?i)password\\s*[:=]\\s*['\"][^'\"$]")
          .doesNotContainPattern("(?i)password\\s*:\\s*[a-z0-9]");
    }
  }

  /**
   * Every failing verdict — a money mismatch or other regression, an SLO breach, an aborted or
   * invalid run, no baseline where one is required — fails the build in both ways of running the
   * gate in a pipeline: the shared step ends with the gate, so its exit code is the step's, and
   * the release-gate profile lets through only the exit codes of a pass and of an inconclusive
   * verdict.
   */
  @Test
  void everyFailingVerdictFailsTheSharedStepAndTheReleaseGateProfile() throws Exception {
    java.util.List<String> commands = Files.readString(RECIPES.resolve("perf-gate.sh")).lines()
        .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
    int gate = -1;
    for (int i = 0; i < commands.size(); i++) {
      if (commands.get(i).startsWith("bin/casinoperf gate")) {
        gate = i;
      }
    }
    assertThat(gate).as("the gate's command in perf-gate.sh").isNotNegative();
    // Only the gate command's own continuation lines follow it: nothing can swallow its code.
    for (String after : commands.subList(gate + 1, commands.size())) {
      assertThat(after).as("after the gate").startsWith("--");
    }
    assertThat(String.join("\n", commands.subList(gate, commands.size()))).doesNotContain("|| true")
        .doesNotContain("set +e");

    org.w3c.dom.Document pom = javax.xml.parsers.DocumentBuilderFactory.newInstance()
        .newDocumentBuilder().parse(Path.of("..", "reports", "pom.xml").toFile());
    org.w3c.dom.NodeList codes = pom.getElementsByTagName("successCode");
    java.util.Set<Integer> allowed = new java.util.TreeSet<>();
    for (int i = 0; i < codes.getLength(); i++) {
      allowed.add(Integer.parseInt(codes.item(i).getTextContent().strip()));
    }
    assertThat(allowed).as("the release-gate profile's successCodes").isNotEmpty();
    for (io.casinoperf.gate.verdict.Outcome outcome : io.casinoperf.gate.verdict.Outcome.values()) {
      int code = outcome.exitCode(io.casinoperf.gate.verdict.Outcome.InconclusivePolicy.EXIT3);
      boolean fails = !outcome.passed() && outcome != io.casinoperf.gate.verdict.Outcome.INCONCLUSIVE;
      assertThat(allowed.contains(code)).as("%s (exit %d) lets the build pass", outcome, code)
          .isEqualTo(!fails);
    }
  }

  /**
   * The profile and the shared step run the same, longer load (docs/PERFORMANCE.md, "The release
   * gate's load": at 120 s every timed request of the three simulations reaches the gate's 1,000
   * responses; at the simulations' own 30 s none of Login, Lobby or the reconciliations does).
   */
  @Test
  void theProfileAndTheSharedStepRunTheMeasuredGateLoad() throws Exception {
    String pom = Files.readString(Path.of("..", "pom.xml"));
    java.util.regex.Matcher profile = java.util.regex.Pattern
        .compile("<gate\\.duration>([^<]+)</gate\\.duration>").matcher(pom);
    assertThat(profile.find()).isTrue();
    java.util.regex.Matcher step = java.util.regex.Pattern.compile("duration=\\$\\{DURATION:-([^}]+)}")
        .matcher(Files.readString(RECIPES.resolve("perf-gate.sh")));
    assertThat(step.find()).isTrue();
    assertThat(step.group(1)).isEqualTo(profile.group(1));
    assertThat(io.casinoperf.run.Durations.parse(profile.group(1)).toSeconds())
        .as("at least the 120 s measured to give every timed request 1,000 responses")
        .isGreaterThanOrEqualTo(120);
    assertThat(Files.readString(Path.of("pom.xml"))).contains("<jvmArg>-Dduration=${gate.duration}</jvmArg>");
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
