package io.casinoperf.capacity.plan;

/**
 * The series that measures how busy the platform is, the driver the resources are regressed on.
 * When load-test steps give a node's maximum throughput (Universal Scalability Law), the traffic
 * is also planned as a resource of its own: nodes needed = ceil(traffic / per-node throughput) +
 * redundancy, against the {@code nodes} serving it now.
 *
 * @param series the metric's name in the metrics files (a CSV column or Prometheus series)
 * @param unit its unit, for reports ({@code requests/s})
 * @param nodes application nodes serving the traffic now; 0 when not given
 * @param redundancy spare application nodes (N+1 is 1)
 * @param stagingNodes application nodes on staging, which the rehearsal profile scales the
 *     forecast to; 0 when not given
 * @throws IllegalArgumentException when series or unit is blank, or a count is negative
 */
public record Traffic(String series, String unit, int nodes, int redundancy, int stagingNodes) {
  public Traffic {
    if (stagingNodes < 0) {
      throw new InvalidField("stagingNodes", stagingNodes + " is negative");
    }
    series = InvalidField.requireText("series", series);
    unit = InvalidField.requireText("unit", unit);
    if (nodes < 0) {
      throw new InvalidField("nodes", nodes + " is negative");
    }
    if (redundancy < 0) {
      throw new InvalidField("redundancy", redundancy + " is negative (N+1 is 1)");
    }
    if (nodes > 0 && redundancy >= nodes) {
      throw new InvalidField("redundancy", "N+" + redundancy + " leaves none of the " + nodes
          + " nodes to carry the traffic");
    }
  }

  /** Traffic with today's nodes, and no staging nodes given. */
  public Traffic(String series, String unit, int nodes, int redundancy) {
    this(series, unit, nodes, redundancy, 0);
  }

  /** Traffic with no node information. */
  public Traffic(String series, String unit) {
    this(series, unit, 0, 0);
  }
}
