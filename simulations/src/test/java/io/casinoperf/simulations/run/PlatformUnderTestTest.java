package io.casinoperf.simulations.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.casinoperf.simulations.settings.RunSettings;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The embedded platform on the port a run gives it, and one line when that port is taken. */
class PlatformUnderTestTest {
  @Test
  void theEmbeddedPlatformListensOnTheGivenPortOrSaysWhyItCannot() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = free.getLocalPort();
    }
    try (PlatformUnderTest platform = PlatformUnderTest.start(
        RunSettings.from(Map.of("platform.port", Integer.toString(port))))) {
      assertThat(platform.baseUrl().getPort()).isEqualTo(port);
      assertThat(platform.embedded()).isTrue();
    }

    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      RunSettings settings = RunSettings.from(Map.of("platform.port", Integer.toString(taken.getLocalPort())));
      assertThatThrownBy(() -> PlatformUnderTest.start(settings))
          .isInstanceOf(RunSettings.InvalidSettingException.class)
          .hasMessageStartingWith("-Dplatform.port=" + taken.getLocalPort()
              + ": the embedded platform cannot listen on it (");
    }
  }
}
