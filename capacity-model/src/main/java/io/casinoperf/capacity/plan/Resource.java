package io.casinoperf.capacity.plan;

/**
 * A resource that can run out, measured by one series, with its limit and spare capacity.
 *
 * <p>Two kinds:
 *
 * <ul>
 *   <li>{@code perNode = true}: the series is the mean utilisation of one node (CPU %) while
 *       {@code nodes} nodes served the history, and {@code limit} is the utilisation one node may
 *       be run at (70 %). Demand is counted in node-units: value × nodes (50 % on 6 nodes is 300,
 *       three nodes' worth at 100 %). Each node adds {@code limit} of capacity.
 *   <li>{@code perNode = false}: the series is the total of one instance or cluster (connections
 *       open, bytes used) and {@code limit} is that instance's hard limit (max connections,
 *       maxmemory). Demand is the value itself. {@code nodes} is how many instances of that size
 *       there are (1 unless sharded); at least one instance always carries the load, so a single
 *       instance with a standby may be written {@code nodes: 1} or {@code nodes: 2}, each with
 *       {@code redundancy: 1}.
 * </ul>
 *
 * {@code redundancy} is how many nodes are kept spare and carry nothing in the plan: N+1 is 1.
 *
 * @param name unique within the capacity file ({@code app-cpu})
 * @param series the metric's name in the metrics files
 * @param unit the series' unit ({@code %}, {@code connections}, {@code bytes})
 * @param perNode whether the series is the mean of one node (true) or an instance's total
 * @param nodes nodes (instances) that served the history, at least 1
 * @param limit per node (perNode) or per instance, in the series' unit; positive, and at most 100
 *     for a per-node series in {@code %}
 * @param redundancy spare nodes, at least 0; fewer than {@code nodes} when perNode
 * @throws IllegalArgumentException for any value outside the ranges above
 */
public record Resource(String name, String series, String unit, boolean perNode, int nodes,
    double limit, int redundancy) {
  /**
   * Demand divided by limit within this relative distance of a whole number counts as that
   * number, so that rounding in binary fractions does not ask for one node more.
   */
  private static final double WHOLE_NODE_TOLERANCE = 1e-9;

  public Resource {
    name = InvalidField.requireText("name", name);
    series = InvalidField.requireText("series", series);
    unit = InvalidField.requireText("unit", unit);
    if (!(limit > 0 && Double.isFinite(limit))) {
      throw new InvalidField("limit", limit + " is not a positive number");
    }
    if (perNode && unit.equals("%") && limit > 100) {
      throw new InvalidField("limit", limit + " % is more than a node has (at most 100)");
    }
    if (nodes < 1) {
      throw new InvalidField("nodes", nodes + " is fewer than 1");
    }
    if (redundancy < 0) {
      throw new InvalidField("redundancy", redundancy + " is negative (N+1 is 1)");
    }
    if (perNode && redundancy >= nodes) {
      throw new InvalidField("redundancy", "N+" + redundancy + " leaves none of the " + nodes
          + " nodes to carry the load");
    }
  }

  /**
   * The demand a series value stands for: value × nodes when perNode (node-units times the
   * series' unit), else the value.
   *
   * @throws IllegalArgumentException for a negative or non-finite value
   */
  public double demand(double seriesValue) {
    if (!(seriesValue >= 0 && Double.isFinite(seriesValue))) {
      throw new IllegalArgumentException(name + ": series value " + seriesValue
          + " is not a finite number at or above 0");
    }
    return perNode ? seriesValue * nodes : seriesValue;
  }

  /**
   * The nodes (instances) needed to serve this series value within the limit, spares included:
   * ceil(demand / limit) + redundancy, and never fewer than 1 + redundancy.
   */
  public int nodesNeeded(double seriesValue) {
    double loaded = demand(seriesValue) / limit;
    double whole = Math.ceil(loaded - WHOLE_NODE_TOLERANCE * Math.max(1, loaded));
    return (int) Math.min(Integer.MAX_VALUE, Math.max(1, whole) + redundancy);
  }

  /**
   * What today's nodes can carry in demand units, spares left out: limit × (nodes − redundancy)
   * when perNode, limit × max(1, nodes − redundancy) otherwise.
   */
  public double usableCapacity() {
    return limit * Math.max(1, nodes - redundancy);
  }

  /**
   * The share of usable capacity left at this series value, (usable − demand) / usable: 0.25 is
   * a quarter spare, 0 is exactly full, negative means it does not fit on today's nodes.
   */
  public double headroom(double seriesValue) {
    double usable = usableCapacity();
    return (usable - demand(seriesValue)) / usable;
  }
}
