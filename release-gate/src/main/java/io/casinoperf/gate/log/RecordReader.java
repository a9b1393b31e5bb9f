package io.casinoperf.gate.log;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the records after the run header (layout in {@link SimulationLogReader}) one at a time and
 * refuses values Gatling cannot write. Gatling reads one monotonic clock, first for the run start,
 * and hands each record to its writer as it completes; it writes a message only with a KO. So:
 *
 * <ul>
 *   <li>every timestamp is 0 or later (milliseconds since the run start);
 *   <li>a request or group ends at or after its start; a group record names its group;
 *   <li>a record completes (a request's or group's end, a user's or error's timestamp) at most
 *       {@link #MAX_BACKWARDS_MILLIS} before the latest completion read before it;
 *   <li>an OK request has an empty message.
 * </ul>
 *
 * These cost a few comparisons per record; messages are built only for a refusal. Not
 * thread-safe.
 */
final class RecordReader {
  /**
   * How long before the latest completion read so far a record may complete: 1 h. Gatling's
   * records lie earlier only by the moment between reading the clock and handing the record over
   * (at most 136 ms in 35 real logs of a loaded 2-core injector); a damaged high byte of a
   * timestamp moves it by 4.6 hours or more.
   */
  static final int MAX_BACKWARDS_MILLIS = 3_600_000;

  private static final int MAX_STRING_BYTES = 1 << 24;
  private static final int MAX_GROUP_DEPTH = 1_000;

  private final Path file;
  private final ByteCursor in;
  private final LogStrings strings;
  private final List<String> scenarios;
  private final Map<List<String>, List<String>> groupPaths = new HashMap<>();
  private long latestCompletedMillis;
  private long latestCompletedOffset = -1;

  RecordReader(Path file, ByteCursor in, LogStrings strings, RunHeader header) {
    this.file = file;
    this.in = in;
    this.strings = strings;
    this.scenarios = header.scenarios();
  }

  /**
   * Reads the record at the cursor and hands it to {@code listener} once it is whole and checked.
   *
   * @throws ByteCursor.EndOfInput when the file ends inside the record
   * @throws InvalidSimulationLogException when the record holds a value Gatling cannot write
   */
  void read(SimulationLogListener listener) throws IOException, ByteCursor.EndOfInput {
    long offset = in.offset();
    byte type = in.readByte();
    // Each check is a comparison or two; the message of a refusal is built only when one fails.
    switch (type) {
      case RecordType.REQUEST -> {
        List<String> groups = readGroups();
        String name = strings.readCached("request name", MAX_STRING_BYTES);
        int start = in.readInt();
        int end = in.readInt();
        boolean ok = readFlag();
        String message = strings.readCached("KO message", MAX_STRING_BYTES);
        if (start < 0 || end < start || ok && !message.isEmpty() || !inTimeOrder(offset, end)) {
          throw impossibleRequest(offset, name, start, end, ok, message);
        }
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
        if (timestamp < 0 || !inTimeOrder(offset, timestamp)) {
          throw impossibleMoment(
              offset, "user record of scenario " + shown(scenarios.get(scenario)), timestamp);
        }
        listener.onUser(scenarios.get(scenario), start, timestamp);
      }
      case RecordType.GROUP -> {
        List<String> groups = readGroups();
        int start = in.readInt();
        int end = in.readInt();
        int cumulated = in.readInt();
        boolean ok = readFlag();
        if (groups.isEmpty() || start < 0 || end < start || !inTimeOrder(offset, end)) {
          throw impossibleGroup(offset, groups, start, end);
        }
        listener.onGroup(groups, start, end, cumulated, ok);
      }
      case RecordType.ERROR -> {
        String message = strings.readCached("error message", MAX_STRING_BYTES);
        int timestamp = in.readInt();
        if (timestamp < 0 || !inTimeOrder(offset, timestamp)) {
          throw impossibleMoment(offset, "error record", timestamp);
        }
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

  /**
   * Notes that the record at {@code offset} completed at {@code millis}; false when that lies
   * more than {@link #MAX_BACKWARDS_MILLIS} before the latest completion read so far.
   */
  private boolean inTimeOrder(long offset, int millis) {
    if (millis > latestCompletedMillis) {
      latestCompletedMillis = millis;
      latestCompletedOffset = offset;
      return true;
    }
    return millis >= latestCompletedMillis - MAX_BACKWARDS_MILLIS;
  }

  private InvalidSimulationLogException impossibleRequest(
      long offset, String name, int start, int end, boolean ok, String message) {
    String request = "request " + shown(name);
    if (start >= 0 && end >= start && ok && !message.isEmpty()) {
      return corrupt(offset, request + ": status OK with the message " + shown(message)
          + "; expected KO (status byte 0): Gatling writes a message only for a KO");
    }
    return impossibleSpan(offset, request, start, end);
  }

  private InvalidSimulationLogException impossibleGroup(
      long offset, List<String> groups, int start, int end) {
    if (groups.isEmpty()) {
      return corrupt(offset,
          "group record without a group; expected the group's path, at least its name");
    }
    return impossibleSpan(offset, "group " + shown(String.join(" / ", groups)), start, end);
  }

  /** For a request or group whose start, end or completion is impossible. */
  private InvalidSimulationLogException impossibleSpan(
      long offset, String what, int start, int end) {
    if (start < 0) {
      return corrupt(offset,
          what + ": start " + start + " ms after the run start; expected 0 or later");
    }
    if (end < start) {
      return corrupt(offset, what + ": start " + start + " ms, end " + end
          + " ms after the run start; expected an end at or after the start");
    }
    return outOfTimeOrder(offset, what, end);
  }

  /** For a user or error record whose timestamp is impossible. */
  private InvalidSimulationLogException impossibleMoment(long offset, String what, int millis) {
    if (millis < 0) {
      return corrupt(offset, what + ": timestamp " + millis
          + " ms after the run start; expected 0 or later");
    }
    return outOfTimeOrder(offset, what, millis);
  }

  private InvalidSimulationLogException outOfTimeOrder(long offset, String what, int millis) {
    return corrupt(offset, what + " completes at " + millis + " ms after the run start, "
        + (latestCompletedMillis - millis) + " ms before the record at byte "
        + latestCompletedOffset + " (" + latestCompletedMillis + " ms); expected at most "
        + MAX_BACKWARDS_MILLIS + " ms (1 h) before it: Gatling writes each record as it completes");
  }

  private static String shown(String text) {
    return InvalidSimulationLogException.shown(text);
  }

  private InvalidSimulationLogException corrupt(long offset, String problem) {
    return new InvalidSimulationLogException(file, offset, problem);
  }
}
