package io.casinoperf.gate.log;

import java.time.Instant;
import java.util.List;

/**
 * The run record that opens every {@code simulation.log}.
 *
 * @param gatlingVersion the version of Gatling that wrote the log, e.g. {@code 3.15.1}
 * @param simulationClass fully qualified class name of the simulation
 * @param start when the run started; every other timestamp in the log counts from here
 * @param description the run description ({@code -rd}), often empty
 * @param scenarios scenario names in the order user records refer to them
 * @param assertionCount how many assertions the simulation declared (their bodies are opaque)
 */
public record RunHeader(
    String gatlingVersion,
    String simulationClass,
    Instant start,
    String description,
    List<String> scenarios,
    int assertionCount) {

  public RunHeader {
    scenarios = List.copyOf(scenarios);
  }
}
