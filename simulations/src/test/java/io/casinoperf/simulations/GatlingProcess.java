package io.casinoperf.simulations;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs one simulation in its own JVM with Gatling's real launcher, as the Maven plugin does, and
 * captures what a user would see: exit code, console output and the results folder.
 */
final class GatlingProcess {
  private static final Pattern REQUEST_COUNT =
      Pattern.compile("^> request count\\s+\\|\\s+([\\d,]+)\\s+\\|", Pattern.MULTILINE);
  /** The "All Requests" row of Gatling's index.html: its first value cell is the total count. */
  private static final Pattern REPORT_TOTAL = Pattern.compile(
      "<tr id=\"ROOT\"[^>]*>.*?<td class=\"value total col-2\">(\\d+)</td>", Pattern.DOTALL);

  record Result(int exitCode, String stdout, String stderr, Path resultsFolder) {
    /** The total request count of Gatling's final console summary. */
    long requestCount() {
      Matcher matcher = REQUEST_COUNT.matcher(stdout);
      long last = -1;
      while (matcher.find()) {
        last = Long.parseLong(matcher.group(1).replace(",", ""));
      }
      if (last < 0) {
        throw new AssertionError("no request count in Gatling's output:\n" + stdout);
      }
      return last;
    }

    /** The {@code p}-th percentile of all requests as Gatling printed it, or "?" if absent. */
    String gatlingPercentile(int p) {
      Matcher matcher = Pattern.compile(
          "^> response time " + p + "th percentile \\(ms\\)\\s+\\|\\s+([\\d,]+)",
          Pattern.MULTILINE).matcher(stdout);
      String last = "?";
      while (matcher.find()) {
        last = matcher.group(1);
      }
      return last;
    }

    /** The assertions Gatling printed as failed, e.g. {@code Global: 99th percentile … : false (actual : 419.0)}. */
    List<String> failedAssertions() {
      return stdout.lines().filter(line -> line.contains(" : false (actual : ")).distinct().toList();
    }

    /**
     * Checks the run's SLO assertions as an end-to-end test may: they all held (exit 0); or only
     * latency assertions failed on a run whose record says its injector was saturated — then
     * the latency figures measured the injector, not the platform, and the returned judgement
     * reports them as a skipped assumption once the test's other checks have passed. Anything
     * else fails the test here.
     */
    LatencyJudgement assertSlosHeldWhereJudged() throws IOException {
      if (exitCode == 0) {
        return new LatencyJudgement(Optional.empty());
      }
      List<String> failed = failedAssertions();
      boolean latencyOnly = !failed.isEmpty()
          && failed.stream().allMatch(line -> line.contains("response time"));
      Optional<io.casinoperf.run.InjectorHealth> health = runFolder()
          .map(folder -> folder.resolve(io.casinoperf.run.RunRecord.FILE_NAME))
          .filter(Files::isRegularFile)
          .map(io.casinoperf.run.RunRecords::read)
          .map(io.casinoperf.run.RunRecord::health);
      if (exitCode == 2 && latencyOnly && health.isPresent() && health.get().saturated()) {
        return new LatencyJudgement(Optional.of("latency SLO not judged: the injector was saturated ("
            + String.join("; ", health.get().reasons()) + "): " + String.join(" | ", failed)));
      }
      throw new AssertionError("the run's SLO assertions failed (exit " + exitCode + "):\n"
          + stdout + stderr);
    }

    /** The run's own folder under the results folder (lower-case simulation name + timestamp). */
    Optional<Path> runFolder() throws IOException {
      if (!Files.isDirectory(resultsFolder)) {
        return Optional.empty();
      }
      try (Stream<Path> folders = Files.list(resultsFolder)) {
        return folders.filter(Files::isDirectory).findFirst();
      }
    }
  }

  /** Whether a run's latency could be judged; see {@link Result#assertSlosHeldWhereJudged()}. */
  record LatencyJudgement(Optional<String> notJudgedBecause) {
    /** Reports an unjudged latency as a skipped assumption; call after every other check. */
    void reportSkipped() {
      org.junit.jupiter.api.Assumptions.assumeTrue(notJudgedBecause.isEmpty(),
          () -> notJudgedBecause.orElse(""));
    }

    boolean judged() {
      return notJudgedBecause.isEmpty();
    }
  }

  private GatlingProcess() {}

  static Result run(
      Class<?> simulation, Map<String, String> properties, Path resultsFolder, Duration timeout)
      throws IOException, InterruptedException {
    return start(simulation, properties, resultsFolder).await(timeout);
  }

  /**
   * As {@link #run(Class, Map, Path, Duration)}, with these environment variables set in the
   * Gatling JVM; the test JVM's own {@code CASINOPERF_*} variables never reach it.
   */
  static Result run(Class<?> simulation, Map<String, String> properties,
      Map<String, String> environment, Path resultsFolder, Duration timeout)
      throws IOException, InterruptedException {
    List<String> command = javaCommand(properties);
    command.addAll(List.of("-s", simulation.getName(), "-rf", resultsFolder.toString()));
    return launch(command, environment, resultsFolder).await(timeout);
  }

  /** A Gatling JVM started and not yet waited for: several can run at once (shards). */
  static final class Running {
    private final Process process;
    private final Path stdout;
    private final Path stderr;
    private final Path resultsFolder;

    private Running(Process process, Path stdout, Path stderr, Path resultsFolder) {
      this.process = process;
      this.stdout = stdout;
      this.stderr = stderr;
      this.resultsFolder = resultsFolder;
    }

    Result await(Duration timeout) throws IOException, InterruptedException {
      try {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
          process.destroyForcibly().waitFor();
          throw new AssertionError("Gatling did not finish within " + timeout);
        }
        return new Result(
            process.exitValue(),
            Files.readString(stdout, StandardCharsets.UTF_8),
            Files.readString(stderr, StandardCharsets.UTF_8),
            resultsFolder);
      } finally {
        Files.deleteIfExists(stdout);
        Files.deleteIfExists(stderr);
      }
    }
  }

  static Running start(Class<?> simulation, Map<String, String> properties, Path resultsFolder)
      throws IOException {
    List<String> command = javaCommand(properties);
    command.addAll(List.of("-s", simulation.getName(), "-rf", resultsFolder.toString()));
    return launch(command, Map.of(), resultsFolder);
  }

  /**
   * Gatling's reports-only mode on {@code runFolder}: reads its {@code simulation.log}, checks the
   * assertions stored in it, and writes the HTML report beside it, as {@code gatling:test
   * -Dgatling.reportsOnly=…} does.
   */
  static Result reportsOnly(Path runFolder, Duration timeout) throws IOException, InterruptedException {
    Path folder = runFolder.toAbsolutePath();
    List<String> command = javaCommand(Map.of());
    command.addAll(List.of("-ro", folder.getFileName().toString(), "-rf", folder.getParent().toString()));
    return launch(command, Map.of(), folder.getParent()).await(timeout);
  }

  /** The total request count of the HTML report Gatling wrote in {@code runFolder}. */
  static long reportedRequestCount(Path runFolder) throws IOException {
    String index = Files.readString(runFolder.resolve("index.html"), StandardCharsets.UTF_8);
    Matcher matcher = REPORT_TOTAL.matcher(index);
    if (!matcher.find()) {
      throw new AssertionError("no All Requests row in " + runFolder.resolve("index.html"));
    }
    return Long.parseLong(matcher.group(1));
  }

  private static List<String> javaCommand(Map<String, String> properties) {
    String classpath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    // What the Gatling Maven plugin gives its forks: Gatling reflects into these packages.
    command.add("--add-opens=java.base/java.lang=ALL-UNNAMED");
    command.add("--add-opens=java.base/jdk.internal.misc=ALL-UNNAMED");
    properties.forEach((name, value) -> command.add("-D" + name + "=" + value));
    if (!properties.containsKey("metrics.port") && !properties.containsKey("metrics")) {
      // Runs that share the machine (shards, a user's own run) each take a free port.
      command.add("-Dmetrics.port=0");
    }
    command.addAll(List.of("-cp", classpath, "io.gatling.app.Gatling"));
    return command;
  }

  private static Running launch(List<String> command, Map<String, String> environment,
      Path resultsFolder) throws IOException {
    Path stdout = Files.createTempFile("gatling-out", ".txt");
    Path stderr = Files.createTempFile("gatling-err", ".txt");
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectOutput(stdout.toFile())
        .redirectError(stderr.toFile());
    builder.environment().keySet().removeIf(name -> name.startsWith("CASINOPERF_"));
    builder.environment().putAll(environment);
    Process process = builder.start();
    process.getOutputStream().close(); // no input, as in CI
    return new Running(process, stdout, stderr, resultsFolder);
  }
}
