package io.casinoperf.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

/** Report files are written whole or not at all: to a temporary file, then renamed. */
final class OutputFiles {
  private OutputFiles() {}

  static void write(Path file, String content) throws IOException {
    Path folder = file.toAbsolutePath().getParent();
    Files.createDirectories(folder);
    Path temporary = Files.createTempFile(folder, ".casinoperf", ".tmp");
    try {
      Files.writeString(temporary, content, StandardCharsets.UTF_8);
      readableByAll(temporary);
      Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temporary);
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
