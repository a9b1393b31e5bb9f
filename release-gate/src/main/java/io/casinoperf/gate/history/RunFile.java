package io.casinoperf.gate.history;

import java.util.List;
import java.util.Map;

/**
 * The JSON layout of one stored run ({@value #FORMAT}); see docs/HISTORY.md. Histograms are
 * HdrHistogram's own compressed encoding in Base64, so any HdrHistogram library reads them.
 * {@code runRecord} is the run's own record (run.json) as the simulation wrote it, when it had one;
 * {@code phases} the requests of each phase of its workload, when its record named phases.
 * {@code fingerprint} identifies the run by its logs' content ({@link RunIdentity}).
 * {@code decidedBy}, {@code gateReport} and {@code fingerprint} came later: files without them read
 * as runs whose deciding request, gate.html and fingerprint are not known.
 */
record RunFile(
    String format,
    String id,
    String label,
    String recordedAt,
    String runStart,
    String runEnd,
    boolean partial,
    String verdict,
    String decidedBy,
    ComparabilityFile comparability,
    RequestFile all,
    List<RequestFile> requests,
    String gatlingReport,
    String gateReport,
    com.fasterxml.jackson.databind.JsonNode runRecord,
    List<PhaseFile> phases,
    String fingerprint) {

  static final String FORMAT = "casinoperf-run/1";

  record ComparabilityFile(
      String simulation,
      String target,
      Map<String, String> parameters,
      String gatlingVersion,
      String javaVersion,
      int injectorCores) {}

  /** One phase of the workload: its requests together and one by one, laid out as the run's. */
  record PhaseFile(String name, RequestFile all, List<RequestFile> requests) {}

  /**
   * @param histogram every response time, ms, HdrHistogram compressed + Base64
   * @param okHistogram the OK responses' times, same encoding
   * @param blocks one per non-empty block: [index, KO count, coarse histogram]
   */
  record RequestFile(
      List<String> groups,
      String name,
      long count,
      long koCount,
      Map<String, Long> koMessages,
      String histogram,
      String okHistogram,
      long blockWidthMillis,
      List<List<Object>> blocks) {}
}
