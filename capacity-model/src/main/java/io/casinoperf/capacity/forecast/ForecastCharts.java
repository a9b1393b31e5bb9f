package io.casinoperf.capacity.forecast;

import io.casinoperf.capacity.demand.DemandModel;
import io.casinoperf.capacity.demand.PromotionScenario;
import io.casinoperf.capacity.plan.Resource;
import io.casinoperf.capacity.resource.ResourceModel;
import io.casinoperf.capacity.series.RegularSeries;
import io.casinoperf.capacity.usl.LoadStep;
import io.casinoperf.capacity.usl.UslModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The data behind the capacity report's charts, small enough for forecast.json whatever the
 * history's length: history in at most {@value #HISTORY_BUCKETS} buckets (mean and maximum of
 * each), the fitted values at the buckets, the forecast band (P5, P50, P95) from the end of the
 * history through the planned window, a sample of the traffic–resource pairs with the fitted
 * relation, and the USL curve through the load-test steps.
 */
final class ForecastCharts {
  static final int HISTORY_BUCKETS = 1000;
  static final int FORECAST_POINTS = 400;
  static final int WINDOW_POINTS = 200;
  static final int SCATTER_POINTS = 1500;
  static final int CURVE_POINTS = 100;

  private ForecastCharts() {}

  /** One series over time. Resource bands are the relation's quantile at the traffic's quantile. */
  record Band(long[] times, double[] p05, double[] p50, double[] p95) {}

  /**
   * @param capacity what today's nodes carry by the load test (usable, in the traffic's unit), or
   *     null without load-test steps or today's node count
   */
  static CapacityForecast.SeriesChart traffic(RegularSeries traffic, String unit, DemandModel demand,
      Band band, Double capacity) {
    Buckets b = buckets(traffic);
    double[] fitted = new double[b.times.length];
    for (int i = 0; i < fitted.length; i++) {
      fitted[i] = demand.fitted(b.times[i]);
    }
    return new CapacityForecast.SeriesChart(traffic.name(), unit, b.times, b.mean, b.max, fitted,
        band.times, band.p05, band.p50, band.p95, capacity);
  }

  static CapacityForecast.SeriesChart resource(RegularSeries series, Resource resource,
      ResourceModel relation, RegularSeries traffic, DemandModel demand, Band trafficBand) {
    Buckets b = buckets(series);
    double[] fitted = new double[b.times.length];
    for (int i = 0; i < fitted.length; i++) {
      fitted[i] = relation.mean(demand.fitted(b.times[i]));
    }
    int n = trafficBand.times.length;
    double[] p05 = new double[n];
    double[] p50 = new double[n];
    double[] p95 = new double[n];
    for (int i = 0; i < n; i++) {
      p05[i] = relation.quantile(trafficBand.p05[i], 0.05);
      p50[i] = relation.quantile(trafficBand.p50[i], 0.5);
      p95[i] = relation.quantile(trafficBand.p95[i], 0.95);
    }
    double capacity = resource.usableCapacity() / (resource.perNode() ? resource.nodes() : 1);
    return new CapacityForecast.SeriesChart(resource.name(), resource.unit(), b.times, b.mean, b.max,
        fitted, trafficBand.times, p05, p50, p95, capacity);
  }

  /** The traffic band: coarse from the history's end to the window, dense inside the window. */
  static Band trafficBand(DemandModel demand, PromotionScenario scenario, long lastData,
      long windowStart, long windowEnd, long step) {
    List<Long> times = new ArrayList<>();
    long coarse = Math.max(step, (windowStart - lastData) / FORECAST_POINTS);
    for (long t = lastData + step; t < windowStart; t += coarse) {
      times.add(t);
    }
    long fine = Math.max(step, (windowEnd - windowStart) / WINDOW_POINTS);
    for (long t = windowStart; t < windowEnd; t += fine) {
      times.add(t);
    }
    long after = windowEnd + Math.max(fine, step);
    times.add(after);
    long[] t = times.stream().mapToLong(Long::longValue).toArray();
    double[] p05 = new double[t.length];
    double[] p50 = new double[t.length];
    double[] p95 = new double[t.length];
    for (int i = 0; i < t.length; i++) {
      PromotionScenario s = t[i] >= windowStart && t[i] < windowEnd ? scenario : PromotionScenario.organic();
      p05[i] = demand.quantile(t[i], 0.05, s);
      p50[i] = demand.quantile(t[i], 0.5, s);
      p95[i] = demand.quantile(t[i], 0.95, s);
    }
    return new Band(t, p05, p50, p95);
  }

  static CapacityForecast.RelationChart relation(String resourceName, RegularSeries traffic,
      RegularSeries resource, ResourceModel relation, double upTo) {
    List<double[]> pairs = new ArrayList<>();
    for (int i = 0; i < resource.slots(); i++) {
      long slot = traffic.slotOf(resource.epochSecond(i));
      if (slot < 0 || slot >= traffic.slots()) {
        continue;
      }
      double x = traffic.value((int) slot);
      double y = resource.value(i);
      if (!Double.isNaN(x) && !Double.isNaN(y)) {
        pairs.add(new double[] {x, y});
      }
    }
    int stride = Math.max(1, (pairs.size() + SCATTER_POINTS - 1) / SCATTER_POINTS);
    int kept = (pairs.size() + stride - 1) / stride;
    double[] xs = new double[kept];
    double[] ys = new double[kept];
    for (int i = 0, k = 0; i < pairs.size(); i += stride, k++) {
      xs[k] = pairs.get(i)[0];
      ys[k] = pairs.get(i)[1];
    }
    double top = Math.max(upTo, relation.maxTraffic());
    double bottom = Math.min(0, relation.minTraffic());
    double[] cx = new double[CURVE_POINTS];
    double[] mean = new double[CURVE_POINTS];
    double[] p05 = new double[CURVE_POINTS];
    double[] p95 = new double[CURVE_POINTS];
    for (int i = 0; i < CURVE_POINTS; i++) {
      cx[i] = bottom + (top - bottom) * i / (CURVE_POINTS - 1);
      mean[i] = relation.mean(cx[i]);
      p05[i] = relation.quantile(cx[i], 0.05);
      p95[i] = relation.quantile(cx[i], 0.95);
    }
    return new CapacityForecast.RelationChart(resourceName, xs, ys, cx, mean, p05, p95,
        relation.maxTraffic());
  }

  static CapacityForecast.UslChart usl(List<LoadStep> steps, UslModel model) {
    double[] n = steps.stream().mapToDouble(LoadStep::concurrency).toArray();
    double[] x = steps.stream().mapToDouble(LoadStep::throughputPerSecond).toArray();
    double top = Arrays.stream(n).max().orElse(1);
    if (Double.isFinite(model.peakConcurrency())) {
      top = Math.max(top, 1.5 * model.peakConcurrency());
    }
    double[] cn = new double[CURVE_POINTS];
    double[] cx = new double[CURVE_POINTS];
    for (int i = 0; i < CURVE_POINTS; i++) {
      cn[i] = 1 + (top - 1) * i / (CURVE_POINTS - 1);
      cx[i] = model.throughputAt(cn[i]);
    }
    return new CapacityForecast.UslChart(n, x, cn, cx);
  }

  private record Buckets(long[] times, double[] mean, double[] max) {}

  private static Buckets buckets(RegularSeries series) {
    int slots = series.slots();
    int width = Math.max(1, (slots + HISTORY_BUCKETS - 1) / HISTORY_BUCKETS);
    int count = (slots + width - 1) / width;
    long[] times = new long[count];
    double[] mean = new double[count];
    double[] max = new double[count];
    int out = 0;
    for (int b = 0; b < count; b++) {
      double sum = 0;
      double top = Double.NEGATIVE_INFINITY;
      int n = 0;
      for (int i = b * width; i < Math.min(slots, (b + 1) * width); i++) {
        double v = series.value(i);
        if (!Double.isNaN(v)) {
          sum += v;
          top = Math.max(top, v);
          n++;
        }
      }
      if (n > 0) {
        times[out] = series.epochSecond(b * width);
        mean[out] = sum / n;
        max[out++] = top;
      }
    }
    return new Buckets(Arrays.copyOf(times, out), Arrays.copyOf(mean, out), Arrays.copyOf(max, out));
  }
}
