package io.casinoperf.capacity.plan;

import io.casinoperf.capacity.plan.InputDocument.Scalar;
import io.casinoperf.capacity.series.MetricsFormatException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What capacity is planned for: the traffic series and, per resource, its series, limit and
 * spares, read from a YAML ({@code .yaml}, {@code .yml}) or JSON ({@code .json}) file:
 *
 * <pre>{@code
 * traffic: {series: rps, unit: requests/s}
 * resources:                  # at least one; names unique
 *   - {name: app-cpu, series: cpu_percent, unit: "%", perNode: true, nodes: 6, limit: 70, redundancy: 1}
 *   - {name: database-connections, series: db_connections, unit: connections, limit: 800}
 *   - {name: redis-memory, series: redis_used_bytes, unit: bytes, limit: 8589934592}
 * }</pre>
 *
 * Per resource, {@code name}, {@code series}, {@code unit} and {@code limit} are required;
 * {@code perNode} defaults to false, {@code nodes} to 1 (required when perNode is true: the
 * demand scales with it), {@code redundancy} to 0 and may also be written {@code "N+1"}. See
 * {@link Resource} for what the fields mean and docs/CAPACITY-INPUTS.md for the full description.
 *
 * @param traffic the driver series
 * @param resources in file order
 * @throws IllegalArgumentException without traffic, without resources or with two of one name
 */
public record CapacityPlan(Traffic traffic, List<Resource> resources) {
  private static final String WHAT = "a capacity plan (traffic, resources)";
  private static final List<String> TOP = List.of("traffic", "resources");
  private static final List<String> TRAFFIC = List.of("series", "unit", "nodes", "redundancy", "stagingNodes");
  private static final List<String> RESOURCE =
      List.of("name", "series", "unit", "perNode", "nodes", "limit", "redundancy");
  private static final Pattern N_PLUS = Pattern.compile("n\\s*(?:\\+\\s*(\\d{1,9}))?");

  public CapacityPlan {
    if (traffic == null) {
      throw new InvalidField("traffic", "required: {series: …, unit: …}");
    }
    // A plan may forecast traffic alone: no resources, no node decision beyond the traffic's own.
    resources = resources == null ? List.of() : List.copyOf(resources);
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < resources.size(); i++) {
      Integer first = seen.putIfAbsent(resources.get(i).name(), i);
      if (first != null) {
        throw new InvalidField("resources[" + i + "].name", "'" + resources.get(i).name()
            + "' is already the name of resources[" + first + "]");
      }
    }
  }

  /**
   * @throws MetricsFormatException naming the file, the line and the field of the first problem
   */
  public static CapacityPlan read(Path file) {
    FieldReader top = FieldReader.of(file, "", InputDocument.read(file, WHAT), TOP);
    FieldReader t = top.mapping("traffic", TRAFFIC);
    Traffic traffic = t == null ? null : t.build(() -> new Traffic(t.text("series"), t.text("unit"),
        t.wholeNumber("nodes").orElse(0), redundancy(t), t.wholeNumber("stagingNodes").orElse(0)));
    List<Resource> resources = top.list("resources", RESOURCE).stream()
        .map(CapacityPlan::resource)
        .toList();
    return top.build(() -> new CapacityPlan(traffic, resources));
  }

  /** The resource of this name, if the plan has one. */
  public Optional<Resource> resource(String name) {
    return resources.stream().filter(r -> r.name().equals(name)).findFirst();
  }

  private static Resource resource(FieldReader r) {
    boolean perNode = r.bool("perNode", false);
    if (perNode && !r.has("nodes")) {
      throw r.error("nodes", "required when perNode is true: how many nodes served the history");
    }
    if (!r.has("limit")) {
      throw r.error("limit", "required: the most one " + (perNode ? "node" : "instance")
          + " may carry, in the series' unit");
    }
    return r.build(() -> new Resource(r.text("name"), r.text("series"), r.text("unit"), perNode,
        r.wholeNumber("nodes").orElse(1), r.number("limit").getAsDouble(), redundancy(r)));
  }

  /** A whole number, or N+k as written in operations ({@code "N+1"} is 1, {@code "N"} is 0). */
  private static int redundancy(FieldReader r) {
    Scalar scalar = r.scalar("redundancy");
    if (scalar == null) {
      return 0;
    }
    if (scalar.number() != null) {
      return r.wholeNumber("redundancy").getAsInt();
    }
    Matcher m = N_PLUS.matcher(scalar.text().strip().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw r.error("redundancy", "expected a whole number or N+k (N+1 is 1), got "
          + scalar.describe());
    }
    return m.group(1) == null ? 0 : Integer.parseInt(m.group(1));
  }
}
