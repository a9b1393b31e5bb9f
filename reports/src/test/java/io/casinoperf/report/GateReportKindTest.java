package io.casinoperf.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.casinoperf.gate.verdict.Rule;
import io.casinoperf.gate.verdict.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The report reads a check's label back as a type; every verdict's label must map to its own kind. */
class GateReportKindTest {
  @Test
  void everyVerdictsLabelReadsBackAsItsOwnKind() {
    Rule rule = Rule.values()[0];
    List<Verdict> verdicts = List.of(new Verdict.NotApplicable(rule, ""), new Verdict.Pass(rule, ""),
        new Verdict.Improvement(rule, ""), new Verdict.Inconclusive(rule, ""),
        new Verdict.NoBaseline(rule, ""), new Verdict.Regression(rule, ""),
        new Verdict.Aborted(rule, ""), new Verdict.Invalid(rule, ""));

    assertThat(verdicts.stream().map(v -> GateReport.Kind.of(v.label())).distinct())
        .hasSize(GateReport.Kind.values().length);
    for (Verdict v : verdicts) {
      GateReport.Kind kind = GateReport.Kind.of(v.label());
      assertThat(kind.label()).isEqualTo(v.label());
      assertThat(kind.ordinal() - 1).as("ordered as %s's severity", v.label()).isEqualTo(v.severity());
    }
  }

  @Test
  void aLabelFromANewerFileIsNotApplicableRatherThanACrash() {
    assertThat(GateReport.Kind.of("something new")).isEqualTo(GateReport.Kind.NOT_APPLICABLE);
  }
}
