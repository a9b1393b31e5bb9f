package io.casinoperf.simulations;

import io.casinoperf.mocks.PlatformMock;
import io.casinoperf.mocks.PlatformMockConfig;
import java.net.URI;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform one simulation run loads: the {@code -Dtarget} URL after the allow-list check, or
 * else the embedded mock started in this JVM on a free loopback port (in {@code -Dmode}).
 */
final class PlatformUnderTest implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PlatformUnderTest.class);

  private final URI baseUrl;
  private final Optional<PlatformMock> embedded;

  private PlatformUnderTest(URI baseUrl, Optional<PlatformMock> embedded) {
    this.baseUrl = baseUrl;
    this.embedded = embedded;
  }

  static PlatformUnderTest start(RunSettings settings) {
    if (settings.target().isPresent()) {
      URI target = settings.target().get();
      TargetPolicy.check(target, settings.allowedTargets());
      LOG.info("target {}", target);
      return new PlatformUnderTest(target, Optional.empty());
    }
    PlatformMockConfig config =
        PlatformMockConfig.defaults()
            .withConditions(
                PlatformMockConfig.defaults().conditions().withMode(settings.mode()))
            .withPassword(settings.playerPassword());
    PlatformMock mock = PlatformMock.start(config);
    return new PlatformUnderTest(mock.baseUrl(), Optional.of(mock));
  }

  URI baseUrl() {
    return baseUrl;
  }

  /** True when this run serves itself with the embedded mock (whose operator API exists). */
  boolean embedded() {
    return embedded.isPresent();
  }

  @Override
  public void close() {
    embedded.ifPresent(PlatformMock::close);
  }
}
