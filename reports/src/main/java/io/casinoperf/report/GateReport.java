package io.casinoperf.report;

import io.casinoperf.gate.history.Baselines;
import io.casinoperf.gate.stats.PercentileChange;
import io.casinoperf.gate.summary.RequestStats;
import io.casinoperf.gate.summary.RunSummary;
import io.casinoperf.gate.verdict.RequestVerdict;
import io.casinoperf.gate.verdict.RunVerdict;
import io.casinoperf.gate.verdict.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything the gate's outputs show, computed once: the JSON verdict is this model as it is; the
 * JUnit XML, Markdown and console table render it.
 *
 * @param verdict pass, improvement, inconclusive or regression
 * @param reason one sentence: the deciding check of the worst request
 * @param exitCode what the command exits with
 * @param requests all requests first, then each request, worst first
 * @param baseline what the candidate was compared with; null when there was no baseline
 * @param requestsToDetectTenPercent responses per side for an 80 % chance to flag +10 % p99; null
 *     when it cannot be estimated (no baseline)
 */
public record GateReport(
    String verdict,
    String reason,
    int exitCode,
    Candidate candidate,
    Baseline baseline,
    Settings settings,
    List<Request> requests,
    Long requestsToDetectTenPercent) {

  public record Candidate(String id, String label, String simulation, String start, String end,
      boolean partial, List<String> warnings) {}

  public record Baseline(String description, List<String> runIds, List<String> differences) {}

  public record Settings(double confidence, double tolerance, long minEffectMillis,
      long minSamples, double minErrorRateIncrease, long sloP99Millis, double sloErrorRate,
      String correction) {}

  /** One check of one request: which rule decided it, and why. */
  public record Check(String name, String verdict, String rule, String reason) {}

  public record Percentile(double percentile, long candidateMillis, Long baselineMillis,
      Double change, Double changeLower, Double changeUpper) {}

  public record Request(String path, String verdict, long candidateCount, long baselineCount,
      double candidateErrorRate, Double baselineErrorRate, List<Percentile> percentiles,
      List<Check> checks) {

    /** The p99 row. */
    public Percentile p99() {
      return percentiles.stream().filter(p -> p.percentile() == 99).findFirst().orElseThrow();
    }
  }

  public static GateReport of(RunVerdict verdict, RunSummary candidate, String candidateId,
      String label, Optional<Baselines.Baseline> baseline, boolean inconclusiveFails) {
    List<Request> rows = new ArrayList<>();
    rows.add(request(verdict.allRequests(), candidate, verdict.settings().confidence()));
    for (RequestVerdict request : verdict.requests()) {
      rows.add(request(request, candidate, verdict.settings().confidence()));
    }
    var s = verdict.settings();
    return new GateReport(
        verdict.overall().label(),
        reason(verdict),
        verdict.exitCode(inconclusiveFails),
        new Candidate(candidateId, label, candidate.simulationClass(), candidate.start().toString(),
            candidate.end().toString(), candidate.partial(), candidate.warnings()),
        baseline.map(b -> new Baseline(b.describe(),
            b.runs().stream().map(r -> r.id()).toList(), b.differences())).orElse(null),
        new Settings(s.confidence(), s.tolerance(), s.minEffectMillis(), s.minSamples(),
            s.minErrorRateIncrease(), s.serviceLevel().p99Millis(), s.serviceLevel().maxErrorRate(),
            "Holm-Bonferroni over every p99 and error-rate check of the run"),
        rows,
        verdict.requestsToDetectTenPercent().isPresent()
            ? verdict.requestsToDetectTenPercent().getAsLong()
            : null);
  }

  private static String reason(RunVerdict verdict) {
    List<RequestVerdict> all = new ArrayList<>();
    all.add(verdict.allRequests());
    all.addAll(verdict.requests());
    for (RequestVerdict request : all) {
      Verdict worst = request.overall();
      if (worst.severity() == verdict.overall().severity() && worst.severity() > 0) {
        return request.path() + ": " + worst.reason();
      }
    }
    return "no request slower or failing more than the baseline beyond tolerance; SLOs met";
  }

  private static Request request(RequestVerdict verdict, RunSummary candidate, double confidence) {
    List<Percentile> percentiles = new ArrayList<>();
    if (verdict.percentiles().isEmpty()) {
      RequestStats stats = verdict.path().equals(io.casinoperf.gate.verdict.Gate.ALL_REQUESTS)
          ? candidate.all()
          : candidate.requests().entrySet().stream()
              .filter(e -> e.getKey().path().equals(verdict.path()))
              .map(java.util.Map.Entry::getValue)
              .findFirst()
              .orElse(null);
      for (double p : io.casinoperf.gate.verdict.GateSettings.REPORTED_PERCENTILES) {
        percentiles.add(new Percentile(p, stats == null ? 0 : stats.percentileMillis(p), null, null,
            null, null));
      }
    }
    for (PercentileChange change : verdict.percentiles()) {
      var interval = change.interval(confidence);
      percentiles.add(new Percentile(change.candidate().percentile(),
          change.candidate().valueMillis(), change.baseline().valueMillis(),
          change.relativeChange(), interval.lower(), interval.upper()));
    }
    List<Check> checks = List.of(
        check("p99 vs baseline", verdict.latency()),
        check("error rate vs baseline", verdict.errors()),
        check("SLO", verdict.serviceLevel()));
    return new Request(verdict.path(), verdict.overall().label(), verdict.candidateCount(),
        verdict.baselineCount(), verdict.candidateErrorRate(),
        verdict.errorRate().map(e -> e.baselineShare()).orElse(null), percentiles, checks);
  }

  private static Check check(String name, Verdict verdict) {
    return new Check(name, verdict.label(), verdict.rule().name(), verdict.reason());
  }
}
