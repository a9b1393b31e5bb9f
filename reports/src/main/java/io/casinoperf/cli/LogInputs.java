package io.casinoperf.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where the gate finds a run's logs: a {@code simulation.log}, a Gatling run folder holding one,
 * or a results folder (such as {@code simulations/target/gatling}) whose newest run is taken.
 */
final class LogInputs {
  static final String LOG = "simulation.log";

  private LogInputs() {}

  static List<Path> resolve(List<Path> inputs) {
    List<Path> logs = new ArrayList<>();
    for (Path input : inputs) {
      logs.add(resolve(input));
    }
    return logs;
  }

  static Path resolve(Path input) {
    if (Files.isRegularFile(input)) {
      return input;
    }
    if (!Files.isDirectory(input)) {
      throw new CasinoPerf.UserInputException(input + ": no such file or folder");
    }
    if (Files.isRegularFile(input.resolve(LOG))) {
      return input.resolve(LOG);
    }
    return newestRun(input)
        .orElseThrow(() -> new CasinoPerf.UserInputException(input + ": no " + LOG
            + " there (give a simulation.log, a Gatling run folder or a results folder)"));
  }

  /** Gatling names run folders {@code <simulation>-<yyyyMMddHHmmssSSS>}: the largest stamp wins. */
  private static Optional<Path> newestRun(Path results) {
    try (Stream<Path> folders = Files.list(results)) {
      return folders
          .filter(folder -> Files.isRegularFile(folder.resolve(LOG)))
          .max(Comparator.comparing(LogInputs::stamp).thenComparing(Path::toString))
          .map(folder -> folder.resolve(LOG));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String stamp(Path folder) {
    String name = folder.getFileName().toString();
    int dash = name.lastIndexOf('-');
    return dash < 0 ? "" : name.substring(dash + 1);
  }
}
