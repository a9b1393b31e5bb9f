package io.casinoperf.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** Renders a {@link GateReport} as JSON, JUnit XML, Markdown and a console table. */
public final class GateReportWriters {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  /**
   * A writer for the report type, made with the class: Jackson builds the serializers of the
   * report's records when the writer is made (a tenth of a second in a fresh JVM), so a thread
   * that loads this class early takes that off the command's path.
   */
  private static final ObjectWriter REPORT_JSON = JSON.writerFor(GateReport.class);

  private GateReportWriters() {}

  /** The model as it is: the documented verdict.json. */
  public static String json(GateReport report) {
    try {
      return REPORT_JSON.writeValueAsString(report) + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * One test case per request and check, so CI systems list them natively: a regression is a
   * failure, an inconclusive check is skipped (or a failure when inconclusive fails the gate). A
   * verdict on the run as a whole adds one test case "run": a failure when the circuit breaker
   * stopped the run, an error when the injector made it invalid (then no request check is judged:
   * each is skipped), skipped when a log was cut off (a failure when inconclusive fails the gate),
   * a failure when a baseline was required and there was none.
   */
  public static String junitXml(GateReport report, boolean inconclusiveFails) {
    StringWriter out = new StringWriter();
    try {
      XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
      GateReport.Check run = report.run();
      boolean invalid = run != null && run.kind() == GateReport.Kind.INVALID;
      String runElement = run == null ? null
          : invalid ? "error"
          : run.kind() == GateReport.Kind.INCONCLUSIVE && !inconclusiveFails ? "skipped" : "failure";
      int tests = run == null ? 0 : 1;
      int failures = "failure".equals(runElement) ? 1 : 0;
      int errors = invalid ? 1 : 0;
      int skipped = "skipped".equals(runElement) ? 1 : 0;
      for (GateReport.Request request : report.requests()) {
        for (GateReport.Check check : request.checks()) {
          tests++;
          if (invalid) {
            skipped++;
          } else if (failed(check, inconclusiveFails)) {
            failures++;
          } else if (check.kind() == GateReport.Kind.INCONCLUSIVE || notApplicable(check)) {
            skipped++;
          }
        }
      }
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeCharacters("\n");
      xml.writeStartElement("testsuite");
      xml.writeAttribute("name", "casinoperf gate: " + report.candidate().simulation());
      xml.writeAttribute("tests", Integer.toString(tests));
      xml.writeAttribute("failures", Integer.toString(failures));
      xml.writeAttribute("errors", Integer.toString(errors));
      xml.writeAttribute("skipped", Integer.toString(skipped));
      xml.writeCharacters("\n");
      if (run != null) {
        xml.writeCharacters("  ");
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", "run");
        xml.writeAttribute("name", invalid ? "injector healthy"
            : run.kind() == GateReport.Kind.ABORTED ? "ran to its end"
            : run.rule().equals("DRIFT") ? "p99 steady across runs"
            : run.rule().equals("MONEY_MISMATCH") ? "every wallet reconciles"
            : run.rule().equals("NO_BASELINE") ? "compared with a baseline" : "logs complete");
        xml.writeStartElement(runElement);
        if (!runElement.equals("skipped")) {
          xml.writeAttribute("type", run.rule());
        }
        xml.writeAttribute("message", run.reason());
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeCharacters("\n");
      }
      for (GateReport.Request request : report.requests()) {
        for (GateReport.Check check : request.checks()) {
          xml.writeCharacters("  ");
          xml.writeStartElement("testcase");
          xml.writeAttribute("classname", request.path());
          xml.writeAttribute("name", check.name());
          if (invalid) {
            xml.writeStartElement("skipped");
            xml.writeAttribute("message", "not judged: the run is invalid (" + run.reason() + ")");
            xml.writeEndElement();
          } else if (failed(check, inconclusiveFails)) {
            xml.writeStartElement("failure");
            xml.writeAttribute("type", check.rule());
            xml.writeAttribute("message", check.reason());
            xml.writeEndElement();
          } else if (check.kind() == GateReport.Kind.INCONCLUSIVE) {
            xml.writeStartElement("skipped");
            xml.writeAttribute("message", check.rule() + ": " + check.reason());
            xml.writeEndElement();
          } else if (notApplicable(check)) {
            xml.writeStartElement("skipped");
            xml.writeAttribute("message", "n/a: " + check.reason());
            xml.writeEndElement();
          } else {
            xml.writeStartElement("system-out");
            xml.writeCharacters(check.verdict() + " (" + check.rule() + "): " + check.reason());
            xml.writeEndElement();
          }
          xml.writeEndElement();
          xml.writeCharacters("\n");
        }
      }
      xml.writeEndElement();
      xml.writeCharacters("\n");
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
    return out.toString();
  }

  /** A check that does not apply (e.g. an SLO of one phase) and was not made. */
  private static boolean notApplicable(GateReport.Check check) {
    return check.kind() == GateReport.Kind.NOT_APPLICABLE;
  }

  private static boolean failed(GateReport.Check check, boolean inconclusiveFails) {
    return check.kind() == GateReport.Kind.REGRESSION
        || (inconclusiveFails && check.kind() == GateReport.Kind.INCONCLUSIVE);
  }

  /** A summary for a pull-request comment. */
  public static String markdown(GateReport report) {
    StringBuilder md = new StringBuilder();
    StringBuilder noBaseline = new StringBuilder();
    if (report.noBaseline() != null) {
      noBaseline.append("> **").append(report.noBaseline().headline()).append("**  \n> A baseline shares ")
          .append(report.noBaseline().keysLine()).append('\n');
      report.noBaseline().nearest().forEach(n -> noBaseline.append("> - differs: ").append(n).append('\n'));
      noBaseline.append('\n');
    }
    boolean warningFirst = noBaselineFirst(report);
    if (warningFirst) {
      md.append(noBaseline);
    }
    // A run that failed for its own reason says that reason first, then that it had no baseline.
    md.append("### Release gate: **").append(report.verdict()).append("**\n\n");
    md.append(report.reason()).append("\n\n");
    if (!warningFirst) {
      md.append(noBaseline);
    }
    md.append("Candidate ").append(report.candidate().label().isEmpty() ? report.candidate().id()
        : report.candidate().label()).append(" (`").append(report.candidate().simulation())
        .append("`)");
    if (report.baseline() == null) {
      md.append(", no baseline: SLOs only.\n\n");
    } else {
      md.append(" against ").append(report.baseline().description()).append(".\n\n");
      for (String difference : report.baseline().differences()) {
        md.append("- differs from the baseline: ").append(difference).append('\n');
      }
      if (!report.baseline().differences().isEmpty()) {
        md.append('\n');
      }
    }
    md.append("| request | verdict | vs baseline | SLO | requests | errors | p50 | p95 | p99 | p99 change (interval the decision used) |\n");
    md.append("| --- | --- | :---: | :---: | ---: | ---: | ---: | ---: | ---: | --- |\n");
    for (GateReport.Request request : report.requests()) {
      md.append("| ").append(escape(request.path()))
          .append(" | ").append(request.verdict())
          .append(" | ").append(request.baselineMark())
          .append(" | ").append(request.sloMark())
          .append(" | ").append(request.candidateCount())
          .append(request.baselineCount() > 0 ? " vs " + request.baselineCount() : "")
          .append(" | ").append(percent(request.candidateErrorRate()))
          .append(request.baselineErrorRate() == null ? "" : " vs " + percent(request.baselineErrorRate()));
      for (double p : new double[] {50, 95, 99}) {
        md.append(" | ").append(millis(request, p));
      }
      md.append(" | ").append(change(request.p99()))
          .append(request.intervalConfidence() == null || request.p99().change() == null ? ""
              : " at " + io.casinoperf.gate.verdict.Percentages.confidence(request.intervalConfidence()))
          .append(" |\n");
    }
    md.append("\n✓ met, ✗ failed, ? inconclusive, – n/a: not compared (no baseline, or a request it"
        + " lacks)\n\n");
    for (GateReport.Request request : report.requests()) {
      for (GateReport.Check check : request.checks()) {
        if (check.kind() != GateReport.Kind.PASS && !notApplicable(check)) {
          md.append("- **").append(escape(request.path())).append("**, ").append(check.name())
              .append(": ").append(check.verdict()).append(" by rule `").append(check.rule())
              .append("`: ").append(check.reason()).append('\n');
        }
      }
    }
    if (report.requests().stream().flatMap(r -> r.checks().stream())
        .anyMatch(c -> c.kind() != GateReport.Kind.PASS && !notApplicable(c))) {
      md.append('\n');
    }
    if (report.requestsToDetectTenPercent() != null) {
      md.append("To detect a 10 % p99 change, run ≥ ")
          .append(String.format(Locale.ROOT, "%,d", report.requestsToDetectTenPercent()))
          .append(" requests per side.\n");
    }
    for (String warning : report.candidate().warnings()) {
      md.append("\n> ").append(warning).append('\n');
    }
    if (report.errors() != null && !report.errors().isEmpty()) {
      md.append("\n**Errors** (candidate").append(report.baseline() == null ? "" : " vs baseline")
          .append("): ");
      List<String> errors = new java.util.ArrayList<>();
      for (GateReport.ErrorRow error : report.errors().subList(0, Math.min(5, report.errors().size()))) {
        errors.add("`" + error.message().replace("`", "'") + "` " + error.candidate()
            + (error.baseline() == null ? "" : " vs " + error.baseline()));
      }
      md.append(String.join("; ", errors)).append('\n');
    }
    if (report.conditions() != null && !report.conditions().whatRan().isEmpty()) {
      md.append("\n**What ran:** ");
      List<String> facts = new java.util.ArrayList<>();
      for (GateReport.Fact fact : report.conditions().whatRan()) {
        facts.add(fact.name() + " " + fact.value());
      }
      md.append(String.join(" · ", facts)).append('\n');
    }
    md.append('\n').append(conditions(report)).append('\n');
    return md.toString();
  }

  /** One screen for a terminal: the verdict, then the requests, worst first. */
  public static String consoleTable(GateReport report) {
    StringBuilder out = new StringBuilder();
    StringBuilder noBaseline = new StringBuilder();
    if (report.noBaseline() != null) {
      noBaseline.append("WARNING ").append(report.noBaseline().headline()).append('\n');
      noBaseline.append("  a baseline shares ").append(report.noBaseline().keysLine()).append('\n');
      report.noBaseline().nearest().forEach(n -> noBaseline.append("  differs: ").append(n).append('\n'));
    }
    boolean warningFirst = noBaselineFirst(report);
    if (warningFirst) {
      out.append(noBaseline);
    }
    out.append(report.verdict().toUpperCase(Locale.ROOT)).append(": ").append(report.reason()).append('\n');
    if (!warningFirst) {
      out.append(noBaseline);
    }
    if (report.baseline() != null) {
      out.append("baseline: ").append(report.baseline().description()).append('\n');
      report.baseline().differences().forEach(d -> out.append("  differs: ").append(d).append('\n'));
    } else {
      out.append("baseline: none, SLOs only\n");
    }
    String row = "%-40s %-12s %-4s %-3s %9s %8s %7s %7s %7s  %s%n";
    out.append(String.format(Locale.ROOT, row, "request", "verdict", "base", "SLO", "requests",
        "errors", "p50", "p95", "p99", "p99 change"));
    List<GateReport.Request> requests = report.requests();
    for (GateReport.Request request : requests) {
      out.append(String.format(Locale.ROOT, row, truncate(request.path(), 40), request.verdict(),
          request.baselineMark(), request.sloMark(),
          request.candidateCount(), percent(request.candidateErrorRate()), millis(request, 50),
          millis(request, 95), millis(request, 99), change(request.p99())));
    }
    if (report.requestsToDetectTenPercent() != null) {
      out.append(String.format(Locale.ROOT, "to detect a 10 %% p99 change, run >= %,d requests per side%n",
          report.requestsToDetectTenPercent()));
    }
    report.candidate().warnings().forEach(w -> out.append("warning: ").append(w).append('\n'));
    out.append(conditions(report)).append('\n');
    // A rehearsal's p99 against the forecast's prediction, the reason it ran; the other outputs
    // have it among what ran.
    report.conditions().whatRan().stream().filter(f -> f.name().equals("rehearsal")).findFirst()
        .ifPresent(f -> out.append("rehearsal: ").append(f.value()).append('\n'));
    return out.toString();
  }

  /**
   * Whether a missing baseline is the first thing said: when the verdict would otherwise read as
   * nothing wrong (pass, improvement, inconclusive). When the run failed, its cause comes first and
   * the missing baseline right after it.
   */
  private static boolean noBaselineFirst(GateReport report) {
    return io.casinoperf.gate.verdict.Outcome.ofLabel(report.verdict())
        .map(o -> o.passed() || o == io.casinoperf.gate.verdict.Outcome.INCONCLUSIVE)
        .orElse(true);
  }

  /** Where comparability and SLOs came from, and the injector's health, in one or two lines. */
  static String conditions(GateReport report) {
    GateReport.Conditions c = report.conditions();
    StringBuilder text = new StringBuilder();
    if (c.recorded()) {
      text.append("run record: comparability and SLOs from run.json");
      if (c.shards().size() > 1) {
        text.append(" (shards ").append(String.join(", ", c.shards())).append(')');
      }
      if (c.injectorHealth() != null) {
        text.append("\n").append(c.injectorHealth());
      }
    } else {
      text.append("note: ").append(c.source());
    }
    if (c.noise() != null) {
      text.append("\n").append(c.noise());
    }
    return text.toString();
  }

  private static String millis(GateReport.Request request, double percentile) {
    return request.percentiles().stream()
        .filter(p -> p.percentile() == percentile)
        .findFirst()
        .map(p -> p.candidateMillis() + " ms")
        .orElse("");
  }

  private static String change(GateReport.Percentile p99) {
    if (p99.change() == null) {
      return "n/a";
    }
    return String.format(Locale.ROOT, "%+.1f %% (%+.1f..%+.1f)", 100 * p99.change(),
        100 * p99.changeLower(), 100 * p99.changeUpper());
  }

  private static String percent(double share) {
    return String.format(Locale.ROOT, "%.2f %%", 100 * share);
  }

  private static String escape(String text) {
    return text.replace("|", "\\|");
  }

  private static String truncate(String text, int width) {
    return text.length() <= width ? text : text.substring(0, width - 1) + "…";
  }
}
