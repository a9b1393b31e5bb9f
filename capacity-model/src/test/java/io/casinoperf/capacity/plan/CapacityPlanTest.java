package io.casinoperf.capacity.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.casinoperf.capacity.series.MetricsFormatException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CapacityPlanTest {
  @TempDir Path dir;

  private static final String EXAMPLE_YAML = """
      traffic: {series: rps, unit: requests/s}
      resources:
        - {name: app-cpu, series: cpu_percent, unit: "%", perNode: true, nodes: 6, limit: 70, redundancy: 1}
        - {name: database-connections, series: db_connections, unit: connections, limit: 800}
        - {name: redis-memory, series: redis_used_bytes, unit: bytes, limit: 8589934592}
      """;

  private static final String EXAMPLE_JSON = """
      {
        "traffic": {"series": "rps", "unit": "requests/s"},
        "resources": [
          {"name": "app-cpu", "series": "cpu_percent", "unit": "%", "perNode": true, "nodes": 6,
           "limit": 70.0, "redundancy": "N+1"},
          {"name": "database-connections", "series": "db_connections", "unit": "connections",
           "perNode": false, "nodes": 1, "limit": 800, "redundancy": 0},
          {"name": "redis-memory", "series": "redis_used_bytes", "unit": "bytes", "limit": 8.589934592e9}
        ]
      }
      """;

  private Path file(String name, String content) throws Exception {
    return Files.writeString(dir.resolve(name), content);
  }

  /** A plan whose only resource is the given flow mapping, on line 3. */
  private Path withResource(String resource) throws Exception {
    return file("plan.yaml", "traffic: {series: rps, unit: requests/s}\nresources:\n  - " + resource + "\n");
  }

  private AbstractThrowableAssert<?, ? extends Throwable> assertRefused(Path file, long line) {
    return assertThatThrownBy(() -> CapacityPlan.read(file))
        .isInstanceOf(MetricsFormatException.class)
        .satisfies(e -> assertThat(((MetricsFormatException) e).line()).isEqualTo(line))
        .hasMessageStartingWith(file + (line > 0 ? ":" + line + ": " : ": "));
  }

  @Test
  void readsTheDocumentedExampleWithItsDefaults() throws Exception {
    CapacityPlan plan = CapacityPlan.read(file("capacity.yaml", EXAMPLE_YAML));

    assertThat(plan.traffic()).isEqualTo(new Traffic("rps", "requests/s"));
    assertThat(plan.resources()).containsExactly(
        new Resource("app-cpu", "cpu_percent", "%", true, 6, 70, 1),
        new Resource("database-connections", "db_connections", "connections", false, 1, 800, 0),
        new Resource("redis-memory", "redis_used_bytes", "bytes", false, 1, 8_589_934_592.0, 0));
    assertThat(plan.resource("redis-memory")).map(Resource::limit).contains(8_589_934_592.0);
    assertThat(plan.resource("disk")).isEmpty();
  }

  @Test
  void yamlAndJsonFormsReadToTheSamePlan() throws Exception {
    CapacityPlan yaml = CapacityPlan.read(file("capacity.yml", EXAMPLE_YAML));
    CapacityPlan json = CapacityPlan.read(file("capacity.json", EXAMPLE_JSON));

    assertThat(json).isEqualTo(yaml);
  }

  @Test
  void redundancyMayBeWrittenAsOperationsDo() throws Exception {
    String resource = "{name: app-cpu, series: cpu, unit: \"%%\", perNode: true, nodes: 6, limit: 70, redundancy: %s}";

    assertThat(CapacityPlan.read(withResource(resource.formatted("\"N+2\""))).resources().get(0).redundancy()).isEqualTo(2);
    assertThat(CapacityPlan.read(withResource(resource.formatted("n + 1"))).resources().get(0).redundancy()).isEqualTo(1);
    assertThat(CapacityPlan.read(withResource(resource.formatted("N"))).resources().get(0).redundancy()).isZero();
    assertThat(CapacityPlan.read(withResource(resource.formatted("3"))).resources().get(0).redundancy()).isEqualTo(3);
    assertRefused(withResource(resource.formatted("two")), 3)
        .hasMessageContaining("resources[0].redundancy: expected a whole number or N+k (N+1 is 1), got text 'two'");
  }

  @Test
  void limitMustBePositiveAndAPercentageAtMostAHundred() throws Exception {
    assertRefused(withResource("{name: db, series: db_connections, unit: connections, limit: 0}"), 3)
        .hasMessageContaining("resources[0].limit: 0.0 is not a positive number");
    assertRefused(withResource("{name: cpu, series: cpu, unit: \"%\", perNode: true, nodes: 6, limit: 120}"), 3)
        .hasMessageContaining("resources[0].limit: 120.0 % is more than a node has (at most 100)");
    assertRefused(withResource("{name: db, series: db_connections, unit: connections, limit: \"800\"}"), 3)
        .hasMessageContaining("resources[0].limit: expected a number, got text '800'");
    assertRefused(withResource("{name: db, series: db_connections, unit: connections}"), 3)
        .hasMessageContaining("resources[0].limit: required");
  }

  @Test
  void nodesAndRedundancyMustLeaveANodeToCarryTheLoad() throws Exception {
    assertRefused(withResource("{name: cpu, series: cpu, unit: \"%\", perNode: true, nodes: 0, limit: 70}"), 3)
        .hasMessageContaining("resources[0].nodes: 0 is fewer than 1");
    assertRefused(withResource("{name: cpu, series: cpu, unit: \"%\", perNode: true, nodes: 6.5, limit: 70}"), 3)
        .hasMessageContaining("resources[0].nodes: expected a whole number, got the number 6.5");
    assertRefused(withResource("{name: cpu, series: cpu, unit: \"%\", perNode: true, nodes: 2, limit: 70, redundancy: -1}"), 3)
        .hasMessageContaining("resources[0].redundancy: -1 is negative");
    assertRefused(withResource("{name: cpu, series: cpu, unit: \"%\", perNode: true, nodes: 2, limit: 70, redundancy: N+2}"), 3)
        .hasMessageContaining("resources[0].redundancy: N+2 leaves none of the 2 nodes to carry the load");
    assertRefused(withResource("{name: cpu, series: cpu, unit: \"%\", perNode: true, limit: 70}"), 3)
        .hasMessageContaining("resources[0].nodes: required when perNode is true");
  }

  @Test
  void aSingleInstanceMayHaveAStandbyThatIsNotCounted() throws Exception {
    Resource db = CapacityPlan.read(withResource(
        "{name: db, series: db_connections, unit: connections, limit: 800, redundancy: N+1}")).resources().get(0);

    assertThat(db.nodes()).isEqualTo(1);
    assertThat(db.usableCapacity()).isEqualTo(800.0);
  }

  @Test
  void resourceNamesAreUniqueAndTheSecondIsReported() throws Exception {
    Path file = file("plan.yaml", """
        traffic: {series: rps, unit: requests/s}
        resources:
          - name: database
            series: db_connections
            unit: connections
            limit: 800
          - name: database
            series: db_connections_replica
            unit: connections
            limit: 800
        """);

    assertRefused(file, 7)
        .hasMessageContaining("resources[1].name: 'database' is already the name of resources[0]");
  }

  @Test
  void namesSeriesAndUnitsMustNotBeBlank() throws Exception {
    assertRefused(withResource("{name: db, series: \"\", unit: connections, limit: 800}"), 3)
        .hasMessageContaining("resources[0].series: required, and must not be blank");
    assertRefused(withResource("{series: db_connections, unit: connections, limit: 800}"), 3)
        .hasMessageContaining("resources[0].name: required");
    assertRefused(file("plan.yaml", "traffic:\n  unit: requests/s\nresources:\n  - {name: db, series: db, unit: c, limit: 1}\n"), 2)
        .hasMessageContaining("traffic.series: required");
  }

  @Test
  void aPlanNeedsTrafficAndMayHaveNoResource() throws Exception {
    assertThat(CapacityPlan.read(file("none.yaml", "traffic: {series: rps, unit: requests/s}\nresources: []\n"))
        .resources()).isEmpty();
    CapacityPlan alone = CapacityPlan.read(
        file("absent.json", "{\"traffic\": {\"series\": \"rps\", \"unit\": \"requests/s\"}}"));
    assertThat(alone.resources()).isEmpty();
    assertThat(alone.traffic().series()).isEqualTo("rps");
    assertRefused(file("notraffic.yaml", "resources:\n  - {name: db, series: db, unit: c, limit: 1}\n"), 1)
        .hasMessageContaining("traffic: required");
  }

  @Test
  void unknownPropertyIsNamedWithTheKnownOnes() throws Exception {
    Path file = file("plan.yaml", """
        traffic: {series: rps, unit: requests/s}
        resources:
          - name: app-cpu
            series: cpu_percent
            unit: "%"
            perNode: true
            node: 6
            limit: 70
        """);

    assertRefused(file, 7).hasMessageContaining("unknown property 'node' in resources[0]; known properties:"
        + " name, series, unit, perNode, nodes, limit, redundancy");
  }

  @Test
  void perNodeMustBeABoolean() throws Exception {
    assertRefused(withResource("{name: cpu, series: cpu, unit: \"%\", perNode: sometimes, nodes: 6, limit: 70}"), 3)
        .hasMessageContaining("resources[0].perNode: expected true or false, got text 'sometimes'");
  }

  @Test
  void aNumberOrABooleanIsNotANameASeriesOrAUnit() throws Exception {
    assertRefused(withResource("{name: cpu, series: 42, unit: \"%\", perNode: true, nodes: 6, limit: 70}"), 3)
        .hasMessageContaining("resources[0].series: expected text, got the number 42 (write it in quotes"
            + " if it is meant as a name)");
    assertRefused(file("plan.json", "{\"traffic\": {\"series\": \"rps\", \"unit\": false},\n"
            + " \"resources\": [{\"name\": \"db\", \"series\": \"db\", \"unit\": \"c\", \"limit\": 8}]}\n"), 1)
        .hasMessageContaining("traffic.unit: expected text, got the boolean false");
  }

  @Test
  void jsonWithMoreAfterTheDocumentOrAKeyGivenTwiceIsRefused() throws Exception {
    String plan = "{\"traffic\": {\"series\": \"rps\", \"unit\": \"requests/s\"},\n"
        + " \"resources\": [{\"name\": \"db\", \"series\": \"db\", \"unit\": \"c\", \"limit\": 8}]}\n";
    Path second = file("second.json", plan + plan);
    Path garbage = file("garbage.json", plan + "x\n");
    Path twice = file("twice.json", plan.replace("\"limit\": 8", "\"limit\": 8,\n \"limit\": 800"));

    assertRefused(second, 3).hasMessageContaining("more than one document");
    assertRefused(garbage, 3).hasMessageContaining("not valid JSON");
    assertRefused(twice, 3).hasMessageContaining("'limit' given twice (first on line 2)");
  }

  @Test
  void yamlWithASecondDocumentOrAKeyGivenTwiceIsRefused() throws Exception {
    Path second = file("second.yaml", EXAMPLE_YAML + "---\n" + EXAMPLE_YAML);
    Path twice = withResource("{name: db, series: db, unit: c, limit: 8, limit: 800}");

    // Refused at the first line of the second document.
    assertRefused(second, 7).hasMessageContaining("more than one document");
    assertRefused(twice, 3).hasMessageContaining("'limit' given twice (first on line 3)");
  }

  @Test
  void fileProblemsNameTheFile() throws Exception {
    assertRefused(file("capacity.txt", EXAMPLE_YAML), 0).hasMessageContaining("unknown extension");
    assertRefused(dir.resolve("absent.json"), 0).hasMessageContaining("no such file");
    assertRefused(file("bad.yaml", "traffic: {series: rps\nresources: [\n"), 2).hasMessageContaining("not valid YAML");
  }

  @Test
  void trafficSparesMustLeaveANodeToCarryIt() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Traffic("rps", "requests/s", 1, 1))
        .hasMessageContaining("N+1 leaves none of the 1 nodes to carry the traffic");
    org.assertj.core.api.Assertions.assertThat(new Traffic("rps", "requests/s", 0, 1).redundancy()).isEqualTo(1);
  }

  @Test
  void theStagingNodesTheRehearsalIsScaledToAreReadAndCheckedLikeTheOtherCounts() throws Exception {
    CapacityPlan plan = CapacityPlan.read(file("staging.yaml",
        "traffic: {series: rps, unit: requests/s, nodes: 6, redundancy: 1, stagingNodes: 2}\n"));

    assertThat(plan.traffic()).isEqualTo(new Traffic("rps", "requests/s", 6, 1, 2));
    assertThat(CapacityPlan.read(file("none.yaml", "traffic: {series: rps, unit: requests/s}\n")).traffic()
        .stagingNodes()).isZero();
    assertRefused(file("negative.yaml", "traffic: {series: rps, unit: requests/s, stagingNodes: -1}\n"), 1)
        .hasMessageContaining("stagingNodes");
  }
}
