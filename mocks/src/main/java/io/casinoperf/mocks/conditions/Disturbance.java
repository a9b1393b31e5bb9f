package io.casinoperf.mocks.conditions;

/**
 * What happens to one request: an added delay, and possibly a fault instead of a normal answer.
 *
 * @param delayMillis added latency before the answer (or the fault), in milliseconds
 */
public record Disturbance(long delayMillis, Fault fault) {

  /** A fault that replaces the normal answer. Faults strike before the request is processed. */
  public enum Fault {
    NONE,
    /** Answer 503 Service Unavailable. */
    SERVICE_UNAVAILABLE,
    /** Reset the connection without an answer. */
    CONNECTION_DROPPED
  }
}
