package io.casinoperf.cli;

import io.casinoperf.gate.log.SimulationLogMerge;
import io.casinoperf.gate.record.RecordedRun;
import io.casinoperf.run.RunRecordException;
import io.casinoperf.run.RunRecords;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code casinoperf merge-logs}: one {@code simulation.log} from the logs of a sharded run's
 * injectors, so that Gatling's reports-only mode draws one report of the whole run.
 */
@Command(
    name = "merge-logs",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Merges the simulation.log files of a sharded run into one.",
      "The logs of one run's injectors (-Dshard=i/n) go into DIR/simulation.log, in time order, on "
          + "the clock of the injector that started first; their run records (run.json) into "
          + "DIR/run.json, refusing shards of different runs.",
      "Then prints the command that makes Gatling's own report of the merged run in DIR.",
      "Exit codes: 0 merged, 2 bad input."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  casinoperf merge-logs shard-1/simulation.log shard-2/simulation.log \\",
      "      --out merged-run",
      "  casinoperf merge-logs injector-1/gatling injector-2/gatling \\",
      "      --out merged-run --force"
    })
final class MergeLogsCommand implements Callable<Integer> {
  private static final Pattern PLAIN_ARGUMENT = Pattern.compile("[A-Za-z0-9_./:=@%+,-]+");

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "LOG",
      description = "simulation.log files of the run (one per injector), Gatling run folders, or "
          + "results folders whose newest run is taken")
  List<Path> inputs;

  @Option(names = "--out", required = true, paramLabel = "DIR",
      description = "folder for the merged simulation.log; Gatling's report is written there too")
  Path out;

  @Option(names = "--force", description = "replace DIR/simulation.log if it exists")
  boolean force;

  @Override
  public Integer call() throws IOException {
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw new CasinoPerf.UserInputException(out + ": not a folder");
    }
    Path target = out.resolve(LogInputs.LOG);
    if (Files.exists(target) && !force) {
      throw new CasinoPerf.UserInputException(target + " exists; give --force to replace it");
    }
    PrintWriter err = spec.commandLine().getErr();
    List<Path> logs = LogInputs.resolve(inputs);
    RecordedRun recorded;
    try {
      recorded = RecordedRun.beside(logs);
    } catch (RunRecordException e) {
      throw new CasinoPerf.UserInputException(e.getMessage());
    }
    // Nothing is printed before every log has been read: a refused log is the only line.
    SimulationLogMerge.MergedLog merged = SimulationLogMerge.merge(logs, target);
    recorded.merged().ifPresent(record -> RunRecords.write(RunRecords.fileFor(target), record));
    logs.forEach(log -> err.println("read " + log));
    merged.warnings().forEach(warning -> err.println("warning: " + warning));
    err.flush();

    PrintWriter stdout = spec.commandLine().getOut();
    stdout.println("merged " + logs.size() + (logs.size() == 1 ? " log" : " logs") + " of "
        + merged.header().simulationClass() + " (" + merged.records() + " records) into " + target);
    stdout.println("Gatling's report of the merged run, from the repository root:");
    stdout.println("  ./mvnw gatling:test -Dgatling.reportsOnly="
        + shellWord(out.toAbsolutePath().normalize().toString()));
    stdout.flush();
    return 0;
  }

  /** The argument as a POSIX shell reads it back: quoted only when it needs to be. */
  private static String shellWord(String text) {
    if (PLAIN_ARGUMENT.matcher(text).matches()) {
      return text;
    }
    return "'" + text.replace("'", "'\\''") + "'";
  }
}
