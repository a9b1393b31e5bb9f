package io.casinoperf.capacity.rehearsal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** {@code rehearsal.json}: a {@link RehearsalProfile} written and read back. */
public final class RehearsalFiles {
  private static final ObjectMapper JSON = new ObjectMapper()
      .registerModule(new JavaTimeModule())
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  private RehearsalFiles() {}

  public static String json(RehearsalProfile profile) {
    try {
      return JSON.writeValueAsString(profile) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The profile in {@code file}.
   *
   * @throws IllegalArgumentException naming the file: missing, not JSON, another schema, or a
   *     profile without points
   */
  public static RehearsalProfile read(Path file) {
    JsonNode tree;
    try {
      tree = JSON.readTree(Files.readString(file));
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(file + ": no such file");
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(file + ": not JSON (" + e.getOriginalMessage() + ")");
    } catch (IOException e) {
      throw new IllegalArgumentException(file + ": cannot be read (" + e.getMessage() + ")");
    }
    String schema = tree == null ? "" : tree.path("schema").asText("");
    if (!schema.equals(RehearsalProfile.SCHEMA)) {
      throw new IllegalArgumentException(file + ": schema '" + schema + "', expected '"
          + RehearsalProfile.SCHEMA + "' (the rehearsal.json forecast writes)");
    }
    RehearsalProfile profile;
    try {
      profile = JSON.treeToValue(tree, RehearsalProfile.class);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": not a rehearsal profile ("
          + (e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()) + ")");
    }
    if (profile.points() == null || profile.points().size() < 2 || profile.mix() == null
        || profile.forecast() == null) {
      throw new IllegalArgumentException(file + ": a rehearsal profile needs its forecast, its mix and"
          + " at least two points");
    }
    for (int i = 1; i < profile.points().size(); i++) {
      if (profile.points().get(i).offsetSeconds() <= profile.points().get(i - 1).offsetSeconds()) {
        throw new IllegalArgumentException(file + ": the points' offsets must rise, and point " + i
            + " does not");
      }
    }
    return profile;
  }
}
