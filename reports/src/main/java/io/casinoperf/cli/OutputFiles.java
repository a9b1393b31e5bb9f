package io.casinoperf.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;

/** Report files are written whole or not at all: to a temporary file, then renamed. */
final class OutputFiles {
  private OutputFiles() {}

  static void write(Path file, String content) throws IOException {
    writeAll(Map.of(file, content));
  }

  /**
   * Files that belong together (a forecast.json and the capacity.html drawn from it), written
   * all or none: a folder in the way of any of them is reported before anything is written; then
   * every file is written whole to a temporary file beside it, and only when all of them are is
   * each renamed into place. What is left to fail after that is a rename within one folder.
   */
  static void writeAll(Map<Path, String> files) throws IOException {
    for (Path file : files.keySet()) {
      if (Files.isDirectory(file)) {
        throw new FileSystemException(file.toString(), null, "is a folder; expected a file to write");
      }
    }
    Map<Path, Path> staged = new LinkedHashMap<>();
    try {
      for (Map.Entry<Path, String> file : files.entrySet()) {
        Path folder = file.getKey().toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path temporary = Files.createTempFile(folder, ".casinoperf", ".tmp");
        staged.put(file.getKey(), temporary);
        Files.writeString(temporary, file.getValue(), StandardCharsets.UTF_8);
        readableByAll(temporary);
      }
      for (Map.Entry<Path, Path> file : staged.entrySet()) {
        Files.move(file.getValue(), file.getKey(), StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
      }
    } finally {
      for (Path temporary : staged.values()) {
        Files.deleteIfExists(temporary);
      }
    }
  }

  /** Temporary files are private (0600); a report is for everyone who can read the folder. */
  private static void readableByAll(Path file) throws IOException {
    if (Files.getFileStore(file).supportsFileAttributeView(PosixFileAttributeView.class)) {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    }
  }

  /** A link from a report folder to a file: relative when they share a root, else a file: URI; null stays null. */
  static String link(Path folder, String file) {
    if (file == null) {
      return null;
    }
    try {
      return folder.toAbsolutePath().normalize().relativize(Path.of(file).toAbsolutePath().normalize()).toString();
    } catch (IllegalArgumentException e) {
      return Path.of(file).toUri().toString();
    }
  }
}
