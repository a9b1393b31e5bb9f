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
    int p = terms.columns;
    double[] row = new double[p];
    for (int chunk = 0; chunk < chunks; chunk++) {
      double[] xxc = m.xx[chunk + 1];
      double[] xyc = m.xy[chunk + 1];
      double[] xylc = m.xyLog[chunk + 1];
      System.arraycopy(m.xx[chunk], 0, xxc, 0, m.packed);
      System.arraycopy(m.xy[chunk], 0, xyc, 0, p);
      System.arraycopy(m.xyLog[chunk], 0, xylc, 0, p);
      double yyc = m.yy[chunk];
      double yylc = m.yyLog[chunk];
      long n = m.count[chunk];
      long atOrBelowZero = m.nonPositive[chunk];
      int end = Math.min(slots, (chunk + 1) * slotsPerChunk);
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
      m.yy[chunk + 1] = yyc;
      m.yyLog[chunk + 1] = yylc;
      m.count[chunk + 1] = n;
      m.nonPositive[chunk + 1] = atOrBelowZero;
    }
    return m;
  }

  /** Whether the log models can be fitted on chunks [from, to): no value there at or below 0. */
  boolean logAvailable(int from, int to) {
    return nonPositive[to] == nonPositive[from];
  }

  long count(int from, int to) {
    return count[to] - count[from];
  }

  /** {@code XᵀX} over chunks [from, to) restricted to {@code cols}, upper triangle filled. */
  double[][] xtx(int from, int to, int[] cols) {
    double[][] out = new double[cols.length][cols.length];
    for (int i = 0; i < cols.length; i++) {
      for (int j = i; j < cols.length; j++) {
        int k = index(cols[i], cols[j]);
        out[i][j] = xx[to][k] - xx[from][k];
      }
    }
    return out;
  }

  double diagonal(int from, int to, int col) {
    int k = index(col, col);
    return xx[to][k] - xx[from][k];
  }

  double[] xty(int from, int to, int[] cols, boolean log) {
    double[][] source = log ? xyLog : xy;
    double[] out = new double[cols.length];
    for (int i = 0; i < cols.length; i++) {
      out[i] = source[to][cols[i]] - source[from][cols[i]];
    }
    return out;
  }

  double yty(int from, int to, boolean log) {
    return log ? yyLog[to] - yyLog[from] : yy[to] - yy[from];
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

  private int index(int a, int b) {
    int i = Math.min(a, b);
    int j = Math.max(a, b);
    // Row i of the packed upper triangle starts after rows 0..i-1, of lengths p, p-1, ...
    return i * columns - i * (i - 1) / 2 + (j - i);
  }
}
