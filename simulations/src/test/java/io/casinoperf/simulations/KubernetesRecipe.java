package io.casinoperf.simulations;

import io.casinoperf.simulations.settings.RunSettings;
import io.casinoperf.simulations.settings.Secret;
import io.casinoperf.simulations.settings.TargetPolicy;
import com.fasterxml.jackson.databind.JsonNode;
import io.casinoperf.simulations.KubernetesManifests.Container;
import io.casinoperf.simulations.KubernetesManifests.Manifest;
import io.gatling.javaapi.core.Simulation;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The wiring of the sharded-injector recipe in {@code k8s/}: what must agree between the run
 * parameters (ConfigMap {@code casinoperf-run}), the Indexed Job {@code casinoperf-injectors},
 * the merge-and-gate Job {@code casinoperf-gate}, the results volume and kustomize, for n pods to
 * make one run and one verdict. {@link #problems()} lists every disagreement, one line each.
 */
final class KubernetesRecipe {
  static final String RUN_PARAMETERS = "casinoperf-run";
  static final String INJECTORS = "casinoperf-injectors";
  static final String GATE = "casinoperf-gate";

  /** Names of keys that hold a secret; such keys belong in a Secret, never in a ConfigMap. */
  private static final Pattern SECRET_NAME =
      Pattern.compile("(?i).*(passw|secret|token|api[-_]?key|credential|private[-_]?key).*");
  /** Values that carry a secret inline: "password=…", "apiKey: …", a PEM block. */
  private static final Pattern SECRET_VALUE =
      Pattern.compile("(?is).*((passw\\w*|secret|token|api[-_]?key)\\s*[=:]|-----BEGIN ).*");
  /** The shard option: 1-based index from the 0-based completion index, then the count. */
  private static final Pattern SHARD_OPTION = Pattern.compile(
      "-Dshard=\"?\\$\\(\\(\\s*JOB_COMPLETION_INDEX\\s*\\+\\s*1\\s*\\)\\)/(\\S+)");
  private static final Pattern BREAKER_OPTION =
      Pattern.compile("-D(circuitBreaker(?:\\.\\w+)?)=(\\S+)");

  private final KubernetesManifests manifests;
  private final List<String> problems = new ArrayList<>();

  private KubernetesRecipe(KubernetesManifests manifests) {
    this.manifests = manifests;
  }

  /** Every disagreement in the recipe; empty when it is wired right. */
  static List<String> problems(KubernetesManifests manifests) {
    KubernetesRecipe recipe = new KubernetesRecipe(manifests);
    recipe.check();
    return List.copyOf(recipe.problems);
  }

  private void check() {
    configMapsHoldNoSecrets();
    Optional<Manifest> injectors = manifests.find("Job", INJECTORS);
    Optional<Manifest> gate = manifests.find("Job", GATE);
    if (manifests.find("ConfigMap", RUN_PARAMETERS).isEmpty()) {
      problems.add("no ConfigMap " + RUN_PARAMETERS);
    }
    if (injectors.isEmpty() || gate.isEmpty()) {
      problems.add("expected the Jobs " + INJECTORS + " and " + GATE);
      return;
    }
    JsonNode injectorJob = injectors.get().node();
    JsonNode gateJob = gate.get().node();
    Container injector = onlyContainer(injectorJob, INJECTORS);
    Container gatekeeper = onlyContainer(gateJob, GATE);
    if (injector == null || gatekeeper == null) {
      return;
    }
    runsOnceEach(injectorJob, INJECTORS);
    runsOnceEach(gateJob, GATE);
    if (!"Indexed".equals(injectorJob.path("spec").path("completionMode").asText())) {
      problems.add(INJECTORS + ": completionMode must be Indexed (JOB_COMPLETION_INDEX picks the shard)");
    }
    shardCountsAgree(injectorJob, injector, gatekeeper);
    sameImage(injectorJob, gateJob);
    simulationExists(injector);
    targetIsAllowed(injector, gatekeeper);
    sameResultsVolume(injectorJob, gateJob, gatekeeper);
    secretsComeFromSecrets(injectorJob, injector);
    circuitBreakerIsValid(injector);
    kustomizationCopiesShards();
  }

  /**
   * The injectors pass {@code CIRCUIT_BREAKER} to every shard, and it holds only circuit-breaker
   * options that the simulations accept: a bad value would stop every shard before its first
   * request.
   */
  private void circuitBreakerIsValid(Container injector) {
    if (!injector.script().contains("${CIRCUIT_BREAKER}")) {
      problems.add(INJECTORS + ": the script must pass ${CIRCUIT_BREAKER} to the simulation");
      return;
    }
    String options = injector.env("CIRCUIT_BREAKER").orElse(null);
    if (options == null) {
      problems.add(INJECTORS + ": CIRCUIT_BREAKER is not set in " + RUN_PARAMETERS);
      return;
    }
    Map<String, String> properties = new HashMap<>();
    for (String option : options.trim().split("\\s+")) {
      if (option.isEmpty()) {
        continue;
      }
      Matcher matcher = BREAKER_OPTION.matcher(option);
      if (!matcher.matches()) {
        problems.add("CIRCUIT_BREAKER: '" + option + "' is not a -DcircuitBreaker.* option");
        return;
      }
      properties.put(matcher.group(1), matcher.group(2));
    }
    try {
      RunSettings.from(properties);
    } catch (RunSettings.InvalidSettingException e) {
      problems.add("CIRCUIT_BREAKER: " + e.getMessage());
    }
  }

  private Container onlyContainer(JsonNode job, String name) {
    List<Container> containers = manifests.containers(job);
    if (containers.size() != 1) {
      problems.add(name + ": expected one container, found " + containers.size());
      return null;
    }
    return containers.get(0);
  }

  private void runsOnceEach(JsonNode job, String name) {
    if (!"Never".equals(job.path("spec").path("template").path("spec").path("restartPolicy").asText())) {
      problems.add(name + ": restartPolicy must be Never (a restarted pod would run its load twice)");
    }
    if (job.path("spec").path("backoffLimit").asInt(-1) != 0) {
      problems.add(name + ": backoffLimit must be 0 (a retry is not part of the same run)");
    }
  }

  private void shardCountsAgree(JsonNode injectorJob, Container injector, Container gatekeeper) {
    String shards = injector.env("SHARDS").orElse("");
    if (!shards.matches("[1-9][0-9]*")) {
      problems.add(INJECTORS + ": SHARDS must be a whole number >= 1, is '" + shards + "'");
      return;
    }
    expectShards("completions", injectorJob.path("spec").path("completions").asText(), shards);
    expectShards("parallelism", injectorJob.path("spec").path("parallelism").asText(), shards);
    expectShards(GATE + " SHARDS", gatekeeper.env("SHARDS").orElse("(unset)"), shards);
    expectShards(GATE + " --param shards=",
        gatekeeper.option("--param shards").orElse("(missing)"), shards);
    Matcher shard = SHARD_OPTION.matcher(injector.script());
    if (!shard.find()) {
      problems.add(INJECTORS + ": the script must pass -Dshard=$((JOB_COMPLETION_INDEX + 1))/<shards>");
    } else {
      expectShards("the n of -Dshard=i/n", injector.expand(shard.group(1).replace("\"", "")), shards);
    }
  }

  private void expectShards(String what, String actual, String shards) {
    if (!actual.equals(shards)) {
      problems.add(INJECTORS + " runs SHARDS=" + shards + " shards, but " + what + " is " + actual);
    }
  }

  private void sameImage(JsonNode injectorJob, JsonNode gateJob) {
    Set<String> images = new HashSet<>();
    manifests.containers(injectorJob).forEach(c -> images.add(c.image()));
    manifests.containers(gateJob).forEach(c -> images.add(c.image()));
    if (images.size() != 1 || images.contains("")) {
      problems.add("the injectors and the gate must run one image, found " + images);
    }
  }

  private void simulationExists(Container injector) {
    Optional<String> className = injector.option("-Dgatling.simulationClass");
    if (className.isEmpty()) {
      problems.add(INJECTORS + ": the script must pass -Dgatling.simulationClass");
      return;
    }
    try {
      Class<?> simulation = Class.forName(className.get(), false, getClass().getClassLoader());
      if (!Simulation.class.isAssignableFrom(simulation)) {
        problems.add(INJECTORS + ": " + className.get() + " is not a Gatling Simulation");
      }
    } catch (ClassNotFoundException e) {
      problems.add(INJECTORS + ": no simulation class " + className.get());
    }
  }

  /** Checks the values as the simulation itself will: RunSettings, then the target allow-list. */
  private void targetIsAllowed(Container injector, Container gatekeeper) {
    String target = injector.option("-Dtarget").orElse("");
    String allowed = injector.option("-DallowedTargets").orElse("");
    if (target.isEmpty() || target.contains("$") || allowed.isEmpty() || allowed.contains("$")) {
      problems.add(INJECTORS + ": -Dtarget and -DallowedTargets must both be set, are '"
          + target + "' and '" + allowed + "'");
      return;
    }
    try {
      RunSettings settings = RunSettings.from(Map.of(
          "target", target,
          "allowedTargets", allowed,
          "duration", injector.option("-Dduration").orElse(""),
          "shard", "1/" + injector.env("SHARDS").orElse("1")));
      TargetPolicy.check(settings.target().orElseThrow(), settings.allowedTargets());
    } catch (RunSettings.InvalidSettingException e) {
      problems.add(INJECTORS + ": " + e.getMessage());
    }
    if (!gatekeeper.option("--target").orElse("").equals(target)) {
      problems.add(GATE + ": --target must be the injectors' target " + target
          + " (baselines are per target)");
    }
  }

  private void sameResultsVolume(JsonNode injectorJob, JsonNode gateJob, Container gatekeeper) {
    Optional<Mount> injectorMount = resultsMount(injectorJob, INJECTORS);
    Optional<Mount> gateMount = resultsMount(gateJob, GATE);
    if (injectorMount.isEmpty() || gateMount.isEmpty()) {
      return;
    }
    if (!injectorMount.equals(gateMount)) {
      problems.add("the injectors and the gate must mount one results claim at one path: "
          + injectorMount.get() + " vs " + gateMount.get());
    }
    Optional<Manifest> claim = manifests.find("PersistentVolumeClaim", injectorMount.get().claim());
    if (claim.isEmpty()) {
      problems.add("no PersistentVolumeClaim " + injectorMount.get().claim());
    } else if (!claim.get().node().path("spec").path("accessModes").toString().contains("ReadWriteMany")) {
      problems.add(injectorMount.get().claim() + ": must be ReadWriteMany (n pods write at once)");
    }
    for (String option : List.of("--history", "--out")) {
      if (!gatekeeper.option(option).orElse("").startsWith(gateMount.get().path() + "/")) {
        problems.add(GATE + ": " + option + " must be on the results volume " + gateMount.get().path());
      }
    }
  }

  private record Mount(String claim, String path) {}

  private Optional<Mount> resultsMount(JsonNode job, String name) {
    JsonNode podSpec = job.path("spec").path("template").path("spec");
    for (JsonNode volume : podSpec.path("volumes")) {
      String claim = volume.path("persistentVolumeClaim").path("claimName").asText();
      if (claim.isEmpty()) {
        continue;
      }
      for (Container container : manifests.containers(job)) {
        for (JsonNode mount : container.node().path("volumeMounts")) {
          if (mount.path("name").asText().equals(volume.path("name").asText())) {
            return Optional.of(new Mount(claim, mount.path("mountPath").asText()));
          }
        }
      }
    }
    problems.add(name + ": mounts no results volume claim");
    return Optional.empty();
  }

  private void secretsComeFromSecrets(JsonNode injectorJob, Container injector) {
    boolean fromSecret = injector.node().findValues("secretKeyRef").size() > 0
        || injectorJob.path("spec").path("template").path("spec").path("volumes").findValues("secret").size() > 0;
    if (!fromSecret) {
      problems.add(INJECTORS + ": accounts and passwords must come from a Secret (secretKeyRef or a secret volume)");
    }
    for (Manifest job : manifests.ofKind("Job")) {
      for (Container container : manifests.containers(job.node())) {
        for (JsonNode entry : container.node().path("env")) {
          if (entry.has("value") && SECRET_NAME.matcher(entry.path("name").asText()).matches()) {
            problems.add(job.name() + ": " + entry.path("name").asText() + " is written in the manifest; take it from a Secret");
          }
        }
      }
    }
  }

  private void configMapsHoldNoSecrets() {
    for (Manifest configMap : manifests.ofKind("ConfigMap")) {
      configMap.node().path("data").fields().forEachRemaining(entry -> {
        String where = configMap.file().getFileName() + ": " + entry.getKey();
        if (!entry.getValue().isTextual()) {
          problems.add(where + ": a ConfigMap value must be a string (quote it)");
        }
        if (SECRET_NAME.matcher(entry.getKey()).matches()
            || SECRET_VALUE.matcher(entry.getValue().asText()).matches()) {
          problems.add(where + ": looks like a secret; put it in the Secret casinoperf-secrets");
        }
      });
    }
  }

  private void kustomizationCopiesShards() {
    Optional<Manifest> kustomization = manifests.ofKind("Kustomization").stream().findFirst();
    if (kustomization.isEmpty()) {
      problems.add("no kustomization.yaml");
      return;
    }
    JsonNode node = kustomization.get().node();
    for (JsonNode resource : node.path("resources")) {
      if (!Files.isRegularFile(manifests.folder().resolve(resource.asText()))) {
        problems.add("kustomization.yaml lists " + resource.asText() + ", which is not there");
      }
    }
    Set<String> copiedTo = new HashSet<>();
    for (JsonNode replacement : node.path("replacements")) {
      JsonNode source = replacement.path("source");
      if (source.path("name").asText().equals(RUN_PARAMETERS)
          && source.path("fieldPath").asText().equals("data.SHARDS")) {
        for (JsonNode target : replacement.path("targets")) {
          if (target.path("select").path("name").asText().equals(INJECTORS)) {
            target.path("fieldPaths").forEach(path -> copiedTo.add(path.asText()));
          }
        }
      }
    }
    if (!copiedTo.containsAll(List.of("spec.completions", "spec.parallelism"))) {
      problems.add("kustomization.yaml must copy " + RUN_PARAMETERS + " data.SHARDS into "
          + INJECTORS + " spec.completions and spec.parallelism, copies it to " + copiedTo);
    }
  }
}
