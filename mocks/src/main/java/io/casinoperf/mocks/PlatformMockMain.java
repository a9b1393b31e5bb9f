package io.casinoperf.mocks;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the platform mock standalone until the process is stopped. Settings come from {@code
 * mock.*} system properties (see {@link PlatformMockConfig#fromProperties}); the port defaults to
 * 8080 here. The players' password may also come from the environment variable {@value
 * #PASSWORD_ENV}, which wins over {@code -Dmock.password} (a command line shows in process lists).
 * A bad setting ends the process with one line on standard error and exit code 2.
 */
public final class PlatformMockMain {
  private static final Logger LOG = LoggerFactory.getLogger(PlatformMockMain.class);
  /** The password the platform accepts, from the environment. */
  public static final String PASSWORD_ENV = "CASINOPERF_PLATFORM_PASSWORD";

  private PlatformMockMain() {}

  public static void main(String[] args) throws InterruptedException {
    Map<String, String> properties = new HashMap<>();
    properties.put("mock.port", "8080");
    System.getProperties().stringPropertyNames().stream()
        .filter(name -> name.startsWith("mock."))
        .forEach(name -> properties.put(name, System.getProperty(name)));
    String password = System.getenv(PASSWORD_ENV);
    if (password != null && !password.isEmpty()) {
      properties.put("mock.password", password);
    }
    PlatformMockConfig config;
    try {
      config = PlatformMockConfig.fromProperties(properties);
    } catch (IllegalArgumentException e) {
      System.err.println("platform mock: " + e.getMessage());
      System.exit(2);
      return;
    }
    PlatformMock mock;
    try {
      mock = PlatformMock.start(config);
    } catch (RuntimeException e) {
      // Typically the port is taken; WireMock wraps the bind failure.
      Throwable root = e;
      while (root.getCause() != null) {
        root = root.getCause();
      }
      System.err.println(
          "platform mock: cannot start on " + config.bindAddress() + ":" + config.port() + ": "
              + root.getMessage());
      System.exit(2);
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  mock.close();
                  stopped.countDown();
                },
                "platform-mock-shutdown"));
    LOG.info("serving {} and {}; stop with Ctrl-C", mock.baseUrl(), mock.balanceChannelUrl());
    stopped.await();
  }
}
