package io.casinoperf.simulations;

import io.casinoperf.simulations.settings.RunSettings;
import static org.assertj.core.api.Assertions.assertThat;

import io.casinoperf.mocks.PlatformMock;
import io.casinoperf.mocks.PlatformMockConfig;
import io.casinoperf.mocks.wallet.WalletReconciliation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The players' password really comes from {@code CASINOPERF_PLAYER_PASSWORD} or {@code
 * -DplayerPasswordFile}: a platform that accepts only that password lets every player in, one that
 * is given another password lets nobody in, and the password shows in no output of the run
 * (console, simulation.log, Gatling's report). Real Gatling JVMs, a real platform on loopback.
 */
class PlayerPasswordEndToEndTest {
  private static final Duration TIMEOUT = Duration.ofMinutes(2);
  private static final int SPINS = 2;

  /** Quotes and a backslash: the password must travel as one JSON string. */
  private final String secret = "pw-\"q\\" + UUID.randomUUID() + "-not-a-real-one";

  private PlatformMock platform;

  @TempDir Path results;
  @TempDir Path secrets;

  @BeforeEach
  void start() {
    platform = PlatformMock.start(PlatformMockConfig.defaults().withPassword(secret));
  }

  @AfterEach
  void stop() {
    platform.close();
  }

  private Map<String, String> shortRunAgainstThePlatform() {
    Map<String, String> properties = TestFlashPeak.properties("2s", 2, "1s", 8, SPINS, "20ms");
    properties.put("target", platform.baseUrl().toString());
    return properties;
  }

  @Test
  void passwordFromTheEnvironmentLogsEveryPlayerInAndLeavesNoTrace() throws Exception {
    var run = GatlingProcess.run(FlashSpinPeakSimulation.class, shortRunAgainstThePlatform(),
        Map.of(RunSettings.PASSWORD_ENV, secret), results, TIMEOUT);

    var latency = run.assertSlosHeldWhereJudged();
    List<WalletReconciliation> wallets = platform.wallets().reconcileAll();
    assertThat(wallets).as("players who logged in and spun").hasSizeGreaterThanOrEqualTo(8);
    assertThat(run.requestCount()).isEqualTo(wallets.size() * (2L + SPINS));
    assertNoTraceOfTheSecret(run);
    latency.reportSkipped();
  }

  @Test
  void aWrongPasswordInTheEnvironmentLetsNobodyIn() throws Exception {
    var run = GatlingProcess.run(FlashSpinPeakSimulation.class, shortRunAgainstThePlatform(),
        Map.of(RunSettings.PASSWORD_ENV, "not-" + secret), results, TIMEOUT);

    assertThat(run.exitCode()).as("the error-rate SLO fails").isEqualTo(2);
    assertThat(platform.wallets().reconcileAll()).as("no login succeeded").isEmpty();
  }

  @Test
  void withoutThePasswordTheDefaultIsSentAndRefused() throws Exception {
    var run = GatlingProcess.run(FlashSpinPeakSimulation.class, shortRunAgainstThePlatform(),
        Map.of(), results, TIMEOUT);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(platform.wallets().reconcileAll()).isEmpty();
  }

  @Test
  void passwordFromAFileOutsideTheRepositoryLogsEveryPlayerIn() throws Exception {
    Path file = Files.writeString(secrets.resolve("player-password"), secret + "\n");
    Map<String, String> properties = shortRunAgainstThePlatform();
    properties.put("playerPasswordFile", file.toString());

    var run = GatlingProcess.run(FlashSpinPeakSimulation.class, properties, Map.of(), results,
        TIMEOUT);

    var latency = run.assertSlosHeldWhereJudged();
    assertThat(platform.wallets().reconcileAll()).hasSizeGreaterThanOrEqualTo(8);
    assertNoTraceOfTheSecret(run);
    latency.reportSkipped();
  }

  @Test
  void theEmbeddedPlatformAcceptsItsOwnConfiguredPasswordOnly() throws Exception {
    Map<String, String> properties = TestFlashPeak.properties("2s", 2, "1s", 8, SPINS, "20ms");
    Map<String, String> environment = new HashMap<>();
    environment.put(RunSettings.PLATFORM_PASSWORD_ENV, secret);
    environment.put(RunSettings.PASSWORD_ENV, secret);

    var accepted = GatlingProcess.run(FlashSpinPeakSimulation.class, properties, environment,
        results.resolve("accepted"), TIMEOUT);
    environment.put(RunSettings.PASSWORD_ENV, "not-" + secret);
    var refused = GatlingProcess.run(FlashSpinPeakSimulation.class, properties, environment,
        results.resolve("refused"), TIMEOUT);

    var latency = accepted.assertSlosHeldWhereJudged();
    assertThat(refused.exitCode()).isEqualTo(2);
    assertNoTraceOfTheSecret(accepted);
    latency.reportSkipped();
  }

  private void assertNoTraceOfTheSecret(GatlingProcess.Result run) throws IOException {
    assertThat(run.stdout()).doesNotContain(secret);
    assertThat(run.stderr()).doesNotContain(secret);
    Path folder = run.runFolder().orElseThrow();
    assertThat(folder.resolve("simulation.log")).isNotEmptyFile();
    assertThat(folder.resolve("index.html")).isNotEmptyFile();
    assertThat(folder.resolve("run.json")).as("the run record is searched too").isNotEmptyFile();
    try (Stream<Path> files = Files.walk(run.resultsFolder())) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        byte[] bytes = Files.readAllBytes(file);
        // simulation.log keeps strings as Latin-1 or UTF-16 bytes: look for both.
        assertThat(contains(bytes, secret.getBytes(StandardCharsets.ISO_8859_1)))
            .as("the secret in %s", file).isFalse();
        assertThat(contains(bytes, secret.getBytes(StandardCharsets.UTF_16LE)))
            .as("the secret (UTF-16) in %s", file).isFalse();
      }
    }
  }

  private static boolean contains(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
