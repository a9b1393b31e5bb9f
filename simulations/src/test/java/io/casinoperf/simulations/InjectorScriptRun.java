package io.casinoperf.simulations;

import io.casinoperf.simulations.settings.RunSettings;
import io.casinoperf.simulations.settings.Secret;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the injector container's script of the Kubernetes recipe with bash, in a folder standing in
 * for the pod: the environment is the one Kubernetes would build from the manifests, the paths
 * {@code /results} and {@code /secrets} point into that folder, and {@code ./mvnw} is a stand-in
 * that records what the real one would be given (the player password from the environment, and its
 * command line) and leaves a simulation.log behind.
 */
final class InjectorScriptRun {
  private InjectorScriptRun() {}

  /**
   * @param secrets Secret values by {@code "<secret>/<key>"}
   * @param edit pairs of (text, replacement) applied to the script first: a broken variant
   * @return what the stand-in Maven saw: "password" (or "(unset)") and "command line"
   */
  static Map<String, String> run(KubernetesManifests.Container injector, Path pod,
      Map<String, String> secrets, String... edit) throws IOException, InterruptedException {
    Path results = Files.createDirectories(pod.resolve("results"));
    Path work = Files.createDirectories(pod.resolve("work"));
    String script = injector.script().replace("/bin/bash\n-c\n", "")
        .replace("/results", results.toString())
        .replace("/secrets", pod.resolve("secrets").toString());
    for (int i = 0; i + 1 < edit.length; i += 2) {
      if (!script.contains(edit[i])) {
        throw new IllegalArgumentException("the script has no " + edit[i]);
      }
      script = script.replace(edit[i], edit[i + 1]);
    }
    Path seen = pod.resolve("maven-saw.txt");
    Path mvnw = work.resolve("mvnw");
    Files.writeString(mvnw, String.join("\n",
        "#!/bin/bash",
        "echo \"password=${" + RunSettings.PASSWORD_ENV + "-(unset)}\" > '" + seen + "'",
        "echo \"command line=$*\" >> '" + seen + "'",
        "mkdir -p simulations/target/gatling/run-1",
        "echo log > simulations/target/gatling/run-1/simulation.log",
        ""));
    Files.setPosixFilePermissions(mvnw, PosixFilePermissions.fromString("rwxr-xr-x"));

    Map<String, String> environment = new HashMap<>(injector.environment(secrets));
    environment.put("JOB_COMPLETION_INDEX", "0");
    environment.put("SHARDS", "1");
    environment.put("START_WAIT_SECONDS", "5");
    environment.put("PATH", System.getenv("PATH"));
    ProcessBuilder builder = new ProcessBuilder(List.of("/bin/bash", "-c", script))
        .directory(work.toFile())
        .redirectErrorStream(true)
        .redirectOutput(pod.resolve("pod.log").toFile());
    builder.environment().clear();
    builder.environment().putAll(environment);
    Process process = builder.start();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the injector script did not finish");
    }
    if (process.exitValue() != 0 || !Files.exists(seen)) {
      throw new AssertionError("the injector script failed with " + process.exitValue() + ":\n"
          + Files.readString(pod.resolve("pod.log")));
    }
    Map<String, String> record = new HashMap<>();
    for (String line : Files.readAllLines(seen)) {
      int equals = line.indexOf('=');
      record.put(line.substring(0, equals), line.substring(equals + 1));
    }
    return record;
  }
}
