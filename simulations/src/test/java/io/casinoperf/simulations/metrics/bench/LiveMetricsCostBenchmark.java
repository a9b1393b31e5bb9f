package io.casinoperf.simulations.metrics.bench;

import io.casinoperf.run.HealthRules;
import io.casinoperf.simulations.health.InjectorHealthSampler;
import io.casinoperf.simulations.metrics.LiveMetrics;
import io.casinoperf.simulations.settings.RunSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/**
 * What the live metrics cost the injector: the time of one request's outcome recorded (counter and
 * histogram, by request name and status) on two threads at once, as Gatling's threads record
 * them, and the time of one scrape. Arguments: millions of outcomes per thread (default 5),
 * rounds (default 5). Results in docs/PERFORMANCE.md, "The injector's live metrics".
 */
public final class LiveMetricsCostBenchmark {
  private static final String[] NAMES = {"Login", "Lobby", "Spin", "Deposit", "Balance"};

  private LiveMetricsCostBenchmark() {}

  public static void main(String[] args) throws Exception {
    long perThread = (long) (args.length > 0 ? Double.parseDouble(args[0]) * 1_000_000 : 5_000_000);
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    InjectorHealthSampler health = new InjectorHealthSampler(HealthRules.Thresholds.defaults(), 3600);
    LiveMetrics metrics = LiveMetrics.start(new RunSettings.MetricsEndpoint("127.0.0.1", 0, Duration.ZERO),
        "Benchmark", "http://127.0.0.1", health, java.util.Optional::empty).orElseThrow();
    HttpClient client = HttpClient.newHttpClient();
    HttpRequest scrape = HttpRequest.newBuilder(URI.create(metrics.url())).build();
    for (int round = 1; round <= rounds; round++) {
      CountDownLatch done = new CountDownLatch(2);
      long start = System.nanoTime();
      for (int t = 0; t < 2; t++) {
        int offset = t;
        new Thread(() -> {
          for (long i = 0; i < perThread; i++) {
            metrics.requestDone(NAMES[(int) ((i + offset) % NAMES.length)], i % 100 != 0, 5 + i % 300);
          }
          done.countDown();
        }).start();
      }
      done.await();
      double nanos = (System.nanoTime() - start) / (double) perThread;
      long scrapeStart = System.nanoTime();
      int bytes = client.send(scrape, HttpResponse.BodyHandlers.ofByteArray()).body().length;
      double scrapeMillis = (System.nanoTime() - scrapeStart) / 1e6;
      System.out.printf(Locale.ROOT, "round %d: %.0f ns per outcome (two threads at once, wall ÷ outcomes of one"
          + " thread); a scrape %.1f ms, %,d bytes%n", round, nanos, scrapeMillis, bytes);
    }
    metrics.close();
    health.stop();
  }
}
