package io.casinoperf.capacity.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccuracyTableTest {
  private static final String HEADER =
      "series,origin,timestamp,step,forecaster,actual,point,p05,p10,p50,p90,p95,scored\n";

  @TempDir Path folder;

  /**
   * Two origins of two steps; the project's errors are 1 and 3 at the first (MAE 2, scale 4: MASE
   * 0.5) and 2 and 2 at the second (MAE 2, scale 1: MASE 2), so its mean MASE is 1.25 — the mean
   * over origins, not the pooled MAE over a pooled scale. An unscored row counts for no one.
   */
  @Test
  void meanMaseIsTheMeanOfEachOriginsMaeOverItsOwnScale() throws IOException {
    write("forecasts.csv", HEADER
        + "s,o1,t1,1,casinoperf,10,11,0,5,11,20,30,true\n"
        + "s,o1,t2,2,casinoperf,10,13,0,5,13,20,30,true\n"
        + "s,o1,t3,3,casinoperf,10,99,0,5,99,20,30,false\n"
        + "s,o2,t4,1,casinoperf,20,22,0,5,22,30,40,true\n"
        + "s,o2,t5,2,casinoperf,20,18,0,5,18,30,40,true\n"
        + "s,o1,t1,1,seasonal-naive,10,10,0,5,10,20,30,true\n"
        + "s,o1,t2,2,seasonal-naive,10,14,0,5,14,20,30,true\n"
        + "s,o1,t3,3,seasonal-naive,10,14,0,5,14,20,30,false\n"
        + "s,o2,t4,1,seasonal-naive,20,21,0,5,21,30,40,true\n"
        + "s,o2,t5,2,seasonal-naive,20,21,0,5,21,30,40,true\n");
    writeScales(4, 1);

    AccuracyTable.Case c = AccuracyTable.score("case", folder);

    AccuracyTable.Score project = c.scores().get("casinoperf");
    assertThat(project.maseByOrigin()).containsEntry("o1", 0.5).containsEntry("o2", 2.0);
    assertThat(project.meanMase()).isCloseTo(1.25, within(1e-12));
    assertThat(project.pooled().points()).isEqualTo(4);
    // seasonal-naive: MAE 2 over 4 at o1 (0.5), MAE 1 over 1 at o2 (1.0): the worst origin ratio
    // of the project is 2 / 1 = 2 at o2.
    assertThat(c.scores().get("seasonal-naive").meanMase()).isCloseTo(0.75, within(1e-12));
    assertThat(project.worstToNaive()).isCloseTo(2.0, within(1e-12));
  }

  /**
   * Coverage on the top decile counts only the points whose actual value is at or above the 90th
   * percentile of all scored actual values; a peer's P90 peak is checked per origin.
   */
  @Test
  void topDecileCoverageAndPeaksLookAtTheHighestActualValuesOnly() throws IOException {
    StringBuilder rows = new StringBuilder(HEADER);
    StringBuilder peers = new StringBuilder(HEADER);
    for (int i = 1; i <= 10; i++) {
      // Actual values 1..10; the band [0, 9.5] holds all but the highest.
      rows.append("s,o1,t").append(i).append(',').append(i).append(",casinoperf,").append(i)
          .append(",5,0,0,5,9.5,12,true\n");
      rows.append("s,o1,t").append(i).append(',').append(i).append(",seasonal-naive,").append(i)
          .append(",5,0,0,5,20,21,true\n");
      peers.append("s,o1,t").append(i).append(',').append(i).append(",ets,").append(i)
          .append(",5,0,0,5,10,12,true\n");
    }
    write("forecasts.csv", rows.toString());
    write("peers.csv", peers.toString());
    writeScales(1);

    AccuracyTable.Case c = AccuracyTable.score("case", folder);

    assertThat(c.scores().get("casinoperf").pooled().coverage80()).isCloseTo(0.9, within(1e-12));
    assertThat(c.scores().get("casinoperf").topDecileCoverage80()).isEqualTo(0.0);
    assertThat(c.scores().get("casinoperf").topDecilePoints()).isEqualTo(1);
    assertThat(c.scores().get("casinoperf").peaksReached()).isZero();
    assertThat(c.scores().get("ets").topDecileCoverage80()).isEqualTo(1.0);
    assertThat(c.scores().get("ets").peaksReached()).isEqualTo(1);
    String markdown = AccuracyTable.markdown(List.of(c));
    assertThat(markdown).contains("| case | casinoperf | 90.0 % |").contains("| ets |")
        .contains("80 % coverage 90.0 % over all 10 points, 0.0 % over the 1 of each case's top decile");
  }

  private void writeScales(double... scales) throws IOException {
    StringBuilder csv = new StringBuilder("series,origin,forecaster,train_from,forecast_from,"
        + "forecast_to,season_seconds,mase_scale,points,mae,mape,smape,mase,coverage80,coverage90,"
        + "pinball,model\n");
    for (int i = 0; i < scales.length; i++) {
      csv.append("s,o").append(i + 1).append(",casinoperf,a,b,c,86400,").append(scales[i])
          .append(",0,0,0,0,0,0,0,0,m\n");
    }
    csv.append("s,all,casinoperf,,,,,,0,0,0,0,0,0,0,0,\n");
    write("scores.csv", csv.toString());
  }

  private void write(String name, String text) throws IOException {
    Files.writeString(folder.resolve(name), text);
  }
}
