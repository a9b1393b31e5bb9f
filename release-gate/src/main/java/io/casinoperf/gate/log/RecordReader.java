package io.casinoperf.gate.log;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the records after the run header (layout in {@link SimulationLogReader}) one at a time.
 * Not thread-safe.
 */
final class RecordReader {
  private static final int MAX_STRING_BYTES = 1 << 24;
  private static final int MAX_GROUP_DEPTH = 1_000;

  private final Path file;
  private final ByteCursor in;
  private final LogStrings strings;
  private final List<String> scenarios;
  private final Map<List<String>, List<String>> groupPaths = new HashMap<>();

  RecordReader(Path file, ByteCursor in, LogStrings strings, RunHeader header) {
    this.file = file;
    this.in = in;
    this.strings = strings;
    this.scenarios = header.scenarios();
  }

  /**
   * Reads the record at the cursor and hands it to {@code listener} once it is whole.
   *
   * @throws ByteCursor.EndOfInput when the file ends inside the record
   * @throws InvalidSimulationLogException when the record is corrupt
   */
  void read(SimulationLogListener listener) throws IOException, ByteCursor.EndOfInput {
    long offset = in.offset();
    byte type = in.readByte();
    switch (type) {
      case RecordType.REQUEST -> {
        List<String> groups = readGroups();
        String name = strings.readCached("request name", MAX_STRING_BYTES);
        int start = in.readInt();
        int end = in.readInt();
        boolean ok = readFlag();
        String message = strings.readCached("KO message", MAX_STRING_BYTES);
        listener.onRequest(groups, name, start, end, ok, message);
      }
      case RecordType.USER -> {
        int scenario = in.readInt();
        boolean start = readFlag();
        int timestamp = in.readInt();
        if (scenario < 0 || scenario >= scenarios.size()) {
          throw corrupt(offset,
              "user record names scenario " + scenario + " of " + scenarios.size());
        }
        listener.onUser(scenarios.get(scenario), start, timestamp);
      }
      case RecordType.GROUP -> {
        List<String> groups = readGroups();
        int start = in.readInt();
        int end = in.readInt();
        int cumulated = in.readInt();
        boolean ok = readFlag();
        listener.onGroup(groups, start, end, cumulated, ok);
      }
      case RecordType.ERROR -> {
        String message = strings.readCached("error message", MAX_STRING_BYTES);
        int timestamp = in.readInt();
        listener.onError(message, timestamp);
      }
      default -> throw corrupt(offset, String.format(
          "unknown record type 0x%02x (expected 1 request, 2 user, 3 group or 4 error)", type));
    }
  }

  private List<String> readGroups() throws IOException, ByteCursor.EndOfInput {
    int depth = readCount("group depth", MAX_GROUP_DEPTH);
    if (depth == 0) {
      return List.of();
    }
    List<String> path = new ArrayList<>(depth);
    for (int i = 0; i < depth; i++) {
      path.add(strings.readCached("group name", MAX_STRING_BYTES));
    }
    // One shared list per distinct path: records of the same group cost no new list.
    return groupPaths.computeIfAbsent(path, List::copyOf);
  }

  private boolean readFlag() throws IOException, ByteCursor.EndOfInput {
    long offset = in.offset();
    byte flag = in.readByte();
    if (flag != 0 && flag != 1) {
      throw corrupt(offset, "status byte " + flag + " (expected 0 or 1)");
    }
    return flag == 1;
  }

  private int readCount(String what, int max) throws IOException, ByteCursor.EndOfInput {
    long offset = in.offset();
    int count = in.readInt();
    if (count < 0 || count > max) {
      throw corrupt(offset, what + " " + count + " is out of range 0.." + max);
    }
    return count;
  }

  private InvalidSimulationLogException corrupt(long offset, String problem) {
    return new InvalidSimulationLogException(file, offset, problem);
  }
}
