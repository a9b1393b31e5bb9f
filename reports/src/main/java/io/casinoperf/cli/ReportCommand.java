package io.casinoperf.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.casinoperf.capacity.forecast.CapacityForecast;
import io.casinoperf.capacity.forecast.Finding;
import io.casinoperf.report.CapacityHtml;
import io.casinoperf.report.GateHtml;
import io.casinoperf.report.GateReport;
import io.casinoperf.report.RunTrend;
import io.casinoperf.report.TrendHtml;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code casinoperf report trend|capacity|gate}: HTML reports from stored results, without judging or
 * forecasting again. One nested class per report; each writes one self-contained file.
 */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    synopsisSubcommandLabel = "COMMAND",
    description = {
      "Writes an HTML report from stored results.",
      "The trend of the run history, a capacity forecast's forecast.json, or a gate's verdict.json."
    },
    subcommands = {ReportCommand.Trend.class, ReportCommand.Capacity.class, ReportCommand.Gate.class},
    footerHeading = "%nExamples:%n",
    footer = {
      "  casinoperf report trend --history casinoperf-history --out trend-report",
      "  casinoperf report trend --simulation FlashSpinPeakSimulation --charts 0",
      "  casinoperf report capacity forecast-report/forecast.json",
      "  casinoperf report gate gate-report/verdict.json --out gate-report"
    })
final class ReportCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  /** No command: the list of reports, as a usage error. */
  @Override
  public Integer call() {
    return UsageErrors.listCommands(spec);
  }

  /**
   * Reads a JSON file this tool wrote: exactly one document, each key once. Anything after the
   * document or a key given twice (one would silently win) is refused at its line and column.
   */
  static final ObjectMapper STRICT_JSON = JsonMapper.builder()
      .addModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  /** What every report does at the end: write its file whole, and say where. */
  abstract static class Report implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    void write(Path file, String html) throws IOException {
      OutputFiles.write(file, html);
      PrintWriter out = spec.commandLine().getOut();
      out.println("wrote " + file);
      out.flush();
    }

    PrintWriter err() {
      return spec.commandLine().getErr();
    }
  }

  @Command(name = "trend", mixinStandardHelpOptions = true, sortOptions = false,
      description = {
        "p99 and error rate across the stored runs of one simulation.",
        "One point per run and request, regressions and passes marked, with a table of the runs "
            + "linked to their gate.html (docs/REPORTS.md).",
        "Writes trend.html. Exit codes: 0 written, 2 bad input (empty history, unknown simulation)."
      })
  static final class Trend extends Report {
    @Option(names = "--history", defaultValue = "casinoperf-history", paramLabel = "DIR",
        description = "run history folder (default: ${DEFAULT-VALUE})")
    Path history;

    @Option(names = "--simulation", paramLabel = "CLASS",
        description = "simulation class (or its simple name) whose runs to show "
            + "(default: the simulation of the newest run)")
    String simulation;

    @Option(names = "--charts", defaultValue = "12", paramLabel = "N",
        description = "chart all requests and the N busiest requests; 0 charts every request (default: ${DEFAULT-VALUE})")
    int charts;

    @Option(names = "--out", defaultValue = "trend-report", paramLabel = "DIR",
        description = "where trend.html goes (default: ${DEFAULT-VALUE})")
    Path out;

    @Override
    public Integer call() throws IOException {
      if (charts < 0) {
        throw new CasinoPerf.UserInputException("--charts=" + charts + ": expected 0 or more");
      }
      RunTrend trend = RunTrend.read(HistoryCommand.existing(history), Optional.ofNullable(simulation));
      trend.problems().forEach(problem -> err().println("warning: " + problem));
      err().println(trend.runs().size() + " runs of " + trend.simulation());
      write(out.resolve("trend.html"), TrendHtml.render(trend, charts, gateReports(trend)));
      return 0;
    }

    /** By run id, a link from the page to each run's gate.html that is still on disk. */
    private Map<String, String> gateReports(RunTrend trend) {
      Map<String, String> links = new HashMap<>();
      for (RunTrend.Run run : trend.runs()) {
        run.gateReport().filter(page -> Files.isRegularFile(Path.of(page)))
            .ifPresent(page -> links.put(run.record().id(), OutputFiles.link(out, page)));
      }
      return links;
    }
  }

  @Command(name = "capacity", mixinStandardHelpOptions = true, sortOptions = false,
      description = {
        "capacity.html again from a forecast.json the forecast command wrote.",
        "See docs/FORECAST.md. Exit codes: 0 written, 2 bad input (missing file, not a forecast.json)."
      })
  static final class Capacity extends Report {
    @Parameters(paramLabel = "FORECAST_JSON", description = "forecast.json of schema " + CapacityForecast.SCHEMA)
    Path forecast;

    @Option(names = "--out", defaultValue = "capacity-report", paramLabel = "DIR",
        description = "where capacity.html goes (default: ${DEFAULT-VALUE})")
    Path out;

    @Override
    public Integer call() throws IOException {
      write(out.resolve("capacity.html"), CapacityHtml.render(read(forecast)));
      return 0;
    }

    /**
     * A forecast.json read back.
     *
     * @throws CasinoPerf.UserInputException when the file is missing, not JSON, of another schema,
     *     or does not match the schema's layout
     */
    static CapacityForecast read(Path file) throws IOException {
      if (!Files.isRegularFile(file)) {
        throw new CasinoPerf.UserInputException(file + ": no such file");
      }
      try {
        JsonNode tree = STRICT_JSON.readTree(Files.readAllBytes(file));
        String schema = tree == null || !tree.isObject() || !tree.path("schema").isTextual() ? null
            : tree.get("schema").asText();
        if (!CapacityForecast.SCHEMA.equals(schema)) {
          throw new CasinoPerf.UserInputException(file + ": not a forecast.json (schema "
              + (schema == null ? "missing" : "'" + schema + "'") + ", expected " + CapacityForecast.SCHEMA + ")");
        }
        return STRICT_JSON.treeToValue(typedFindings((ObjectNode) tree), CapacityForecast.class);
      } catch (JsonProcessingException e) {
        throw new CasinoPerf.UserInputException(file + ": not a readable forecast.json" + where(e) + ": "
            + e.getOriginalMessage().lines().findFirst().orElse(""));
      }
    }

    /**
     * The tree with its findings typed: the words beside them ({@code assumptions}, {@code
     * warnings}) are dropped, as the report words the findings itself; a file written before
     * findings were typed has only the words, which become findings in words.
     */
    private static JsonNode typedFindings(ObjectNode tree) {
      ObjectNode out = tree.deepCopy();
      JsonNode assumptions = out.remove("assumptions");
      JsonNode warnings = out.remove("warnings");
      if (!out.has("findings")) {
        ArrayNode findings = out.putArray("findings");
        inWords(findings, Finding.Severity.WARNING, warnings);
        inWords(findings, Finding.Severity.ASSUMPTION, assumptions);
      }
      return out;
    }

    /** Each sentence of {@code words} (an array of text, or absent) as a {@code Text} finding. */
    private static void inWords(ArrayNode findings, Finding.Severity level, JsonNode words) {
      if (words != null) {
        for (JsonNode text : words) {
          findings.addObject().put("kind", "Text").put("level", level.name()).set("text", text);
        }
      }
    }

    /** The field path for a value of the wrong shape, else the line and column. */
    static String where(JsonProcessingException e) {
      if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference r : m.getPath()) {
          path.append(r.getFieldName() != null ? "/" + r.getFieldName() : "/" + r.getIndex());
        }
        return " (at " + path + ")";
      }
      JsonLocation at = e.getLocation();
      return at == null || at.getLineNr() < 1 ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    }
  }

  @Command(name = "gate", mixinStandardHelpOptions = true, sortOptions = false,
      description = {
        "gate.html again from a verdict.json the gate command wrote.",
        "See docs/REPORTS.md. Exit codes: 0 written, 2 bad input (missing file, not a verdict.json)."
      })
  static final class Gate extends Report {
    @Parameters(paramLabel = "VERDICT_JSON", description = "verdict.json of a gate run")
    Path verdict;

    @Option(names = "--out", defaultValue = "gate-report", paramLabel = "DIR",
        description = "where gate.html goes (default: ${DEFAULT-VALUE})")
    Path out;

    @Override
    public Integer call() throws IOException {
      if (!Files.isRegularFile(verdict)) {
        throw new CasinoPerf.UserInputException(verdict + ": no such file");
      }
      GateReport report;
      try {
        JsonNode tree = STRICT_JSON.readTree(Files.readAllBytes(verdict));
        if (tree == null || !tree.isObject() || !tree.path("verdict").isTextual()
            || !tree.path("requests").isArray() || !tree.path("candidate").isObject()) {
          throw new CasinoPerf.UserInputException(verdict
              + ": not a verdict.json (expected the gate's verdict, candidate and requests)");
        }
        report = STRICT_JSON.treeToValue(tree, GateReport.class);
      } catch (JsonProcessingException e) {
        throw new CasinoPerf.UserInputException(verdict + ": not a readable verdict.json" + Capacity.where(e)
            + ": " + e.getOriginalMessage().lines().findFirst().orElse(""));
      }
      GateReport.GatlingReports gatling = report.gatlingReports() == null
          ? new GateReport.GatlingReports(null, null) : report.gatlingReports();
      write(out.resolve("gate.html"), GateHtml.render(report,
          OutputFiles.link(out, existing(gatling.candidate())), OutputFiles.link(out, existing(gatling.baseline()))));
      return 0;
    }

    private static String existing(String file) {
      return file != null && Files.isRegularFile(Path.of(file)) ? file : null;
    }
  }
}
