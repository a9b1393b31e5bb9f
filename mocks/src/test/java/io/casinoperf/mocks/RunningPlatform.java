package io.casinoperf.mocks;

import io.casinoperf.mocks.conditions.Conditions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real platform mock on a free loopback port for one test class (registered on an instance
 * field of a {@code PER_CLASS} test) or for each test (otherwise), with a client for it.
 */
final class RunningPlatform
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {
  private final PlatformMockConfig config;
  private PlatformMock mock;
  private PlatformClient client;

  private RunningPlatform(PlatformMockConfig config) {
    this.config = config;
  }

  /** A platform that adds no latency and no faults until told otherwise. */
  static RunningPlatform instant() {
    return new RunningPlatform(PlatformMockConfig.defaults().withConditions(Conditions.none()));
  }

  PlatformMock mock() {
    return mock;
  }

  PlatformClient client() {
    return client;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    start();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    stop();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (mock == null) {
      start();
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (context.getTestInstanceLifecycle().orElse(null)
        != org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS) {
      stop();
    }
  }

  private void start() {
    mock = PlatformMock.start(config);
    client = new PlatformClient(mock.baseUrl());
  }

  private void stop() {
    if (mock != null) {
      mock.close();
      mock = null;
    }
  }
}
