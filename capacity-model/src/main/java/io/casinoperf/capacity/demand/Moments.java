package io.casinoperf.capacity.demand;

import io.casinoperf.capacity.series.RegularSeries;

/**
 * Sufficient statistics of the regression, per chunk of time, as running sums: {@code XᵀX}
 * (upper triangle, packed), {@code Xᵀy} and {@code yᵀy} for y and for log y, and the count. The
 * statistics of any run of chunks are a difference of two running sums, so every candidate
 * model, validation block and backtest origin is solved without touching the data again.
 */
final class Moments {
  final int columns;
  final int chunks;
  final int slotsPerChunk;
  /** Whether every value is above 0, so the log models can be fitted on any range. */
  final boolean logAvailable;
  private final int packed;
  private final double[][] xx;
  private final double[][] xy;
  private final double[][] xyLog;
  private final double[] yy;
  private final double[] yyLog;
  private final long[] count;
  /** Running count of values at or below 0, which have no logarithm. */
  private final long[] nonPositive;
  /** Chunks left out of every sum (anomalous days), ascending; empty for all of them. */
  private final int[] excluded;

  private Moments(Moments all, int[] excluded) {
    this.columns = all.columns;
    this.chunks = all.chunks;
    this.slotsPerChunk = all.slotsPerChunk;
    this.logAvailable = all.logAvailable;
    this.packed = all.packed;
    this.xx = all.xx;
    this.xy = all.xy;
    this.xyLog = all.xyLog;
    this.yy = all.yy;
    this.yyLog = all.yyLog;
    this.count = all.count;
    this.nonPositive = all.nonPositive;
    this.excluded = excluded;
  }

  /** The same sums with these chunks left out of every range that holds them. */
  Moments excluding(int[] chunksLeftOut) {
    int[] sorted = java.util.Arrays.stream(chunksLeftOut).distinct().sorted().toArray();
    return sorted.length == 0 && excluded.length == 0 ? this : new Moments(this, sorted);
  }

  /** Whether this chunk is left out of the sums. */
  boolean isExcluded(int chunk) {
    return java.util.Arrays.binarySearch(excluded, chunk) >= 0;
  }

  /** The left-out chunks inside [from, to). */
  private int[] excludedIn(int from, int to) {
    if (excluded.length == 0) {
      return excluded;
    }
    int a = java.util.Arrays.binarySearch(excluded, from);
    int b = java.util.Arrays.binarySearch(excluded, to);
    a = a >= 0 ? a : -a - 1;
    b = b >= 0 ? b : -b - 1;
    return a >= b ? new int[0] : java.util.Arrays.copyOfRange(excluded, a, b);
  }

  private Moments(int columns, int chunks, int slotsPerChunk, boolean logAvailable) {
    this.columns = columns;
    this.chunks = chunks;
    this.slotsPerChunk = slotsPerChunk;
    this.logAvailable = logAvailable;
    this.packed = columns * (columns + 1) / 2;
    this.xx = new double[chunks + 1][packed];
    this.xy = new double[chunks + 1][columns];
    this.xyLog = new double[chunks + 1][columns];
    this.yy = new double[chunks + 1];
    this.yyLog = new double[chunks + 1];
    this.count = new long[chunks + 1];
    this.nonPositive = new long[chunks + 1];
    this.excluded = new int[0];
  }

  static Moments accumulate(RegularSeries series, Terms terms, int slotsPerChunk) {
    int slots = series.slots();
    int chunks = (slots + slotsPerChunk - 1) / slotsPerChunk;
    boolean positive = true;
    for (int i = 0; i < slots; i++) {
      double v = series.value(i);
      positive &= Double.isNaN(v) || v > 0;
    }
    Moments m = new Moments(terms.columns, chunks, slotsPerChunk, positive);
    // Each day's own sums first, the days shared among the cores (a year of one-minute points is
    // most of a forecast's arithmetic); then the running totals, in order.
    java.util.stream.IntStream.range(0, chunks).parallel()
        .forEach(chunk -> m.accumulateChunk(series, terms, chunk));
    for (int chunk = 0; chunk < chunks; chunk++) {
      add(m.xx[chunk], m.xx[chunk + 1]);
      add(m.xy[chunk], m.xy[chunk + 1]);
      add(m.xyLog[chunk], m.xyLog[chunk + 1]);
      m.yy[chunk + 1] += m.yy[chunk];
      m.yyLog[chunk + 1] += m.yyLog[chunk];
      m.count[chunk + 1] += m.count[chunk];
      m.nonPositive[chunk + 1] += m.nonPositive[chunk];
    }
    return m;
  }

  private static void add(double[] from, double[] to) {
    for (int i = 0; i < to.length; i++) {
      to[i] += from[i];
    }
  }

  /** The sums of chunk {@code chunk}'s points alone, into the slots of its running totals. */
  private void accumulateChunk(RegularSeries series, Terms terms, int chunk) {
    int p = terms.columns;
    double[] row = new double[p];
    double[] xxc = xx[chunk + 1];
    double[] xyc = xy[chunk + 1];
    double[] xylc = xyLog[chunk + 1];
    double yyc = 0;
    double yylc = 0;
    long n = 0;
    long atOrBelowZero = 0;
    int end = Math.min(series.slots(), (chunk + 1) * slotsPerChunk);
    for (int i = chunk * slotsPerChunk; i < end; i++) {
      double y = series.value(i);
      if (Double.isNaN(y)) {
        continue;
      }
      terms.row(series.epochSecond(i), row, null);
      // Log sums of a range are used only when it holds no value at or below 0.
      double ly = y > 0 ? Math.log(y) : 0;
      atOrBelowZero += y > 0 ? 0 : 1;
      int k = 0;
      for (int a = 0; a < p; a++) {
        double ra = row[a];
        xyc[a] += ra * y;
        xylc[a] += ra * ly;
        if (ra == 0) {
          k += p - a;
          continue;
        }
        for (int b = a; b < p; b++) {
          xxc[k++] += ra * row[b];
        }
      }
      yyc += y * y;
      yylc += ly * ly;
      n++;
    }
    yy[chunk + 1] = yyc;
    yyLog[chunk + 1] = yylc;
    count[chunk + 1] = n;
    nonPositive[chunk + 1] = atOrBelowZero;
  }

  /** Whether the log models can be fitted on chunks [from, to): no value there at or below 0. */
  boolean logAvailable(int from, int to) {
    return nonPositive[to] == nonPositive[from];
  }

  long count(int from, int to) {
    long n = count[to] - count[from];
    for (int c : excludedIn(from, to)) {
      n -= count[c + 1] - count[c];
    }
    return n;
  }

  /** {@code XᵀX} over chunks [from, to) restricted to {@code cols}, upper triangle filled. */
  double[][] xtx(int from, int to, int[] cols) {
    double[][] out = new double[cols.length][cols.length];
    int[] left = excludedIn(from, to);
    for (int i = 0; i < cols.length; i++) {
      for (int j = i; j < cols.length; j++) {
        int k = index(cols[i], cols[j]);
        double v = xx[to][k] - xx[from][k];
        for (int c : left) {
          v -= xx[c + 1][k] - xx[c][k];
        }
        out[i][j] = v;
      }
    }
    return out;
  }

  double diagonal(int from, int to, int col) {
    int k = index(col, col);
    double v = xx[to][k] - xx[from][k];
    for (int c : excludedIn(from, to)) {
      v -= xx[c + 1][k] - xx[c][k];
    }
    return v;
  }

  double[] xty(int from, int to, int[] cols, boolean log) {
    double[][] source = log ? xyLog : xy;
    double[] out = new double[cols.length];
    int[] left = excludedIn(from, to);
    for (int i = 0; i < cols.length; i++) {
      double v = source[to][cols[i]] - source[from][cols[i]];
      for (int c : left) {
        v -= source[c + 1][cols[i]] - source[c][cols[i]];
      }
      out[i] = v;
    }
    return out;
  }

  double yty(int from, int to, boolean log) {
    double[] source = log ? yyLog : yy;
    double v = source[to] - source[from];
    for (int c : excludedIn(from, to)) {
      v -= source[c + 1] - source[c];
    }
    return v;
  }

  /** Sum of squared errors of β over chunks [from, to): yᵀy − 2βᵀXᵀy + βᵀXᵀXβ. */
  double sse(int from, int to, int[] cols, double[] beta, boolean log) {
    double[][] a = xtx(from, to, cols);
    double[] b = xty(from, to, cols, log);
    double quadratic = 0;
    double linear = 0;
    for (int i = 0; i < cols.length; i++) {
      linear += beta[i] * b[i];
      quadratic += beta[i] * beta[i] * a[i][i];
      for (int j = i + 1; j < cols.length; j++) {
        quadratic += 2 * beta[i] * beta[j] * a[i][j];
      }
    }
    return Math.max(0, yty(from, to, log) - 2 * linear + quadratic);
  }

  /**
   * Σ (y − xβ) over chunks [from, to), for columns whose first is the intercept: Σy − Σⱼ βⱼ Σxⱼ,
   * with Σxⱼ read from the intercept's row of XᵀX.
   */
  double residualSum(int from, int to, int[] cols, double[] beta, boolean log) {
    double[][] source = log ? xyLog : xy;
    int[] left = excludedIn(from, to);
    double sum = source[to][cols[0]] - source[from][cols[0]];
    for (int c : left) {
      sum -= source[c + 1][cols[0]] - source[c][cols[0]];
    }
    for (int j = 0; j < cols.length; j++) {
      int k = index(cols[0], cols[j]);
      double x = xx[to][k] - xx[from][k];
      for (int c : left) {
        x -= xx[c + 1][k] - xx[c][k];
      }
      sum -= beta[j] * x;
    }
    return sum;
  }

  /**
   * The mean of each chunk's values (of log y when {@code log}), NaN for a chunk without data:
   * for finding days unlike their neighbours. Ignores the left-out chunks.
   */
  double[] chunkMeans(boolean log) {
    double[][] source = log ? xyLog : xy;
    double[] means = new double[chunks];
    for (int c = 0; c < chunks; c++) {
      long n = count[c + 1] - count[c];
      // Column 0 is the intercept: its Xᵀy is the sum of y (or log y).
      means[c] = n == 0 ? Double.NaN : (source[c + 1][0] - source[c][0]) / n;
    }
    return means;
  }

  private int index(int a, int b) {
    int i = Math.min(a, b);
    int j = Math.max(a, b);
    // Row i of the packed upper triangle starts after rows 0..i-1, of lengths p, p-1, ...
    return i * columns - i * (i - 1) / 2 + (j - i);
  }
}
