package io.casinoperf.simulations.health;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Measures how late a thread that asks to sleep a short, fixed interval wakes up (the jHiccup
 * method): whatever delays it — a starved CPU, a GC pause, a saturated scheduler — delays the
 * injector's own timers and request sends by as much. Values in microseconds, two significant
 * digits, up to one hour.
 *
 * <p>Thread-safe: one daemon thread records, {@link #interval()} may be called from any thread.
 */
final class LagProbe implements AutoCloseable {
  private static final long HIGHEST_MICROS = TimeUnit.HOURS.toMicros(1);

  private final long sleepNanos;
  private final Recorder recorder = new Recorder(HIGHEST_MICROS, 2);
  private final Thread thread;
  private volatile boolean running = true;
  private Histogram reusable;

  LagProbe(long sleepMicros) {
    this.sleepNanos = TimeUnit.MICROSECONDS.toNanos(sleepMicros);
    this.thread = new Thread(this::probe, "casinoperf-lag-probe");
    thread.setDaemon(true);
    thread.start();
  }

  private void probe() {
    while (running) {
      long before = System.nanoTime();
      LockSupport.parkNanos(sleepNanos);
      long lateMicros = (System.nanoTime() - before - sleepNanos) / 1000;
      recorder.recordValue(Math.min(HIGHEST_MICROS, Math.max(0, lateMicros)));
    }
  }

  /** Wake-ups since the previous call. The returned histogram is reused by the next call. */
  synchronized Histogram interval() {
    reusable = recorder.getIntervalHistogram(reusable);
    return reusable;
  }

  @Override
  public void close() {
    running = false;
    LockSupport.unpark(thread);
  }
}
