package io.casinoperf.simulations;

import io.casinoperf.simulations.settings.RunSettings;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Kubernetes recipe in {@code k8s/} is wired for one sharded run: read as plain YAML, no
 * cluster. The negative cases edit a copy of the manifests and expect the wiring check to name
 * the mismatch, so that a recipe that drifts fails here rather than in a cluster.
 */
class KubernetesRecipeTest {
  @TempDir Path copy;

  @Test
  void everyManifestIsAKubernetesObjectOrTheKustomization() throws IOException {
    KubernetesManifests manifests = KubernetesManifests.read(recipeFolder());

    assertThat(manifests.all()).isNotEmpty();
    assertThat(manifests.all()).allSatisfy(manifest -> {
      assertThat(manifest.node().path("apiVersion").asText()).as(manifest.file().toString()).isNotEmpty();
      assertThat(manifest.kind()).as(manifest.file().toString()).isNotEmpty();
      if (!manifest.kind().equals("Kustomization")) {
        assertThat(manifest.name()).as(manifest.file().toString()).isNotEmpty();
      }
    });
    assertThat(manifests.all()).extracting(KubernetesManifests.Manifest::kind)
        .contains("Kustomization", "ConfigMap", "PersistentVolumeClaim", "Job");
  }

  @Test
  void recipeRunsOneShardPerCompletionIndexAndGatesAllOfThem() throws IOException {
    assertThat(KubernetesRecipe.problems(KubernetesManifests.read(recipeFolder()))).isEmpty();
  }

  @Test
  void shardExpressionTurnsTheZeroBasedCompletionIndexIntoShardOneToN() throws IOException {
    KubernetesManifests manifests = KubernetesManifests.read(recipeFolder());
    var injector = manifests.containers(
        manifests.find("Job", KubernetesRecipe.INJECTORS).orElseThrow().node()).get(0);

    assertThat(injector.script()).contains("-Dshard=$((JOB_COMPLETION_INDEX + 1))/${SHARDS}");
    assertThat(injector.env("SHARDS")).hasValue("4");
  }

  @Test
  void flagsCircuitBreakerSettingsTheSimulationsWouldRefuse() throws IOException {
    List<String> problems = problemsAfterEditing("run-parameters.yaml",
        "-DcircuitBreaker.errorPercent=20", "-DcircuitBreaker.errorPercent=200");

    assertThat(problems).contains(
        "CIRCUIT_BREAKER: -DcircuitBreaker.errorPercent=200: expected a percentage within 0..100");
  }

  @Test
  void flagsMisspelledCircuitBreakerSettings() throws IOException {
    List<String> problems = problemsAfterEditing("run-parameters.yaml",
        "-DcircuitBreaker.errorPercent=20", "-DcircuitBreaker.errorPercentage=20");

    assertThat(problems).anySatisfy(p -> assertThat(p)
        .startsWith("CIRCUIT_BREAKER: -DcircuitBreaker.errorPercentage: no such circuit breaker setting"));
  }

  @Test
  void flagsOtherOptionsSmuggledIntoTheCircuitBreakerSettings() throws IOException {
    List<String> problems = problemsAfterEditing("run-parameters.yaml",
        "-DcircuitBreaker.window=10s", "-Dscale=2");

    assertThat(problems).anySatisfy(p -> assertThat(p).contains("'-Dscale=2' is not a -DcircuitBreaker.* option"));
  }

  @Test
  void flagsInjectorsThatIgnoreTheCircuitBreakerSettings() throws IOException {
    List<String> problems = problemsAfterEditing("injectors-job.yaml", "${CIRCUIT_BREAKER} ", "");

    assertThat(problems).anySatisfy(p -> assertThat(p).contains("must pass ${CIRCUIT_BREAKER}"));
  }

  @Test
  void flagsCompletionsThatDifferFromTheShardCount() throws IOException {
    List<String> problems = problemsAfterEditing("injectors-job.yaml", "completions: 4", "completions: 5");

    assertThat(problems).anySatisfy(p -> assertThat(p).contains("completions is 5"));
  }

  @Test
  void flagsAGateThatJudgesAnotherShardCount() throws IOException {
    List<String> problems = problemsAfterEditing("gate-job.yaml", "--param shards=${SHARDS}", "--param shards=2");

    assertThat(problems).anySatisfy(p -> assertThat(p).contains("--param shards= is 2"));
  }

  @Test
  void flagsAShardIndexThatIsNotOneBased() throws IOException {
    List<String> problems = problemsAfterEditing("injectors-job.yaml",
        "-Dshard=$((JOB_COMPLETION_INDEX + 1))/${SHARDS}", "-Dshard=${JOB_COMPLETION_INDEX}/${SHARDS}");

    assertThat(problems).anySatisfy(p -> assertThat(p).contains("JOB_COMPLETION_INDEX + 1"));
  }

  @Test
  void flagsAGateOnAnotherImage() throws IOException {
    List<String> problems = problemsAfterEditing("gate-job.yaml",
        "image: casinoperf-injector", "image: casinoperf-gate:old");

    assertThat(problems).anySatisfy(p -> assertThat(p).contains("one image"));
  }

  @Test
  void flagsASimulationThatDoesNotExist() throws IOException {
    List<String> problems = problemsAfterEditing("run-parameters.yaml",
        "SIMULATION: \"FlashSpinPeakSimulation\"", "SIMULATION: \"FlashSpinPeekSimulation\"");

    assertThat(problems).anySatisfy(p -> assertThat(p).contains("no simulation class"));
  }

  @Test
  void flagsATargetOutsideTheAllowList() throws IOException {
    List<String> problems = problemsAfterEditing("run-parameters.yaml",
        "ALLOWED_TARGETS: \"perf.casino.example\"", "ALLOWED_TARGETS: \"other.casino.example\"");

    assertThat(problems).anySatisfy(p -> assertThat(p).contains("refused"));
  }

  @Test
  void flagsAGateOnAnotherVolume() throws IOException {
    List<String> problems = problemsAfterEditing("gate-job.yaml",
        "claimName: casinoperf-results", "claimName: gate-scratch");

    assertThat(problems).anySatisfy(p -> assertThat(p).contains("one results claim"));
  }

  @Test
  void flagsAPasswordInTheRunParameters() throws IOException {
    List<String> problems = problemsAfterEditing("run-parameters.yaml",
        "  LABEL: \"v0.1.0\"", "  LABEL: \"v0.1.0\"\n  PLAYER_PASSWORD: \"spin-to-win\"");

    assertThat(problems).anySatisfy(p -> assertThat(p).contains("PLAYER_PASSWORD: looks like a secret"));
  }

  @Test
  void flagsAnUnquotedConfigMapValue() throws IOException {
    List<String> problems = problemsAfterEditing("run-parameters.yaml", "SHARDS: \"4\"", "SHARDS: 4");

    assertThat(problems).anySatisfy(p -> assertThat(p).contains("SHARDS: a ConfigMap value must be a string"));
  }

  @Test
  void thePasswordSecretReachesTheProcessThatRunsTheSimulationAndNoCommandLine(@TempDir Path pod)
      throws Exception {
    String password = "pw-" + java.util.UUID.randomUUID();
    assertThat(injectorRecord(pod, password)).containsEntry("password", password)
        .hasEntrySatisfying("command line", line -> assertThat(line).doesNotContain(password));
  }

  @Test
  void aRecipeThatDropsTheSecretOnTheWayIsCaught(@TempDir Path pod) throws Exception {
    // The same script with the variable cleared before Maven starts: the check must see it.
    String password = "pw-" + java.util.UUID.randomUUID();
    assertThat(injectorRecord(pod, password, "./mvnw -B -q -o",
        "unset " + RunSettings.PASSWORD_ENV + "; ./mvnw -B -q -o"))
        .containsEntry("password", "(unset)");
  }

  private Map<String, String> injectorRecord(Path pod, String password, String... edit)
      throws Exception {
    KubernetesManifests manifests = KubernetesManifests.read(recipeFolder());
    var injector = manifests.containers(
        manifests.find("Job", KubernetesRecipe.INJECTORS).orElseThrow().node()).get(0);
    return InjectorScriptRun.run(injector, pod,
        Map.of("casinoperf-secrets/player-password", password), edit);
  }

  /** A copy of the recipe with one edit, and what the wiring check says about it. */
  private List<String> problemsAfterEditing(String file, String from, String to) throws IOException {
    Path folder = recipeFolder();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path source : files.filter(Files::isRegularFile).toList()) {
        Files.copy(source, copy.resolve(source.getFileName()));
      }
    }
    Path edited = copy.resolve(file);
    String text = Files.readString(edited);
    assertThat(text).as("the edit's anchor in " + file).contains(from);
    Files.writeString(edited, text.replace(from, to));

    List<String> problems = KubernetesRecipe.problems(KubernetesManifests.read(copy));
    assertThat(problems).as("an edited recipe is never clean").isNotEmpty();
    return problems;
  }

  /** {@code k8s/} of this repository, found from the module folder the tests run in. */
  private static Path recipeFolder() {
    for (Path folder = Path.of("").toAbsolutePath(); folder != null; folder = folder.getParent()) {
      if (Files.isRegularFile(folder.resolve("k8s").resolve("kustomization.yaml"))) {
        return folder.resolve("k8s");
      }
    }
    throw new IllegalStateException("no k8s/kustomization.yaml above " + Path.of("").toAbsolutePath());
  }
}
