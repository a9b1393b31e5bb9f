package io.casinoperf.gate.history;

import io.casinoperf.gate.summary.RequestStats;
import io.casinoperf.gate.summary.RunSummary;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import org.HdrHistogram.HistogramIterationValue;

/**
 * Which run a summary is, by what its logs hold: the simulation, each injector's start, the run's
 * span and every request's counts and response times. The same logs read again (gated twice, or
 * given as another copy) give the same identity; two runs never do. A stored run keeps its
 * fingerprint, so gating a run again does not store it twice and a run is never its own baseline.
 *
 * @param fingerprint SHA-256 of that content, hex, first 128 bits
 */
public record RunIdentity(String fingerprint, String simulation, Instant start, Instant end) {

  public static RunIdentity of(RunSummary summary) {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
    text(digest, summary.simulationClass());
    summary.injectors().stream().map(h -> h.start().toEpochMilli()).sorted()
        .forEach(start -> number(digest, start));
    number(digest, summary.start().toEpochMilli());
    number(digest, summary.end().toEpochMilli());
    stats(digest, "", summary.all());
    summary.requests().forEach((key, stats) -> stats(digest, key.path(), stats));
    String hex = HexFormat.of().formatHex(digest.digest(), 0, 16);
    return new RunIdentity(hex, summary.simulationClass(), summary.start(), summary.end());
  }

  /**
   * Whether a stored run is this run: by fingerprint, or, for a run stored without one, by
   * simulation, start and end to the millisecond.
   */
  public boolean matches(RunRecord stored) {
    if (stored.fingerprint().isPresent()) {
      return stored.fingerprint().get().equals(fingerprint);
    }
    return stored.comparability().simulation().equals(simulation)
        && stored.runStart().equals(start) && stored.runEnd().equals(end);
  }

  private static void stats(MessageDigest digest, String path, RequestStats stats) {
    text(digest, path);
    number(digest, stats.count());
    number(digest, stats.koCount());
    for (HistogramIterationValue value : stats.all().recordedValues()) {
      number(digest, value.getValueIteratedTo());
      number(digest, value.getCountAtValueIteratedTo());
    }
  }

  private static void text(MessageDigest digest, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    number(digest, bytes.length);
    digest.update(bytes);
  }

  private static void number(MessageDigest digest, long value) {
    for (int shift = 56; shift >= 0; shift -= 8) {
      digest.update((byte) (value >>> shift));
    }
  }
}
