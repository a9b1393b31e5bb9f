package io.casinoperf.gate.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import io.casinoperf.run.RunRecord;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GateSettingsTest {

  private static final RunRecord.ServiceLevels RECORDED = new RunRecord.ServiceLevels(350, 0.5,
      Map.of("Wallet / Deposit", new RunRecord.RequestServiceLevel(120, 0.25)),
      List.of("Wallet / Reconcile platform ledger"));

  @Test
  void theRecordsWholeRunSloReplacesTheSettingsAndItsPercentBecomesARate() {
    GateSettings settings = GateSettings.defaults().withServiceLevels(RECORDED);

    assertThat(settings.serviceLevel()).isEqualTo(new ServiceLevel(350, 0.005));
    assertThat(settings.serviceLevelFor("Lobby / Login")).isEqualTo(new ServiceLevel(350, 0.005));
  }

  @Test
  void perRequestSlosAndUntimedRequestsAreAddedToThoseAlreadySet() {
    GateSettings before = new GateSettings(0.95, 0.1, 7, 500, 0.002, ServiceLevel.HANDBOOK,
        Map.of("Spins / Spin", new ServiceLevel(90, 0.02)))
        .withUntimed(List.of("Wallet / Audit"));

    GateSettings after = before.withServiceLevels(RECORDED);

    assertThat(after.serviceLevelFor("Wallet / Deposit")).isEqualTo(new ServiceLevel(120, 0.0025));
    assertThat(after.serviceLevelFor("Spins / Spin")).isEqualTo(new ServiceLevel(90, 0.02));
    assertThat(after.untimed())
        .containsExactlyInAnyOrder("Wallet / Audit", "Wallet / Reconcile platform ledger");
  }

  @Test
  void theStatisticalSettingsAndTheBaselineRequirementAreKept() {
    GateSettings before = new GateSettings(0.95, 0.1, 7, 500, 0.002, ServiceLevel.HANDBOOK,
        Map.of()).withRequiredBaseline();

    GateSettings after = before.withServiceLevels(RECORDED);

    assertThat(after.confidence()).isEqualTo(0.95);
    assertThat(after.tolerance()).isEqualTo(0.1);
    assertThat(after.minEffectMillis()).isEqualTo(7);
    assertThat(after.minSamples()).isEqualTo(500);
    assertThat(after.minErrorRateIncrease()).isEqualTo(0.002);
    assertThat(after.requireBaseline()).isTrue();
  }
}
