package io.casinoperf.simulations.record;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the folder Gatling writes this run's {@code simulation.log} into, from inside the Gatling
 * JVM (Gatling does not tell a simulation where its results go). First the log this process has
 * open (Linux: {@code /proc/self/fd}), which is exact even when several injectors share one
 * results folder; else the newest {@code <simulation id>-<timestamp>} folder of the results
 * folder whose log changed since the run started.
 */
public final class RunFolder {
  static final String LOG = "simulation.log";

  private RunFolder() {}

  /** The folder of the {@code simulation.log} this process has open, if it has one. */
  public static Optional<Path> ofOpenLog() {
    Path descriptors = Path.of("/proc/self/fd");
    if (!Files.isDirectory(descriptors)) {
      return Optional.empty();
    }
    try (DirectoryStream<Path> links = Files.newDirectoryStream(descriptors)) {
      for (Path link : links) {
        try {
          Path target = Files.readSymbolicLink(link);
          if (target.getFileName() != null && target.getFileName().toString().equals(LOG)) {
            return Optional.of(target.toAbsolutePath().getParent());
          }
        } catch (IOException | UnsupportedOperationException e) {
          // a descriptor closed meanwhile, or not a link
        }
      }
    } catch (IOException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  /**
   * The newest run folder of {@code simulationClass} under {@code resultsFolder} whose log was
   * written at or after {@code sinceMillis}.
   */
  public static Optional<Path> newest(Path resultsFolder, String simulationClass, long sinceMillis) {
    String simpleName = simulationClass.substring(simulationClass.lastIndexOf('.') + 1);
    String prefix = simpleName.toLowerCase(Locale.ROOT) + "-";
    if (!Files.isDirectory(resultsFolder)) {
      return Optional.empty();
    }
    try (Stream<Path> folders = Files.list(resultsFolder)) {
      return folders
          .filter(folder -> folder.getFileName().toString().startsWith(prefix))
          .filter(folder -> modifiedMillis(folder.resolve(LOG)) >= sinceMillis)
          .max(Comparator.comparing(folder -> folder.getFileName().toString()));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * Where Gatling writes results in this JVM: {@code -rf}/{@code --results-folder} of its command
   * line, else {@code gatling.core.directory.results}, else Gatling's default {@code
   * target/gatling}.
   */
  public static Path resultsFolder() {
    String command = System.getProperty("sun.java.command", "");
    String[] words = command.split(" ");
    for (int i = 0; i + 1 < words.length; i++) {
      if (words[i].equals("-rf") || words[i].equals("--results-folder")) {
        return Path.of(words[i + 1]);
      }
    }
    String configured = System.getProperty("gatling.core.directory.results");
    return Path.of(configured != null && !configured.isBlank() ? configured : "target/gatling");
  }

  private static long modifiedMillis(Path file) {
    try {
      FileTime time = Files.getLastModifiedTime(file);
      return time.toMillis();
    } catch (IOException e) {
      return Long.MIN_VALUE;
    }
  }
}
