package io.casinoperf.simulations.run;

import io.casinoperf.simulations.settings.RunSettings;
import io.casinoperf.simulations.settings.TargetPolicy;
import io.casinoperf.mocks.PlatformMock;
import io.casinoperf.mocks.PlatformMockConfig;
import io.casinoperf.mocks.PlatformWarmUp;
import io.casinoperf.mocks.conditions.Conditions;
import java.net.URI;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform one simulation run loads: the {@code -Dtarget} URL after the allow-list check, or
 * else the embedded mock started in this JVM on a loopback port ({@code -Dplatform.port}, else a
 * free one; in {@code -Dmode}) and warmed
 * up before the run (see {@link PlatformWarmUp}).
 */
public final class PlatformUnderTest implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PlatformUnderTest.class);
  /** Enough warm-up traffic (~500 requests, about 2 s) for the first measured seconds to be warm. */
  private static final int WARM_UP_PLAYERS = 4;
  private static final int WARM_UP_ROUNDS = 8;

  private final URI baseUrl;
  private final Optional<PlatformMock> embedded;

  private PlatformUnderTest(URI baseUrl, Optional<PlatformMock> embedded) {
    this.baseUrl = baseUrl;
    this.embedded = embedded;
  }

  public static PlatformUnderTest start(RunSettings settings) {
    if (settings.target().isPresent()) {
      URI target = settings.target().get();
      TargetPolicy.check(target, settings.allowedTargets());
      LOG.info("target {}", target);
      return new PlatformUnderTest(target, Optional.empty());
    }
    Conditions conditions = PlatformMockConfig.defaults().conditions().withMode(settings.mode());
    if (settings.queue().isPresent()) {
      RunSettings.Queue queue = settings.queue().get();
      conditions = conditions.withQueue(queue.workers().orElse(conditions.queueWorkers()),
          queue.serviceMillis().orElse(conditions.queueServiceMillis()),
          queue.serviceScv().orElse(conditions.queueServiceScv()));
    }
    PlatformMockConfig config = PlatformMockConfig.defaults()
        .withConditions(conditions)
        .withPassword(settings.embeddedPlatformPassword().reveal())
        .withPort(settings.platformPort());
    PlatformMock mock;
    try {
      mock = PlatformMock.start(config);
    } catch (RuntimeException e) {
      if (settings.platformPort() == 0) {
        throw e;
      }
      // WireMock wraps the bind failure; its root names it.
      Throwable root = e;
      while (root.getCause() != null) {
        root = root.getCause();
      }
      throw new RunSettings.InvalidSettingException("-Dplatform.port=" + settings.platformPort()
          + ": the embedded platform cannot listen on it (" + root.getMessage() + ")");
    }
    PlatformWarmUp.run(mock, config.password(), WARM_UP_PLAYERS, WARM_UP_ROUNDS);
    return new PlatformUnderTest(mock.baseUrl(), Optional.of(mock));
  }

  public URI baseUrl() {
    return baseUrl;
  }

  /** True when this run serves itself with the embedded mock (whose operator API exists). */
  public boolean embedded() {
    return embedded.isPresent();
  }

  @Override
  public void close() {
    embedded.ifPresent(PlatformMock::close);
  }
}
