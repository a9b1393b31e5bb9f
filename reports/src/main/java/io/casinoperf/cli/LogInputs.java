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
 * Where the gate finds a run's logs: a {@code simulation.log}, a folder holding logs (a Gatling
 * run folder, or the logs of one run's injectors gathered together: every {@code *.log} in it is
 * read, as one run), or a results folder (such as {@code simulations/target/gatling}) whose newest
 * run is taken.
 */
final class LogInputs {
  static final String LOG = "simulation.log";
  private static final String LOG_SUFFIX = ".log";

  private LogInputs() {}

  static List<Path> resolve(List<Path> inputs) {
    List<Path> logs = new ArrayList<>();
    for (Path input : inputs) {
      logs.addAll(resolve(input));
    }
    return logs;
  }

  static List<Path> resolve(Path input) {
    if (Files.isRegularFile(input)) {
      return List.of(input);
    }
    if (!Files.isDirectory(input)) {
      throw new CasinoPerf.UserInputException(input + ": no such file or folder");
    }
    // Never only the simulation.log of a folder that holds other injectors' logs too: a tail
    // regression split over the logs would be missed.
    List<Path> here = logsIn(input);
    if (!here.isEmpty()) {
      return here;
    }
    return newestRun(input).map(List::of)
        .orElseThrow(() -> new CasinoPerf.UserInputException(input + ": no " + LOG
            + " there (give a simulation.log, a Gatling run folder or a results folder)"));
  }

  /** The {@code *.log} files directly in {@code folder}, by name. */
  private static List<Path> logsIn(Path folder) {
    try (Stream<Path> files = Files.list(folder)) {
      return files
          .filter(file -> file.getFileName().toString().endsWith(LOG_SUFFIX) && Files.isRegularFile(file))
          .sorted(Comparator.comparing(Path::toString))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
