package io.casinoperf.gate.history;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What makes two runs comparable: the same simulation with the same parameters against the same
 * target measure the same thing; the Gatling and Java versions and the injector's cores can
 * shift the numbers too, and are recorded to explain a difference.
 *
 * @param parameters the run parameters that shape the load (scale, duration, shard count, …)
 */
public record Comparability(
    String simulation,
    String target,
    Map<String, String> parameters,
    String gatlingVersion,
    String javaVersion,
    int injectorCores) {

  public Comparability {
    Objects.requireNonNull(simulation, "simulation");
    target = target == null ? "" : target;
    parameters = Map.copyOf(new TreeMap<>(parameters));
    gatlingVersion = gatlingVersion == null ? "" : gatlingVersion;
    javaVersion = javaVersion == null ? "" : javaVersion;
  }

  /** Same simulation, target and parameters: the runs' numbers measure the same workload. */
  public boolean sameWorkload(Comparability other) {
    return simulation.equals(other.simulation)
        && target.equals(other.target)
        && parameters.equals(other.parameters);
  }

  /** One line per difference from {@code other}, e.g. {@code scale: 2 (baseline 1)}. */
  public List<String> differencesFrom(Comparability other) {
    List<String> differences = workloadDifferencesFrom(other, "baseline");
    compare(differences, "Gatling", gatlingVersion, other.gatlingVersion, "baseline");
    compare(differences, "Java", javaVersion, other.javaVersion, "baseline");
    compare(differences, "injector cores", Integer.toString(injectorCores),
        Integer.toString(other.injectorCores), "baseline");
    return differences;
  }

  /**
   * One line per difference in simulation, target or parameters from {@code other}, which the
   * lines call {@code otherName}: {@code scale: 2 (stored 1)}; empty when {@link #sameWorkload}.
   */
  public List<String> workloadDifferencesFrom(Comparability other, String otherName) {
    List<String> differences = new ArrayList<>();
    compare(differences, "simulation", simulation, other.simulation, otherName);
    compare(differences, "target", target, other.target, otherName);
    TreeMap<String, String> names = new TreeMap<>(parameters);
    other.parameters.forEach(names::putIfAbsent);
    for (String name : names.keySet()) {
      compare(differences, name, parameters.getOrDefault(name, "(unset)"),
          other.parameters.getOrDefault(name, "(unset)"), otherName);
    }
    return differences;
  }

  /** The keys a baseline must share: simulation, target and each parameter, in that order. */
  public Map<String, String> workloadKeys() {
    Map<String, String> keys = new java.util.LinkedHashMap<>();
    keys.put("simulation", simulation);
    keys.put("target", target);
    keys.putAll(new TreeMap<>(parameters));
    return keys;
  }

  private static void compare(List<String> differences, String name, String mine, String theirs,
      String otherName) {
    if (!mine.equals(theirs)) {
      differences.add(name + ": " + mine + " (" + otherName + " " + theirs + ")");
    }
  }
}
