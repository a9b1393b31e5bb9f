package io.casinoperf.simulations.health;

import com.sun.management.GarbageCollectionNotificationInfo;
import io.casinoperf.run.HealthRules;
import io.casinoperf.run.InjectorHealth;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import org.HdrHistogram.Histogram;

/**
 * Samples the injector's own health once a second inside the Gatling JVM: scheduling lag (a
 * {@link LagProbe}), stop-the-world GC time and the longest pause (the JVM's collector MXBeans and
 * their notifications), process and machine CPU, the load average, and users started against
 * the {@link ArrivalPlan}. {@link #stop} turns the samples into an {@link InjectorHealth} with the
 * verdict of {@link HealthRules}.
 *
 * <p>Collectors whose MXBean counts concurrent work (names with "Concurrent" or "Cycles", as
 * G1's concurrent cycle on newer JDKs and ZGC's cycles) are left out: their time is not a pause.
 *
 * <p>Thread-safe: {@link #userStarted} is called from Gatling's threads.
 */
public final class InjectorHealthSampler {
  /**
   * How long the lag probe sleeps: 10 ms. Each wake-up measures exactly how late it is; the
   * interval only bounds how often. At 1 ms (jHiccup's default) the probe itself cost 1.7 % of a
   * core here; at 5 ms the whole sampler cost 0.73–1.66 %, over the 1 % it may; at 10 ms, a
   * hundred wake-ups a second still catch every stall the 100 ms bound is about
   * (docs/PERFORMANCE.md).
   */
  public static final long PROBE_INTERVAL_MICROS = 10_000;

  private final HealthRules.Thresholds thresholds;
  private volatile long[] dueMillis = new long[0];
  private volatile java.nio.file.Path logFolder;
  private final LagProbe probe = new LagProbe(PROBE_INTERVAL_MICROS);
  private final Histogram runLag = new Histogram(TimeUnit.HOURS.toMicros(1), 2);
  private final Histogram arrivalLate = new Histogram(TimeUnit.HOURS.toMillis(1), 2);
  private final ScheduledExecutorService clock;
  private final List<Tick> ticks = new ArrayList<>();
  private final com.sun.management.OperatingSystemMXBean os =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private final List<GarbageCollectorMXBean> collectors = new ArrayList<>();
  private final AtomicLong longestPauseThisSecond = new AtomicLong();
  private final AtomicLong longestPause = new AtomicLong();
  private final AtomicLong started = new AtomicLong();
  private final AtomicLong originNanos = new AtomicLong(Long.MIN_VALUE);
  private final AtomicLongArray startedPerSecond;
  private final long startNanos = System.nanoTime();
  private final int cores = machineProcessors();
  private final List<Runnable> unregister = new ArrayList<>();
  private long lastGcMillis;
  private long lastCpuNanos;
  private long lastTickNanos = startNanos;
  private boolean stopped;

  /** One sampled second before it is related to the plan. */
  private record Tick(long second, double lagP99, double lagMax, double gcMillis, double longestGc,
      double processCpu, double machineCpu, double load) {}

  /**
   * Starts sampling now.
   *
   * @param maxSeconds the longest run to sample, in seconds (arrivals are counted per second)
   */
  public InjectorHealthSampler(HealthRules.Thresholds thresholds, int maxSeconds) {
    this.thresholds = thresholds;
    this.startedPerSecond = new AtomicLongArray(Math.max(1, maxSeconds));
    for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (isPause(bean.getName())) {
        collectors.add(bean);
        if (bean instanceof NotificationEmitter emitter) {
          NotificationListener listener = (notification, handback) -> {
            if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
              long duration = GarbageCollectionNotificationInfo
                  .from((CompositeData) notification.getUserData()).getGcInfo().getDuration();
              longestPauseThisSecond.accumulateAndGet(duration, Math::max);
              longestPause.accumulateAndGet(duration, Math::max);
            }
          };
          emitter.addNotificationListener(listener, null, null);
          unregister.add(() -> {
            try {
              emitter.removeNotificationListener(listener);
            } catch (javax.management.ListenerNotFoundException e) {
              // already gone
            }
          });
        }
      }
    }
    lastGcMillis = gcMillis();
    lastCpuNanos = os.getProcessCpuTime();
    os.getCpuLoad(); // the first call only starts the measurement
    clock = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "casinoperf-health");
      thread.setDaemon(true);
      return thread;
    });
    clock.scheduleAtFixedRate(this::tick, 1, 1, TimeUnit.SECONDS);
  }

  /**
   * The plan of an open injection profile: when each user is due after injection starts (see
   * {@link ArrivalPlan}). Set before the first user starts; without one, arrivals are counted only.
   */
  public void plan(long[] dueMillis) {
    this.dueMillis = dueMillis.clone();
  }

  /** The folder of the simulation.log this JVM had open during the run, once seen. */
  public java.util.Optional<java.nio.file.Path> logFolder() {
    return java.util.Optional.ofNullable(logFolder);
  }

  /**
   * The machine's processors, as the machine's CPU load counts them: the {@code cpuN} lines of
   * {@code /proc/stat} where there is one, else the JVM's own count (which {@code
   * -XX:ActiveProcessorCount} can lower below the machine's).
   */
  static int machineProcessors() {
    try {
      long count = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/stat")).stream()
          .filter(line -> line.length() > 3 && line.startsWith("cpu") && Character.isDigit(line.charAt(3)))
          .count();
      if (count > 0) {
        return (int) count;
      }
    } catch (java.io.IOException | RuntimeException e) {
      // not Linux
    }
    return Runtime.getRuntime().availableProcessors();
  }

  static boolean isPause(String collectorName) {
    return !collectorName.contains("Concurrent") && !collectorName.contains("Cycles");
  }

  /**
   * The latest sampled second, as the live metrics show it.
   *
   * @param lagP99Millis 99th percentile of the lag probe's wake-ups in the second, ms
   * @param gcPauseMillis stop-the-world collection time in the second, ms
   * @param processCpuPercent the injector's CPU, percent of the machine
   * @param machineCpuPercent the machine's CPU, percent; −1 if unknown
   * @param loadAverage the one-minute load average; −1 if unknown
   */
  public record Latest(double lagP99Millis, double lagMaxMillis, double gcPauseMillis,
      double processCpuPercent, double machineCpuPercent, double loadAverage, long usersStarted) {}

  /** The latest second sampled; empty before the first. */
  public synchronized java.util.Optional<Latest> latest() {
    if (ticks.isEmpty()) {
      return java.util.Optional.empty();
    }
    Tick t = ticks.get(ticks.size() - 1);
    return java.util.Optional.of(new Latest(t.lagP99(), t.lagMax(), t.gcMillis(), t.processCpu(), t.machineCpu(),
        t.load(), started.get()));
  }

  /** Called by every virtual user as its first action. */
  public void userStarted() {
    long[] dueMillis = this.dueMillis;
    long now = System.nanoTime();
    long index = started.getAndIncrement();
    int second = (int) ((now - startNanos) / 1_000_000_000L);
    if (second < startedPerSecond.length()) {
      startedPerSecond.incrementAndGet(second);
    }
    if (index >= dueMillis.length) {
      return;
    }
    if (index == 0) {
      originNanos.compareAndSet(Long.MIN_VALUE, now - dueMillis[0] * 1_000_000L);
    }
    long origin = originNanos.get();
    if (origin != Long.MIN_VALUE) {
      long lateMillis = (now - origin) / 1_000_000L - dueMillis[(int) index];
      synchronized (arrivalLate) {
        arrivalLate.recordValue(Math.min(arrivalLate.getHighestTrackableValue(), Math.max(0, lateMillis)));
      }
    }
  }

  private synchronized void tick() {
    if (stopped) {
      return;
    }
    long now = System.nanoTime();
    if (logFolder == null) {
      logFolder = io.casinoperf.simulations.record.RunFolder.ofOpenLog().orElse(null);
    }
    Histogram lag = probe.interval();
    runLag.add(lag);
    long gc = gcMillis();
    long cpu = os.getProcessCpuTime();
    double wallNanos = Math.max(1, now - lastTickNanos);
    double processCpu = cpu < 0 ? -1 : 100.0 * (cpu - lastCpuNanos) / (wallNanos * cores);
    double machine = os.getCpuLoad();
    ticks.add(new Tick(ticks.size(),
        lag.getTotalCount() == 0 ? 0 : lag.getValueAtPercentile(99) / 1000.0,
        lag.getMaxValue() / 1000.0,
        gc - lastGcMillis,
        longestPauseThisSecond.getAndSet(0),
        Math.max(0, processCpu),
        machine < 0 || Double.isNaN(machine) ? -1 : 100 * machine,
        os.getSystemLoadAverage()));
    lastGcMillis = gc;
    lastCpuNanos = cpu;
    lastTickNanos = now;
  }

  private long gcMillis() {
    long total = 0;
    for (GarbageCollectorMXBean bean : collectors) {
      total += Math.max(0, bean.getCollectionTime());
    }
    return total;
  }

  /**
   * Stops sampling and judges the run: the seconds from the first user to now, against the
   * plan's users due until now (a run its circuit breaker stopped is judged on what it planned
   * before the stop).
   */
  public synchronized InjectorHealth stop() {
    tick();
    stopped = true;
    clock.shutdownNow();
    probe.close();
    unregister.forEach(Runnable::run);
    long[] dueMillis = this.dueMillis;
    long origin = originNanos.get();
    long elapsedMillis = (System.nanoTime() - startNanos) / 1_000_000L;
    long[] duePerSecond = new long[ticks.size()];
    long planned = 0;
    if (origin != Long.MIN_VALUE) {
      long originMillis = (origin - startNanos) / 1_000_000L;
      for (long due : dueMillis) {
        long at = originMillis + due;
        if (at <= elapsedMillis) {
          planned++;
          int second = (int) Math.max(0, at / 1000);
          if (second < duePerSecond.length) {
            duePerSecond[second]++;
          }
        }
      }
    }
    int first = 0;
    while (first < ticks.size() - 1 && startedPerSecond.get(first) == 0 && duePerSecond[first] == 0) {
      first++;
    }
    List<InjectorHealth.Second> seconds = new ArrayList<>();
    Histogram lagFromFirstUser = new Histogram(TimeUnit.HOURS.toMicros(1), 2);
    for (int i = first; i < ticks.size(); i++) {
      Tick t = ticks.get(i);
      seconds.add(new InjectorHealth.Second(i - first, t.lagP99, t.lagMax, t.gcMillis, t.longestGc,
          round(t.processCpu), round(t.machineCpu), round(t.load),
          i < startedPerSecond.length() ? startedPerSecond.get(i) : 0, duePerSecond[i]));
    }
    long contended = seconds.stream().filter(s -> HealthRules.contended(s, thresholds)).count();
    double lagP99 = runLag.getTotalCount() == 0 ? 0 : runLag.getValueAtPercentile(99) / 1000.0;
    double lagMax = runLag.getMaxValue() / 1000.0;
    double arrivalP99;
    synchronized (arrivalLate) {
      arrivalP99 = arrivalLate.getTotalCount() == 0 ? 0 : arrivalLate.getValueAtPercentile(99);
    }
    InjectorHealth.Summary summary = new InjectorHealth.Summary(
        seconds.size(), lagP99, lagMax,
        seconds.stream().mapToDouble(InjectorHealth.Second::gcPauseMillis).sum(),
        longestPause.get(),
        round(seconds.stream().mapToDouble(InjectorHealth.Second::processCpuPercent).average().orElse(0)),
        round(seconds.stream().mapToDouble(InjectorHealth.Second::machineCpuPercent).average().orElse(-1)),
        contended,
        round(seconds.stream().mapToDouble(InjectorHealth.Second::loadAverage).max().orElse(-1) / cores),
        dueMillis.length == 0 ? 0 : planned,
        started.get(),
        arrivalP99);
    List<String> reasons = HealthRules.reasons(summary, thresholds);
    return new InjectorHealth(HealthRules.status(reasons), reasons, summary, thresholds,
        PROBE_INTERVAL_MICROS, seconds);
  }

  /** One line for the console: the verdict and the figures behind it. */
  public static String summaryLine(InjectorHealth health) {
    InjectorHealth.Summary s = health.summary();
    String figures = String.format(Locale.ROOT,
        "lag p99 %.1f ms (max %.0f ms), GC %.0f ms (longest %.0f ms), CPU %.0f %% of the machine"
            + " (machine %.0f %%), load %.1f per core",
        s.lagP99Millis(), s.lagMaxMillis(), s.gcPauseMillis(), s.longestGcPauseMillis(),
        s.processCpuPercent(), s.machineCpuPercent(), s.maxLoadPerCore());
    if (s.usersPlanned() > 0) {
      figures += String.format(Locale.ROOT, ", %d of %d users on plan (p99 %.0f ms late)",
          s.usersStarted(), s.usersPlanned(), s.arrivalLateP99Millis());
    }
    return health.saturated()
        ? "injector health: SATURATED — " + String.join("; ", health.reasons()) + " [" + figures + "]"
        : "injector health: healthy — " + figures;
  }

  private static double round(double value) {
    return Math.round(value * 10) / 10.0;
  }
}
