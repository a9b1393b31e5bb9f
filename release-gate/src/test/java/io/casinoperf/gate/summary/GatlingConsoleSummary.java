package io.casinoperf.gate.summary;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The request counts Gatling printed for a run: the last {@code ---- Requests ----} block of its
 * console output, {@code > path | total | OK | KO} per line. The independent oracle for counts.
 */
record GatlingConsoleSummary(Map<String, long[]> countsByPath, Map<String, Long> errors) {
  private static final Pattern ERROR_ROW = Pattern.compile("^> (.+?)\\s+(\\d+)\\s+\\(\\s*[\\d.]+%\\)$");
  private static final Pattern ROW =
      Pattern.compile("^> (.+?)\\s+\\|\\s+([\\d,]+) \\|\\s+([\\d,]+) \\|\\s+([\\d,]+)\\s*$");

  static GatlingConsoleSummary parse(String console) {
    List<String> lines = console.lines().toList();
    int last = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith("---- Requests ----")) {
        last = i;
      }
    }
    if (last < 0) {
      throw new IllegalArgumentException("no '---- Requests ----' block in the console output");
    }
    Map<String, long[]> counts = new LinkedHashMap<>();
    int i = last + 1;
    for (; i < lines.size() && lines.get(i).startsWith("> "); i++) {
      Matcher row = ROW.matcher(lines.get(i));
      if (!row.matches()) {
        throw new IllegalArgumentException("unexpected row: " + lines.get(i));
      }
      counts.put(row.group(1).trim(),
          new long[] {number(row.group(2)), number(row.group(3)), number(row.group(4))});
    }
    Map<String, Long> errors = new LinkedHashMap<>();
    if (i < lines.size() && lines.get(i).startsWith("---- Errors ----")) {
      for (i++; i < lines.size() && lines.get(i).startsWith("> "); i++) {
        Matcher row = ERROR_ROW.matcher(lines.get(i));
        if (!row.matches()) {
          throw new IllegalArgumentException("unexpected error row: " + lines.get(i));
        }
        errors.put(row.group(1).trim(), number(row.group(2)));
      }
    }
    return new GatlingConsoleSummary(counts, errors);
  }

  private static long number(String text) {
    return Long.parseLong(text.replace(",", ""));
  }
}
