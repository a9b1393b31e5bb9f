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
}
