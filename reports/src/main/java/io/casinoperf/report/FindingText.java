package io.casinoperf.report;

import io.casinoperf.capacity.demand.PromotionEffect;
import io.casinoperf.capacity.forecast.Finding;
import io.casinoperf.capacity.series.Timestamps;
import java.util.List;
import java.util.Locale;

/**
 * A forecast's findings in words, as the console, capacity.html and forecast.json give them.
 * The sentences may name the command's options (a longer {@code --horizon}, a finer {@code
 * --step}): they are written for the person who ran it.
 */
public final class FindingText {
  private FindingText() {}

  /** Each finding's sentence, in order. */
  public static List<String> sentences(List<Finding> findings) {
    return findings.stream().map(FindingText::sentence).toList();
  }

  /** One finding in a sentence. */
  public static String sentence(Finding finding) {
    if (finding instanceof Finding.Text t) {
      return t.text();
    } else if (finding instanceof Finding.RepeatsDropped r) {
      String where = r.line() > 0 ? r.file() + ":" + r.line() + " repeats line " + r.firstLine()
          : r.file() + " at " + r.at();
      return f("%s: %d exact %s (same time, same value) dropped; the first: %s.", r.series(), r.count(),
          r.count() == 1 ? "repeat of a sample" : "repeats of samples", where);
    } else if (finding instanceof Finding.BacktestLoses b) {
      return f("Backtest: the model does NOT beat the seasonal-naive forecast (MASE %.2f vs %.2f):"
          + " treat its forecast with caution.", b.mase(), b.naiveMase());
    } else if (finding instanceof Finding.BacktestCoverage c) {
      return f("Backtest: the 90 %% intervals held %.0f %% of actual values; read the P90 and P99"
          + " figures with that in mind.", 100 * c.coverage90());
    } else if (finding instanceof Finding.BacktestSkipped s) {
      return "Backtest skipped: " + s.reason() + ".";
    } else if (finding instanceof Finding.WindowBeforeHistoryEnds w) {
      return "The planned window starts before the history ends (" + w.lastData() + ").";
    } else if (finding instanceof Finding.WindowBeyondHorizon w) {
      return f("The planned window starts %s after the history ends, beyond the %s horizon the"
          + " intervals were calibrated on: P90 and P99 are likely too narrow (a longer --horizon"
          + " calibrates further ahead).", Timestamps.span(w.gapSeconds()), Timestamps.span(w.horizonSeconds()));
    } else if (finding instanceof Finding.StepLongerThanWindow s) {
      return f("The step (%d s) is longer than the planned window (%d s): the forecast is of a step's"
          + " mean, not of the peak inside it; a finer --step (and finer data) shows the peak.",
          s.stepSeconds(), s.windowSeconds());
    } else if (finding instanceof Finding.AdditiveOnly a) {
      return a.series() + " has values at or below 0: only additive (linear-scale) models were tried.";
    } else if (finding instanceof Finding.RelationExtrapolated r) {
      return f("%s: P%.0f traffic %.4g is %.1f× the highest seen with it (%.4g); the relation is"
          + " extrapolated.", r.resource(), 100 * r.quantile(), r.traffic(), r.traffic() / r.highestSeen(),
          r.highestSeen());
    } else if (finding instanceof Finding.NoThroughputLimit) {
      return "The load-test steps show no throughput limit (κ = σ = 0): no node count from them.";
    } else if (finding instanceof Finding.UslPeakOutsideSteps u) {
      return f("The USL peak (%.3g users) lies outside the tested concurrencies (%.3g to %.3g): the"
          + " per-node maximum is extrapolated.", u.peakConcurrency(), u.lowest(), u.highest());
    } else if (finding instanceof Finding.UslMaximumAboveMeasured u) {
      return f("The USL maximum (%.4g/s per node) is %.1f× the highest throughput measured (%.4g/s).",
          u.maximum(), u.maximum() / u.measured(), u.measured());
    } else if (finding instanceof Finding.UslPoorFit u) {
      return f("The USL fits the load-test steps poorly (R² %.2f).", u.rSquared());
    } else if (finding instanceof Finding.HistoryAboveLimit h) {
      return f("%s: the history already reached %s %s%s at %s, above the limit of %s %s: check the"
          + " limit, or the platform already ran past it.", h.resource(), number(h.value()), h.unit(),
          h.perNode() ? " per node" : "", h.at(), number(h.limit()), h.unit());
    } else if (finding instanceof Finding.RunwayInsideWindow r) {
      return f("%s: organic growth alone fills today's capacity by %s (%s), before the planned window"
          + " ends: capacity runs out whatever the promotion brings.", r.resource(), r.day(), r.quantile());
    } else if (finding instanceof Finding.PlannerMultiplier p) {
      PromotionEffect past = p.pastEffect();
      return f("Traffic during %s is %.2f× organic traffic (the planner's multiplier%s).", p.window(),
          p.multiplier(), past == null ? "" : f("; past %s promotions did %.2f×, 90 %% CI %.2f–%.2f",
              p.type(), past.multiplier(), past.low90(), past.high90()));
    } else if (finding instanceof Finding.LearnedMultiplier l) {
      PromotionEffect e = l.effect();
      return f("Traffic during %s follows past %s promotions: %.2f× organic (90 %% CI %.2f–%.2f, from"
          + " %d points).", l.window(), l.type(), e.multiplier(), e.low90(), e.high90(), e.points());
    } else if (finding instanceof Finding.OrganicModel m) {
      return "Organic traffic follows the fitted model: " + m.model() + ".";
    } else if (finding instanceof Finding.DecisionQuantile d) {
      return f("Decisions are taken at P%.0f.", 100 * d.quantile());
    } else if (finding instanceof Finding.RateBasis r) {
      String basis = Timestamps.span(r.basisSeconds());
      return f("The traffic is counted per %s (%s); the load-test throughput per second is multiplied"
          + " by %d to compare with it.", basis, r.perStep() ? r.unit() + ", a unit that names no time:"
              + " per step of the series" : r.unit(), r.basisSeconds());
    } else if (finding instanceof Finding.NodeThroughput n) {
      return f("One application node carries %.0f %% of its USL maximum throughput, %.4g %s; N+%d.",
          100 * n.share(), n.perNode(), n.unit(), n.spares());
    } else if (finding instanceof Finding.PrometheusWarning w) {
      return w.series() + " from Prometheus at " + w.server() + ": " + w.text();
    } else if (finding instanceof Finding.RelationFromProbe p) {
      String why = p.historyUnusable() != null
          ? "history could not relate them (" + p.historyUnusable() + ")"
          : f("history saw it only up to %.4g and the decision's peak is %.4g", p.historyHighest(),
              p.decisionTraffic());
      return f("%s: related to traffic by the capacity probe's %d levels (up to %.4g in the traffic's"
          + " units), since %s.", p.resource(), p.levels(), p.probeHighest(), why);
    } else if (finding instanceof Finding.ResourceLimit r) {
      return f("%s: limit %s %s per %s, %d %s today, N+%d.", r.resource(), number(r.limit()), r.unit(),
          r.perNode() ? "node" : "instance", r.nodes(), r.perNode() ? "nodes" : "instance(s)",
          r.redundancy());
    } else if (finding instanceof Finding.QueueingModel q) {
      String measured = q.measuredAt() == null
          ? f("the USL's 1/λ, %.3g ms, since the load-test steps carry no mean_ms", q.lowLoadMillis())
          : f("%.3g ms measured at concurrency %s", q.lowLoadMillis(), number(q.measuredAt()));
      return f("The node count also keeps p%s within %s ms: each node a queue of %d worker%s of %.3g ms"
          + " (SCV %.2f%s; the probe's low-load response time: %s), the USL's contention folded into the"
          + " service time, %s.", number(q.percentile()), number(q.sloMillis()), q.workers(),
          q.workers() == 1 ? "" : "s", q.serviceMillis(), q.scv(), q.scvMeasured() ? "" : ", assumed exponential",
          measured, q.routing().equals("pooled") ? "all nodes taking from one queue (a least-connections balancer)"
              : "each node with a queue of its own and an even share of the arrivals");
    } else if (finding instanceof Finding.SloNotMet s) {
      return s.reachable()
          ? f("No count up to %,d nodes keeps p%s within %s ms: the traffic's nodes are sized on"
              + " throughput alone.", s.nodesTried(), number(s.percentile()), number(s.sloMillis()))
          : f("No node count keeps p%s within %s ms: the service time alone takes %.3g ms at p%s, so"
              + " only faster service helps; the traffic's nodes are sized on throughput alone.",
              number(s.percentile()), number(s.sloMillis()), s.serviceAloneMillis(), number(s.percentile()));
    }
    throw new IllegalArgumentException("a finding without words: " + finding);
  }

  private static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }

  /** A limit or a measured value as the capacity file would give it: whole numbers without ".0". */
  public static String number(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
  }
}
