package io.casinoperf.capacity.plan;

import com.fasterxml.jackson.core.JsonToken;
import io.casinoperf.capacity.plan.InputDocument.Mapping;
import io.casinoperf.capacity.plan.InputDocument.Node;
import io.casinoperf.capacity.plan.InputDocument.Scalar;
import io.casinoperf.capacity.plan.InputDocument.Sequence;
import io.casinoperf.capacity.series.MetricsFormatException;
import io.casinoperf.capacity.series.Timestamps;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * The fields of one mapping of an input file, typed, with every mistake reported as a
 * {@link MetricsFormatException} at the line it was written on and under its path
 * ({@code past[0].end}). Unknown fields are refused when the reader is made.
 */
final class FieldReader {
  private static final String DATE_TIME = "a date or date-time such as 2026-11-27T18:00:00Z";
  private static final Pattern EPOCH = Pattern.compile("[0-9]+(\\.[0-9]*)?");

  private final Path file;
  private final String path;
  private final Mapping mapping;

  private FieldReader(Path file, String path, Mapping mapping) {
    this.file = file;
    this.path = path;
    this.mapping = mapping;
  }

  /** @param path where the mapping sits, for messages ({@code ""} for the top level) */
  static FieldReader of(Path file, String path, Node node, List<String> known) {
    if (!(node instanceof Mapping m)) {
      throw new MetricsFormatException(file, node.line(), path + ": expected a mapping with fields "
          + known + ", got " + describe(node));
    }
    for (String key : m.fields().keySet()) {
      if (!known.contains(key)) {
        throw new MetricsFormatException(file, m.keyLines().get(key), "unknown property '"
            + key + "'" + (path.isEmpty() ? "" : " in " + path) + "; known properties: "
            + String.join(", ", known));
      }
    }
    return new FieldReader(file, path, m);
  }

  /** The line of the mapping itself. */
  long line() {
    return mapping.line();
  }

  boolean has(String name) {
    return present(name) != null;
  }

  /**
   * A name or other text, or null when absent. A bare number or boolean is refused rather than
   * read as its text: {@code type: 2025} is more often a slip than a name, and YAML reads
   * {@code name: yes} as a boolean.
   */
  String text(String name) {
    Node node = present(name);
    if (node == null) {
      return null;
    }
    Scalar scalar = scalar(name, node, "text");
    if (scalar.token() != JsonToken.VALUE_STRING) {
      throw error(name, "expected text, got " + scalar.describe()
          + " (write it in quotes if it is meant as a name)");
    }
    return scalar.text();
  }

  /**
   * A required calendar time, as epoch seconds: a date or a date-time written as text, in any
   * of those forms {@link Timestamps} reads (ISO-8601 with an offset; a local date-time or a
   * date, taken as UTC). Epoch seconds or milliseconds are refused, as a number or as digits in
   * quotes: in a file people write, {@code start: 42} is a slip, not the first minute of 1970.
   */
  long dateTime(String name) {
    Node node = present(name);
    if (node == null) {
      throw error(name, "required: " + DATE_TIME);
    }
    Scalar scalar = scalar(name, node, DATE_TIME);
    boolean digits = scalar.token() == JsonToken.VALUE_STRING && EPOCH.matcher(scalar.text().strip()).matches();
    if (scalar.token() != JsonToken.VALUE_STRING || digits) {
      throw error(name, "expected " + DATE_TIME + ", got " + scalar.describe()
          + (scalar.number() != null || digits ? " (epoch seconds are not read here: write the date)" : ""));
    }
    try {
      return Timestamps.toEpochSeconds(scalar.text());
    } catch (Timestamps.OutOfRangeException e) {
      throw error(name, scalar.text().strip() + " is not a time from " + Timestamps.FIRST_YEAR + " to "
          + (Timestamps.END_YEAR - 1) + ", the years every time in these files must lie in");
    } catch (IllegalArgumentException e) {
      throw error(name, "expected " + DATE_TIME + ", got " + scalar.describe());
    }
  }

  /** A number, empty when absent. */
  OptionalDouble number(String name) {
    Node node = present(name);
    if (node == null) {
      return OptionalDouble.empty();
    }
    Scalar scalar = scalar(name, node, "a number");
    if (scalar.number() == null) {
      throw error(name, "expected a number, got " + scalar.describe());
    }
    return OptionalDouble.of(scalar.number().doubleValue());
  }

  /** A whole number, empty when absent. */
  OptionalInt wholeNumber(String name) {
    Node node = present(name);
    if (node == null) {
      return OptionalInt.empty();
    }
    Scalar scalar = scalar(name, node, "a whole number");
    Number number = scalar.number();
    if (number == null) {
      throw error(name, "expected a whole number, got " + scalar.describe());
    }
    if (scalar.token() != JsonToken.VALUE_NUMBER_INT) {
      throw error(name, "expected a whole number, got " + scalar.describe());
    }
    if (number instanceof BigInteger || number.longValue() != number.intValue()) {
      throw error(name, "expected a whole number that fits an int, got " + scalar.describe());
    }
    return OptionalInt.of(number.intValue());
  }

  boolean bool(String name, boolean absent) {
    Node node = present(name);
    if (node == null) {
      return absent;
    }
    Scalar scalar = scalar(name, node, "true or false");
    return switch (scalar.token()) {
      case VALUE_TRUE -> true;
      case VALUE_FALSE -> false;
      default -> throw error(name, "expected true or false, got " + scalar.describe());
    };
  }

  /** The raw scalar, or null when absent, for fields with their own forms. */
  Scalar scalar(String name) {
    Node node = present(name);
    return node == null ? null : scalar(name, node, "a single value");
  }

  /** A nested mapping, or null when absent. */
  FieldReader mapping(String name, List<String> known) {
    Node node = present(name);
    return node == null ? null : of(file, pathOf(name), node, known);
  }

  /** The mappings of a list, each checked against {@code known}; empty when absent. */
  List<FieldReader> list(String name, List<String> known) {
    Node node = present(name);
    if (node == null) {
      return List.of();
    }
    if (!(node instanceof Sequence sequence)) {
      throw error(name, "expected a list, got " + describe(node));
    }
    return IntStream.range(0, sequence.items().size())
        .mapToObj(i -> of(file, pathOf(name) + "[" + i + "]", sequence.items().get(i), known))
        .toList();
  }

  /**
   * Builds a record from the fields read, turning a value the record refuses into an error at
   * the line of the refused field.
   */
  <T> T build(Supplier<T> constructor) {
    try {
      return constructor.get();
    } catch (InvalidField e) {
      throw new MetricsFormatException(file, mapping.lineOf(e.field()), pathOf(e.field()) + ": "
          + e.problem());
    }
  }

  MetricsFormatException error(String name, String problem) {
    return new MetricsFormatException(file, mapping.lineOf(name), pathOf(name) + ": " + problem);
  }

  private Node present(String name) {
    Node node = mapping.fields().get(name);
    return node instanceof Scalar scalar && scalar.isNull() ? null : node;
  }

  private Scalar scalar(String name, Node node, String expected) {
    if (node instanceof Scalar scalar) {
      return scalar;
    }
    throw error(name, "expected " + expected + ", got " + describe(node));
  }

  private String pathOf(String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  private static String describe(Node node) {
    if (node instanceof Scalar scalar) {
      return scalar.describe();
    }
    return node instanceof Mapping ? "a mapping" : "a list";
  }
}
