package io.casinoperf.simulations.run;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.casinoperf.simulations.settings.RunSettings;
import org.junit.jupiter.api.Test;

class RunContextTest {

  @Test
  void aBadSettingOutsideGatlingsLauncherIsAnExceptionForTheCallerNotTheEndOfTheJvm() {
    String before = System.getProperty("scale");
    System.setProperty("scale", "abc");
    try {
      // Were this to exit the JVM, the test run would end here with no report.
      assertThatThrownBy(() -> RunContext.open(RunContextTest.class, "flashSpinPeak", profile -> profile))
          .isInstanceOf(RunSettings.InvalidSettingException.class)
          .hasMessage("-Dscale=abc: expected a number > 0");
    } finally {
      if (before == null) {
        System.clearProperty("scale");
      } else {
        System.setProperty("scale", before);
      }
    }
  }

  @Test
  void onlyTheFlashPeakReplaysARehearsalAndOthersRefuseItBeforeAnyLoad(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("rehearsal.json"),
        "{\"schema\": \"casinoperf-rehearsal/1\", \"forecast\": {\"id\": \"00aa\"}}");

    assertThatThrownBy(() -> RunContext.open(RunContextTest.class, java.util.Map.of("rehearsal", file.toString()),
        java.util.Map.of(), "walletTraffic", profile -> profile))
        .isInstanceOf(RunSettings.InvalidSettingException.class)
        .hasMessage("-Drehearsal: only the flash-peak simulation replays a rehearsal profile, not RunContextTest"
            + " (give -Dgatling.simulationClass=io.casinoperf.simulations.FlashSpinPeakSimulation)");
  }
}
