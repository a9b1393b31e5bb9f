package io.casinoperf.mocks;

import io.casinoperf.mocks.conditions.Conditions;
import io.casinoperf.mocks.conditions.Mode;
import io.casinoperf.mocks.spin.Paytable;
import io.casinoperf.mocks.wallet.IdempotencyWindow;
import java.util.Map;
import java.util.function.Function;

/**
 * Settings of the embedded platform. Read from properties named {@code mock.*} (see {@link
 * #fromProperties}); every one has a default. Immutable.
 *
 * @param bindAddress interface to listen on; loopback unless a test host needs otherwise
 * @param port TCP port for HTTP and WebSocket; 0 picks a free one
 * @param conditions latency and fault settings, and the mode they start in
 * @param returnToPlayer long-run share of stakes paid back by spins
 * @param initialBalanceCents balance of a wallet on first use
 * @param password the password every player id logs in with
 * @param currency ISO 4217 code reported with amounts
 * @param containerThreads Jetty request threads
 * @param asyncResponseThreads threads that send delayed responses, so delays block no request
 *     thread
 * @param keptTransactions transactions kept per wallet for the transaction list
 * @param idempotency how long and how many idempotency keys each wallet remembers
 * @param maxBodyBytes largest request body accepted; a larger one is refused with 413
 */
public record PlatformMockConfig(
    String bindAddress,
    int port,
    Conditions conditions,
    double returnToPlayer,
    long initialBalanceCents,
    String password,
    String currency,
    int containerThreads,
    int asyncResponseThreads,
    int keptTransactions,
    IdempotencyWindow idempotency,
    int maxBodyBytes) {

  /** The password players log in with unless {@code mock.password} says otherwise. */
  public static final String DEFAULT_PASSWORD = "spin-to-win";

  /**
   * 64 KiB: the largest legitimate request (a login, a spin, a deposit) is under 200 bytes; this
   * leaves room for any realistic client while refusing bodies meant to exhaust memory.
   */
  public static final int DEFAULT_MAX_BODY_BYTES = 64 * 1024;

  public static PlatformMockConfig defaults() {
    return new PlatformMockConfig(
        "127.0.0.1",
        0,
        Conditions.defaults(),
        0.96,
        100_000,
        DEFAULT_PASSWORD,
        "EUR",
        50,
        4,
        50,
        IdempotencyWindow.defaults(),
        DEFAULT_MAX_BODY_BYTES);
  }

  public PlatformMockConfig {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be within 0..65535, was " + port);
    }
    if (!(returnToPlayer > 0 && returnToPlayer <= Paytable.MAX_RETURN_TO_PLAYER)) {
      throw new IllegalArgumentException(
          "return to player must be within (0, " + Paytable.MAX_RETURN_TO_PLAYER + "], was "
              + returnToPlayer);
    }
    if (initialBalanceCents < 0) {
      throw new IllegalArgumentException("initial balance must be >= 0, was " + initialBalanceCents);
    }
    if (password == null || password.isEmpty()) {
      throw new IllegalArgumentException("password must not be empty");
    }
    if (containerThreads < 4 || asyncResponseThreads < 1 || keptTransactions < 1) {
      throw new IllegalArgumentException(
          "containerThreads must be >= 4; asyncResponseThreads and keptTransactions >= 1");
    }
    if (idempotency == null) {
      throw new IllegalArgumentException("the idempotency window must be given");
    }
    if (maxBodyBytes < 1024) {
      throw new IllegalArgumentException("maxBodyBytes must be >= 1024, was " + maxBodyBytes);
    }
  }

  public PlatformMockConfig withPort(int newPort) {
    return new PlatformMockConfig(bindAddress, newPort, conditions, returnToPlayer,
        initialBalanceCents, password, currency, containerThreads, asyncResponseThreads,
        keptTransactions, idempotency, maxBodyBytes);
  }

  public PlatformMockConfig withPassword(String newPassword) {
    return new PlatformMockConfig(bindAddress, port, conditions, returnToPlayer,
        initialBalanceCents, newPassword, currency, containerThreads, asyncResponseThreads,
        keptTransactions, idempotency, maxBodyBytes);
  }

  public PlatformMockConfig withConditions(Conditions newConditions) {
    return new PlatformMockConfig(bindAddress, port, newConditions, returnToPlayer,
        initialBalanceCents, password, currency, containerThreads, asyncResponseThreads,
        keptTransactions, idempotency, maxBodyBytes);
  }

  /**
   * Settings from properties, each falling back to its default: {@code mock.bindAddress}, {@code
   * mock.port}, {@code mock.mode} (normal, degraded, faulty, queue), {@code mock.medianMillis}, {@code
   * mock.sigma}, {@code mock.degradedMedianMillis}, {@code mock.degradedSigma}, {@code
   * mock.errorPercent}, {@code mock.dropPercent}, {@code mock.pushLossPercent}, {@code
   * mock.queueWorkers}, {@code mock.queueServiceMillis}, {@code mock.queueServiceScv}, {@code mock.rtp}, {@code
   * mock.initialBalanceCents}, {@code mock.password}, {@code mock.currency}, {@code
   * mock.containerThreads}, {@code mock.asyncThreads}, {@code mock.keptTransactions}, {@code
   * mock.idempotencyRetentionSeconds}, {@code mock.rememberedKeys}, {@code mock.maxBodyBytes}.
   *
   * @throws IllegalArgumentException naming the property, its value and what was expected
   */
  public static PlatformMockConfig fromProperties(Map<String, String> properties) {
    PlatformMockConfig d = defaults();
    Conditions c = d.conditions();
    Reader r = new Reader(properties);
    try {
      return new PlatformMockConfig(
          r.get("mock.bindAddress", d.bindAddress(), Function.identity()),
          r.get("mock.port", d.port(), Integer::parseInt),
          new Conditions(
              r.get("mock.mode", c.mode(), Mode::parse),
              r.get("mock.medianMillis", c.normalMedianMillis(), Reader::number),
              r.get("mock.sigma", c.normalSigma(), Reader::number),
              r.get("mock.degradedMedianMillis", c.degradedMedianMillis(), Reader::number),
              r.get("mock.degradedSigma", c.degradedSigma(), Reader::number),
              r.get("mock.errorPercent", c.faultyErrorPercent(), Reader::number),
              r.get("mock.dropPercent", c.faultyDropPercent(), Reader::number),
              r.get("mock.pushLossPercent", c.faultyPushLossPercent(), Reader::number),
              r.get("mock.queueWorkers", c.queueWorkers(), Integer::parseInt),
              r.get("mock.queueServiceMillis", c.queueServiceMillis(), Reader::number),
              r.get("mock.queueServiceScv", c.queueServiceScv(), Reader::number)),
          r.get("mock.rtp", d.returnToPlayer(), Reader::number),
          r.get("mock.initialBalanceCents", d.initialBalanceCents(), Long::parseLong),
          r.get("mock.password", d.password(), Function.identity()),
          r.get("mock.currency", d.currency(), Function.identity()),
          r.get("mock.containerThreads", d.containerThreads(), Integer::parseInt),
          r.get("mock.asyncThreads", d.asyncResponseThreads(), Integer::parseInt),
          r.get("mock.keptTransactions", d.keptTransactions(), Integer::parseInt),
          new IdempotencyWindow(
              r.get("mock.idempotencyRetentionSeconds", d.idempotency().retention(),
                  text -> java.time.Duration.ofSeconds(Long.parseLong(text))),
              r.get("mock.rememberedKeys", d.idempotency().maxKeys(), Integer::parseInt)),
          r.get("mock.maxBodyBytes", d.maxBodyBytes(), Integer::parseInt));
    } catch (IllegalArgumentException e) {
      if (e.getMessage() != null && e.getMessage().startsWith("mock.")) {
        throw e;
      }
      throw new IllegalArgumentException("mock settings: " + e.getMessage(), e);
    }
  }

  /** Every setting but the password, which must not reach a log through this. */
  @Override
  public String toString() {
    return "PlatformMockConfig[" + bindAddress + ":" + port + ", " + conditions + ", rtp "
        + returnToPlayer + ", initial " + initialBalanceCents + " cents " + currency + ", "
        + containerThreads + " container threads, " + asyncResponseThreads + " async threads, "
        + keptTransactions + " kept transactions, " + idempotency + ", max body " + maxBodyBytes
        + " bytes]";
  }

  /** Reads typed properties; a value that does not parse names its property. */
  private record Reader(Map<String, String> properties) {
    <T> T get(String name, T fallback, Function<String, T> parse) {
      String text = properties.get(name);
      if (text == null || text.isBlank()) {
        return fallback;
      }
      try {
        return parse.apply(text.trim());
      } catch (IllegalArgumentException e) {
        String why = e instanceof NumberFormatException ? "not a number" : e.getMessage();
        throw new IllegalArgumentException(name + "=" + text + ": " + why, e);
      }
    }

    static double number(String text) {
      double value = Double.parseDouble(text);
      if (Double.isNaN(value) || Double.isInfinite(value)) {
        throw new NumberFormatException(text);
      }
      return value;
    }
  }
}
