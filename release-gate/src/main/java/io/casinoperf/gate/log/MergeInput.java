package io.casinoperf.gate.log;

import java.io.IOException;
import java.util.List;
import java.util.OptionalLong;

/**
 * One log during a merge: its reader, how far its start lies after the merged start, and its next
 * record, held with every timestamp already moved onto the merged clock. Only one record is held
 * at a time.
 */
final class MergeInput implements SimulationLogListener {
  private final SimulationLogReader reader;
  private final int order;
  private final long shiftMillis;

  private byte type;
  private List<String> groups;
  private String name;
  private String message;
  private String scenario;
  private int startMillis;
  private int endMillis;
  private int cumulatedMillis;
  private boolean flag;
  private int completedMillis;
  private long latestCompletedMillis = Long.MIN_VALUE;

  MergeInput(SimulationLogReader reader, int order, long shiftMillis) {
    this.reader = reader;
    this.order = order;
    this.shiftMillis = shiftMillis;
  }

  SimulationLogReader reader() {
    return reader;
  }

  /** Position among the inputs as given: the tie-break between records completed at once. */
  int order() {
    return order;
  }

  /**
   * When the held record completed on the merged clock: a request's or group's end, a user's or
   * error's timestamp. Gatling appends each record when it completes, so this is its file order.
   */
  int completedMillis() {
    return completedMillis;
  }

  /** Reads the next record; false at the end of the log or at a record it was cut inside. */
  boolean advance() {
    boolean read = reader.next(this);
    if (read) {
      latestCompletedMillis = Math.max(latestCompletedMillis, completedMillis);
    }
    return read;
  }

  /** The log's start on the merged clock. */
  long shiftMillis() {
    return shiftMillis;
  }

  /** The latest completion among the records read so far, on the merged clock; empty if none. */
  OptionalLong latestCompletedMillis() {
    return latestCompletedMillis == Long.MIN_VALUE ? OptionalLong.empty()
        : OptionalLong.of(latestCompletedMillis);
  }

  void writeTo(SimulationLogWriter out) throws IOException {
    switch (type) {
      case RecordType.REQUEST -> out.request(groups, name, startMillis, endMillis, flag, message);
      case RecordType.USER -> out.user(scenario, flag, startMillis);
      case RecordType.GROUP -> out.group(groups, startMillis, endMillis, cumulatedMillis, flag);
      case RecordType.ERROR -> out.error(message, startMillis);
      default -> throw new IllegalStateException("no record held");
    }
  }

  @Override
  public void onRequest(
      List<String> groups, String name, int startMillis, int endMillis, boolean ok, String message) {
    this.type = RecordType.REQUEST;
    this.groups = groups;
    this.name = name;
    this.startMillis = shifted(startMillis);
    this.endMillis = shifted(endMillis);
    this.flag = ok;
    this.message = message;
    this.completedMillis = this.endMillis;
  }

  @Override
  public void onUser(String scenario, boolean start, int timestampMillis) {
    this.type = RecordType.USER;
    this.scenario = scenario;
    this.flag = start;
    this.startMillis = shifted(timestampMillis);
    this.completedMillis = this.startMillis;
  }

  @Override
  public void onGroup(
      List<String> groups, int startMillis, int endMillis, int cumulatedResponseMillis, boolean ok) {
    this.type = RecordType.GROUP;
    this.groups = groups;
    this.startMillis = shifted(startMillis);
    this.endMillis = shifted(endMillis);
    this.cumulatedMillis = cumulatedResponseMillis;
    this.flag = ok;
    this.completedMillis = this.endMillis;
  }

  @Override
  public void onError(String message, int timestampMillis) {
    this.type = RecordType.ERROR;
    this.message = message;
    this.startMillis = shifted(timestampMillis);
    this.completedMillis = this.startMillis;
  }

  private int shifted(int millis) {
    long merged = millis + shiftMillis;
    if (merged > Integer.MAX_VALUE || merged < Integer.MIN_VALUE) {
      throw new UnmergeableLogsException(reader.file() + ": a timestamp " + millis + " ms after its"
          + " start lies " + merged + " ms after the merged start, beyond the 32-bit milliseconds"
          + " of the format (24.8 days)");
    }
    return (int) merged;
  }
}
