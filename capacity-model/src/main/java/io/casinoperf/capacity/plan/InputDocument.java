package io.casinoperf.capacity.plan;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.casinoperf.capacity.series.MetricsFormatException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A planning input file (YAML or JSON, chosen by extension) read with Jackson's parser into a tree
 * whose every node keeps the line it was written on, so that a mistake found while building the
 * records can still be reported at its line. Duplicate keys are refused rather than one silently
 * winning.
 */
final class InputDocument {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final YAMLMapper YAML = new YAMLMapper();
  private static final Pattern YAML_MARK = Pattern.compile("\\s*in '[^']*', line (\\d+), column (\\d+):");
  private static final Pattern PATH_STEP = Pattern.compile("([^.\\[\\]]+)|\\[(\\d+)]");

  sealed interface Node permits Mapping, Sequence, Scalar {
    /** 1-based line the node starts on. */
    long line();
  }

  /** A YAML mapping or JSON object; keys in file order, each with the line of the key. */
  record Mapping(long line, Map<String, Node> fields, Map<String, Long> keyLines) implements Node {
    /**
     * The line of a field given by a relative path such as {@code resources[2].name}; the line of
     * the deepest part that exists when the rest is absent.
     */
    long lineOf(String path) {
      Node node = this;
      long line = this.line;
      Matcher step = PATH_STEP.matcher(path);
      while (step.find()) {
        if (step.group(1) != null && node instanceof Mapping mapping
            && mapping.fields.containsKey(step.group(1))) {
          line = mapping.keyLines.get(step.group(1));
          node = mapping.fields.get(step.group(1));
        } else if (step.group(2) != null && node instanceof Sequence sequence
            && Integer.parseInt(step.group(2)) < sequence.items.size()) {
          node = sequence.items.get(Integer.parseInt(step.group(2)));
          line = node.line();
        } else {
          break;
        }
      }
      return line;
    }
  }

  record Sequence(long line, List<Node> items) implements Node {}

  /**
   * A scalar as the parser typed it: {@code number} is set for numeric tokens, {@code text} is
   * what was written (null for a YAML/JSON null).
   */
  record Scalar(long line, JsonToken token, String text, Number number) implements Node {
    boolean isNull() {
      return token == JsonToken.VALUE_NULL;
    }

    String describe() {
      return switch (token) {
        case VALUE_STRING -> "text '" + text + "'";
        case VALUE_NULL -> "nothing";
        case VALUE_TRUE, VALUE_FALSE -> "the boolean " + text;
        case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "the number " + text;
        default -> "'" + text + "'";
      };
    }
  }

  private InputDocument() {}

  /**
   * The top-level mapping of {@code file}.
   *
   * @throws MetricsFormatException for an unknown extension, a missing or unreadable file,
   *     malformed YAML/JSON, duplicate keys, or a top level that is not a mapping
   */
  static Mapping read(Path file, String whatItHolds) {
    ObjectMapper mapper = mapperFor(file);
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        JsonParser parser = mapper.getFactory().createParser(reader)) {
      if (parser.nextToken() == null) {
        throw new MetricsFormatException(file, 0, "empty file: expected " + whatItHolds);
      }
      Node root = node(file, parser);
      if (!(root instanceof Mapping mapping)) {
        throw new MetricsFormatException(file, root.line(), "expected " + whatItHolds
            + " as a mapping of fields at the top level");
      }
      if (parser.nextToken() != null) {
        throw new MetricsFormatException(file, line(parser),
            "more than one document; expected only " + whatItHolds);
      }
      return mapping;
    } catch (NoSuchFileException e) {
      throw new MetricsFormatException(file, 0, "no such file");
    } catch (JsonProcessingException e) {
      throw new MetricsFormatException(file, e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
          "not valid " + (mapper == YAML ? "YAML" : "JSON") + ": " + oneLine(e.getOriginalMessage()));
    } catch (IOException e) {
      throw new MetricsFormatException(file, 0, "cannot read (" + e.getMessage() + ")");
    }
  }

  /**
   * The parser's message on one line. SnakeYAML's span several: what it was reading and what it
   * found, each followed by {@code  in 'reader', line 3, column 12:} and an indented excerpt with a
   * caret; the marks are kept as "(line 3, column 12)" because the line Jackson reports is that
   * of the last token read, which can be before the construct that is broken.
   */
  private static String oneLine(String message) {
    StringBuilder out = new StringBuilder();
    for (String line : message.lines().toList()) {
      Matcher mark = YAML_MARK.matcher(line);
      if (mark.matches()) {
        out.append(" (line ").append(mark.group(1)).append(", column ").append(mark.group(2)).append(')');
      } else if (!line.isBlank() && !Character.isWhitespace(line.charAt(0))) {
        out.append(out.length() == 0 ? "" : ": ").append(line.strip());
      }
    }
    return out.length() == 0 ? "unreadable" : out.toString();
  }

  private static ObjectMapper mapperFor(Path file) {
    String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
    if (name.endsWith(".json")) {
      return JSON;
    }
    if (name.endsWith(".yaml") || name.endsWith(".yml")) {
      return YAML;
    }
    throw new MetricsFormatException(file, 0, "unknown extension: expected .yaml, .yml or .json");
  }

  private static Node node(Path file, JsonParser parser) throws IOException {
    long line = line(parser);
    JsonToken token = parser.currentToken();
    if (token == JsonToken.START_OBJECT) {
      Map<String, Node> fields = new LinkedHashMap<>();
      Map<String, Long> keyLines = new LinkedHashMap<>();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String key = parser.currentName();
        long keyLine = line(parser);
        if (fields.containsKey(key)) {
          throw new MetricsFormatException(file, keyLine, "'" + key + "' given twice (first on line "
              + keyLines.get(key) + ")");
        }
        parser.nextToken();
        keyLines.put(key, keyLine);
        fields.put(key, node(file, parser));
      }
      return new Mapping(line, Collections.unmodifiableMap(fields), Collections.unmodifiableMap(keyLines));
    }
    if (token == JsonToken.START_ARRAY) {
      List<Node> items = new ArrayList<>();
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        items.add(node(file, parser));
      }
      return new Sequence(line, List.copyOf(items));
    }
    Number number = token.isNumeric() ? parser.getNumberValue() : null;
    return new Scalar(line, token, token == JsonToken.VALUE_NULL ? null : parser.getText(), number);
  }

  private static long line(JsonParser parser) {
    return parser.currentTokenLocation().getLineNr();
  }
}
