package io.casinoperf.gate.log;

import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * The run record that opens every {@code simulation.log}.
 *
 * @param gatlingVersion the version of Gatling that wrote the log, e.g. {@code 3.15.1}
 * @param simulationClass fully qualified class name of the simulation
 * @param start when the run started; every other timestamp in the log counts from here
 * @param description the run description ({@code -rd}), often empty
 * @param scenarios scenario names in the order user records refer to them
 * @param assertions the simulation's assertions, kept as Gatling serialized them so that a merged
 *     log can carry them on; never interpreted here
 */
public record RunHeader(
    String gatlingVersion,
    String simulationClass,
    Instant start,
    String description,
    List<String> scenarios,
    List<SerializedAssertion> assertions) {

  public RunHeader {
    scenarios = List.copyOf(scenarios);
    assertions = List.copyOf(assertions);
  }

  /** How many assertions the simulation declared. */
  public int assertionCount() {
    return assertions.size();
  }

  /**
   * One assertion in Gatling's own binary serialization (boopickle, Gatling's internal format):
   * opaque bytes, compared by content.
   */
  public record SerializedAssertion(byte[] bytes) {
    public SerializedAssertion {
      bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
      return bytes.clone();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof SerializedAssertion that && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
      return "SerializedAssertion[" + HexFormat.of().formatHex(bytes) + "]";
    }
  }
}
