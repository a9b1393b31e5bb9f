package io.casinoperf.simulations.settings;

import io.casinoperf.mocks.conditions.Mode;
import io.casinoperf.run.Durations;
import io.casinoperf.scenarios.breaker.BreakerSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * The run parameters of every simulation, read once from system properties (given to Maven as
 * {@code -Dname=value}) and checked before anything starts. A bad value is an {@link
 * InvalidSettingException} whose message names the property, the value and what was expected.
 *
 * @param target the platform to load, or empty for the embedded mock
 * @param allowedTargets hosts (or host:port) besides loopback that {@code target} may name
 * @param scale multiplies every user count and rate
 * @param duration length of each simulation's steady phase; empty means the simulation's default
 * @param mode the embedded mock's mode; ignored with a target
 * @param p99Millis SLO: 99th percentile of response time, in ms
 * @param maxErrorPercent SLO: largest share of failed requests, in percent
 * @param playersFile CSV of player accounts (columns playerId,password); empty for generated ones
 * @param playerPassword password the generated accounts log in with: from the environment variable
 *     {@value #PASSWORD_ENV} or the file {@code -DplayerPasswordFile}, never from the command line;
 *     else the embedded platform's default
 * @param embeddedPlatformPassword the password the embedded platform accepts (ignored with a
 *     target): {@value #PLATFORM_PASSWORD_ENV}, else the players' password
 * @param shard which part of the load this injector runs ({@code -Dshard=i/n}); 1/1 alone
 * @param circuitBreaker when the run stops itself; empty with {@code -DcircuitBreaker=off}
 * @param queue the embedded platform's workers and service time in {@code queue} mode; empty for
 *     the platform's defaults
 * @param rehearsal the forecast's load profile to replay ({@code -Drehearsal=FILE}), with the
 *     quantile and length to replay it at; empty for the simulation's own profile
 * @param metrics where the injector serves its live metrics ({@code /metrics}); empty with {@code
 *     -Dmetrics=off}
 * @param platformPort the embedded platform's port ({@code -Dplatform.port}); 0 for a free one
 */
public record RunSettings(
    Optional<URI> target,
    List<String> allowedTargets,
    double scale,
    Optional<Duration> duration,
    Mode mode,
    int p99Millis,
    double maxErrorPercent,
    Optional<Path> playersFile,
    Secret playerPassword,
    Secret embeddedPlatformPassword,
    Shard shard,
    Optional<BreakerSettings> circuitBreaker,
    Optional<Queue> queue,
    Optional<Rehearsal> rehearsal,
    Optional<MetricsEndpoint> metrics,
    int platformPort) {

  /**
   * The injector's Prometheus endpoint: {@code -Dmetrics.bind} (127.0.0.1: loopback, as nothing
   * else on the network should see a run unless told to), {@code -Dmetrics.port} (9464; 0 for
   * any free port) and {@code -Dmetrics.linger} (0s): how long it goes on serving after the run,
   * so that Prometheus' next scrape sees the final counts (give it the scrape interval).
   */
  public record MetricsEndpoint(String bind, int port, Duration linger) {
    public static final int DEFAULT_PORT = 9464;
  }

  /**
   * A rehearsal of a forecast: its {@code rehearsal.json} (from {@code forecast}), the quantile of
   * traffic to replay ({@code -Drehearsal.quantile}: p50, p90 or p99; p90) and how long the whole
   * profile takes ({@code -Drehearsal.duration}; 2m): the window's hours play in that time, rates
   * as forecast.
   *
   * @param forecastId the forecast's id, from the file: rehearsals of one forecast are comparable
   * @param promotion the promotion's name, from the file
   * @param predictedP99Millis the p99 the file predicts for the staging nodes at the quantile's
   *     peak, when the forecast sized nodes by queueing
   */
  public record Rehearsal(Path file, String quantile, Duration duration, String forecastId, String promotion,
      Optional<Double> predictedP99Millis) {
    public static final Duration DEFAULT_DURATION = Duration.ofMinutes(2);
  }

  /**
   * The embedded platform's queue ({@code -Dmode=queue}): {@code -Dqueue.workers} workers serving
   * in {@code -Dqueue.serviceMillis} on average, with the squared coefficient of variation {@code
   * -Dqueue.serviceScv} (1 exponential, 0 constant, else log-normal); what one is not given keeps
   * the platform's default (8, 20, 1).
   */
  public record Queue(OptionalInt workers, OptionalDouble serviceMillis, OptionalDouble serviceScv) {}

  /**
   * Shard {@code index} of {@code count} injectors running one run together: each runs its share
   * of every injection step, and its own range of player accounts, so wallets never collide.
   */
  public record Shard(int index, int count) {
    /** Generated accounts of shard i start at 1 + (i − 1) × this. */
    public static final long ACCOUNTS_PER_SHARD = 10_000_000L;

    public Shard {
      if (count < 1 || count > 1000 || index < 1 || index > count) {
        throw new IllegalArgumentException("expected i/n with 1 <= i <= n <= 1000, e.g. 1/2");
      }
    }

    public static Shard parse(String text) {
      String[] parts = text.split("/", -1);
      try {
        if (parts.length == 2) {
          return new Shard(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw new IllegalArgumentException("expected i/n with 1 <= i <= n <= 1000, e.g. 1/2");
    }

    public static Shard whole() {
      return new Shard(1, 1);
    }

    /**
     * This shard's part of {@code total} users: the shards' parts differ by at most one and add
     * up to exactly the total (total·i/n − total·(i−1)/n).
     */
    public int users(int total) {
      return (int) ((long) total * index / count - (long) total * (index - 1) / count);
    }

    /** This shard's part of a rate: rate / n. */
    public double rate(double total) {
      return total / count;
    }

    /** Number of this shard's first generated account. */
    public long firstAccount() {
      return 1 + (index - 1) * ACCOUNTS_PER_SHARD;
    }

    /** Whether the row at this 0-based position of an accounts file belongs to this shard. */
    public boolean owns(long row) {
      return row % count == index - 1;
    }

    @Override
    public String toString() {
      return index + "/" + count;
    }
  }

  /** A run parameter with a value that cannot be used; the message is one line for the user. */
  public static final class InvalidSettingException extends IllegalArgumentException {
    public InvalidSettingException(String message) {
      super(message);
    }
  }

  /** Where the generated accounts' password comes from, when not from {@code -DplayerPasswordFile}. */
  public static final String PASSWORD_ENV = "CASINOPERF_PLAYER_PASSWORD";

  /**
   * The password the embedded platform accepts, when it should differ from the players' (a run
   * that proves the players' password was really sent sets both).
   */
  public static final String PLATFORM_PASSWORD_ENV = "CASINOPERF_PLATFORM_PASSWORD";

  /** Reads and checks every parameter, with an empty environment (no passwords from it). */
  public static RunSettings from(Map<String, String> properties) {
    return from(properties, Map.of());
  }

  /** Reads and checks every parameter; see the README's table for names and defaults. */
  public static RunSettings from(Map<String, String> properties, Map<String, String> environment) {
    if (properties.containsKey("playerPassword")) {
      throw new InvalidSettingException("-DplayerPassword: a password on the command line shows in"
          + " process lists and build logs; set " + PASSWORD_ENV + " or -DplayerPasswordFile=FILE"
          + " (outside the repository)");
    }
    Reader r = new Reader(properties);
    Secret playerPassword = password(r, environment);
    String platformPassword = environment.get(PLATFORM_PASSWORD_ENV);
    return new RunSettings(
        r.optional("target", RunSettings::parseTarget),
        r.optional("allowedTargets", RunSettings::parseList).orElse(List.of()),
        r.optional("scale", text -> positive("scale", text)).orElse(1.0),
        r.optional("duration", RunSettings::parseDuration),
        r.optional("mode", Mode::parse).orElse(Mode.NORMAL),
        r.optional("p99Millis", text -> (int) positive("p99Millis", text)).orElse(200),
        r.optional("maxErrorPercent", RunSettings::parsePercent).orElse(1.0),
        r.optional("players", text -> outsideRepository(parseExistingFile(text))),
        playerPassword,
        platformPassword == null || platformPassword.isEmpty()
            ? playerPassword
            : new Secret(platformPassword, PLATFORM_PASSWORD_ENV),
        r.optional("shard", Shard::parse).orElse(Shard.whole()),
        circuitBreaker(r),
        queue(r),
        rehearsal(r),
        metrics(r),
        platformPort(r));
  }

  /**
   * {@code -Dplatform.port} (0, a free port): where the embedded platform listens, so that a
   * Prometheus can scrape its /metrics during the run. Refused with {@code -Dtarget}, whose
   * platform is not this run's.
   */
  private static int platformPort(Reader r) {
    Optional<Integer> port = r.optional("platform.port", RunSettings::parsePort);
    if (port.isPresent() && r.properties().containsKey("target")) {
      throw new InvalidSettingException("-Dplatform.port is the embedded platform's; with -Dtarget the"
          + " platform is " + r.properties().get("target") + ", not this run's");
    }
    return port.orElse(0);
  }

  /**
   * {@code -Dmetrics=on|off} (on), {@code -Dmetrics.bind} (127.0.0.1), {@code -Dmetrics.port}
   * (9464), {@code -Dmetrics.linger} (0s).
   */
  private static Optional<MetricsEndpoint> metrics(Reader r) {
    List<String> known = List.of("metrics.bind", "metrics.port", "metrics.linger");
    for (String name : new java.util.TreeSet<>(r.properties().keySet())) {
      if (name.startsWith("metrics.") && !known.contains(name)) {
        throw new InvalidSettingException("-D" + name + ": no such metrics setting; expected one of "
            + String.join(", ", known));
      }
    }
    boolean on = r.optional("metrics", RunSettings::parseSwitch).orElse(true);
    String bind = r.optional("metrics.bind", RunSettings::parseAddress).orElse("127.0.0.1");
    int port = r.optional("metrics.port", RunSettings::parsePort).orElse(MetricsEndpoint.DEFAULT_PORT);
    Duration linger = r.optional("metrics.linger", text -> {
      Duration value = Durations.parse(text);
      if (value.compareTo(Duration.ofMinutes(10)) > 0) {
        throw new IllegalArgumentException("expected at most 10m");
      }
      return value;
    }).orElse(Duration.ZERO);
    return on ? Optional.of(new MetricsEndpoint(bind, port, linger)) : Optional.empty();
  }

  /** A port to listen on; 0 for any free one. */
  private static int parsePort(String text) {
    try {
      int value = Integer.parseInt(text);
      if (value >= 0 && value <= 65_535) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("expected a port from 0 (any free one) to 65535");
  }

  /** An address to listen on: an IP address (0.0.0.0 for every interface) or localhost; no name is resolved. */
  private static String parseAddress(String text) {
    String address = text.strip();
    boolean ipv4 = address.matches("\\d{1,3}(\\.\\d{1,3}){3}")
        && java.util.Arrays.stream(address.split("\\.")).allMatch(part -> Integer.parseInt(part) <= 255);
    boolean ipv6 = address.contains(":") && address.matches("[0-9a-fA-F:.]+");
    if (ipv4 || ipv6 || address.equals("localhost")) {
      return address;
    }
    throw new IllegalArgumentException("expected an IP address to listen on, such as 127.0.0.1 (loopback, the"
        + " default) or 0.0.0.0 (every interface)");
  }

  private static Optional<Rehearsal> rehearsal(Reader r) {
    List<String> known = List.of("rehearsal.quantile", "rehearsal.duration");
    for (String name : new java.util.TreeSet<>(r.properties().keySet())) {
      if (name.startsWith("rehearsal.") && !known.contains(name)) {
        throw new InvalidSettingException("-D" + name + ": no such rehearsal setting; expected one of "
            + String.join(", ", known));
      }
      if (name.startsWith("rehearsal.") && !r.properties().containsKey("rehearsal")) {
        throw new InvalidSettingException("-D" + name + " needs -Drehearsal=FILE, the rehearsal.json that"
            + " forecast writes");
      }
    }
    Optional<Path> file = r.optional("rehearsal", RunSettings::parseExistingFile);
    if (file.isEmpty()) {
      return Optional.empty();
    }
    String quantile = r.optional("rehearsal.quantile", text -> {
      String q = text.toLowerCase(Locale.ROOT);
      if (!List.of("p50", "p90", "p99").contains(q)) {
        throw new IllegalArgumentException("expected p50, p90 or p99");
      }
      return q;
    }).orElse("p90");
    Duration duration = r.optional("rehearsal.duration", text -> Durations.parse(text, Duration.ofSeconds(10)))
        .orElse(Rehearsal.DEFAULT_DURATION);
    com.fasterxml.jackson.databind.JsonNode tree = r.optional("rehearsal", RunSettings::rehearsalFile).orElseThrow();
    com.fasterxml.jackson.databind.JsonNode predicted = tree.path("predictedP99Millis").path(quantile);
    return Optional.of(new Rehearsal(file.get(), quantile, duration, tree.path("forecast").path("id").asText(),
        tree.path("forecast").path("promotion").asText(""),
        predicted.isNumber() ? Optional.of(predicted.asDouble()) : Optional.empty()));
  }

  /** A rehearsal.json as a tree, when it is one. */
  private static com.fasterxml.jackson.databind.JsonNode rehearsalFile(String text) {
    com.fasterxml.jackson.databind.JsonNode tree;
    try {
      tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(Path.of(text).toFile());
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("not JSON (" + e.getMessage().lines().findFirst().orElse("") + ")");
    }
    String schema = tree == null ? "" : tree.path("schema").asText("");
    String id = tree == null ? "" : tree.path("forecast").path("id").asText("");
    if (!schema.equals("casinoperf-rehearsal/1") || id.isEmpty()) {
      throw new IllegalArgumentException("not a rehearsal profile (schema casinoperf-rehearsal/1, the"
          + " rehearsal.json that forecast writes)");
    }
    return tree;
  }

  private static Optional<Queue> queue(Reader r) {
    List<String> known = List.of("queue.workers", "queue.serviceMillis", "queue.serviceScv");
    List<String> given = new java.util.ArrayList<>();
    for (String name : new java.util.TreeSet<>(r.properties().keySet())) {
      if (name.startsWith("queue.")) {
        if (!known.contains(name)) {
          throw new InvalidSettingException("-D" + name + ": no such queue setting; expected one of "
              + String.join(", ", known));
        }
        given.add(name);
      }
    }
    if (given.isEmpty()) {
      return Optional.empty();
    }
    Mode mode = r.optional("mode", Mode::parse).orElse(Mode.NORMAL);
    if (mode != Mode.QUEUE) {
      throw new InvalidSettingException("-D" + given.get(0) + " sets the embedded platform's queue, which"
          + " only -Dmode=queue has (the mode is " + mode.name().toLowerCase(Locale.ROOT) + ")");
    }
    OptionalInt workers = r.optional("queue.workers", text -> {
      int value = wholeAtLeastOne(text);
      if (value > 100_000) {
        throw new IllegalArgumentException("expected a whole number from 1 to 100000");
      }
      return value;
    }).map(OptionalInt::of).orElse(OptionalInt.empty());
    OptionalDouble service = r.optional("queue.serviceMillis", text -> positive("queue.serviceMillis", text))
        .map(OptionalDouble::of).orElse(OptionalDouble.empty());
    OptionalDouble scv = r.optional("queue.serviceScv", RunSettings::notNegative)
        .map(OptionalDouble::of).orElse(OptionalDouble.empty());
    return Optional.of(new Queue(workers, service, scv));
  }

  private static double notNegative(String text) {
    try {
      double value = Double.parseDouble(text);
      if (value >= 0 && value < Double.POSITIVE_INFINITY) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("expected a number >= 0");
  }

  /**
   * {@code -DcircuitBreaker=on|off} (on), {@code circuitBreaker.window} (10s), {@code
   * circuitBreaker.errorPercent} (20), {@code circuitBreaker.p99CeilingMillis} (5000), {@code
   * circuitBreaker.minRequests} (20).
   */
  private static Optional<BreakerSettings> circuitBreaker(Reader r) {
    List<String> known = List.of("circuitBreaker.window", "circuitBreaker.errorPercent",
        "circuitBreaker.p99CeilingMillis", "circuitBreaker.minRequests");
    for (String name : new java.util.TreeSet<>(r.properties().keySet())) {
      if (name.startsWith("circuitBreaker.") && !known.contains(name)) {
        throw new InvalidSettingException("-D" + name + ": no such circuit breaker setting;"
            + " expected one of " + String.join(", ", known));
      }
    }
    boolean on = r.optional("circuitBreaker", RunSettings::parseSwitch).orElse(true);
    BreakerSettings defaults = BreakerSettings.defaults();
    Duration window = r.optional("circuitBreaker.window", RunSettings::parseDuration)
        .orElse(defaults.window());
    double errorPercent = r.optional("circuitBreaker.errorPercent", text -> {
      double value = parsePercent(text);
      if (value == 0) {
        throw new IllegalArgumentException("expected a percentage above 0 (turn the breaker off"
            + " with -DcircuitBreaker=off)");
      }
      return value;
    }).orElse(defaults.maxErrorRate() * 100);
    long p99Ceiling = r.optional("circuitBreaker.p99CeilingMillis",
        text -> (long) wholeAtLeastOne(text)).orElse(defaults.p99CeilingMillis());
    int minRequests = r.optional("circuitBreaker.minRequests", RunSettings::wholeAtLeastOne)
        .orElse(defaults.minRequests());
    if (!on) {
      return Optional.empty();
    }
    return Optional.of(new BreakerSettings(window, errorPercent / 100, p99Ceiling, minRequests));
  }

  private static boolean parseSwitch(String text) {
    switch (text.toLowerCase(Locale.ROOT)) {
      case "on":
      case "true":
        return true;
      case "off":
      case "false":
        return false;
      default:
        throw new IllegalArgumentException("expected on or off");
    }
  }

  private static int wholeAtLeastOne(String text) {
    try {
      int value = Integer.parseInt(text);
      if (value >= 1) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("expected a whole number >= 1");
  }

  /**
   * A user count scaled by {@link #scale} (at least 1), then this shard's part of it (which may
   * be 0 when there are more shards than users).
   */
  public int users(int base) {
    return shard.users((int) Math.max(1, Math.round(base * scale)));
  }

  /** A rate (users per second) scaled by {@link #scale}, then this shard's part of it. */
  public double rate(double base) {
    return shard.rate(base * scale);
  }

  /** The steady phase's length: {@code duration} if given, else the simulation's default. */
  public Duration durationOr(Duration fallback) {
    return duration.orElse(fallback);
  }

  private static Secret password(Reader r, Map<String, String> environment) {
    String fromEnvironment = environment.get(PASSWORD_ENV);
    if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
      return new Secret(fromEnvironment, PASSWORD_ENV);
    }
    return r.optional("playerPasswordFile", text -> {
      Path file = outsideRepository(parseExistingFile(text));
      try {
        String password = Files.readString(file).strip();
        if (password.isEmpty()) {
          throw new IllegalArgumentException("the file is empty");
        }
        return new Secret(password, "-DplayerPasswordFile");
      } catch (java.io.IOException e) {
        throw new IllegalArgumentException("cannot read it (" + e.getMessage() + ")");
      }
    }).orElse(new Secret(io.casinoperf.mocks.PlatformMockConfig.DEFAULT_PASSWORD, "the default"));
  }

  /**
   * A secrets file must not live in the repository (where it would be committed sooner or
   * later): refused when a folder above it, up to the working directory's repository, holds
   * {@code .git}.
   */
  public static Path outsideRepository(Path file) {
    Path real;
    try {
      real = file.toRealPath();
    } catch (java.io.IOException e) {
      return file;
    }
    for (Path folder = Path.of("").toAbsolutePath(); folder != null; folder = folder.getParent()) {
      if (Files.exists(folder.resolve(".git"))) {
        if (real.startsWith(folder)) {
          throw new IllegalArgumentException("secrets must live outside the repository (" + folder + ")");
        }
        break;
      }
    }
    return file;
  }

  private record Reader(Map<String, String> properties) {
    <T> Optional<T> optional(String name, Function<String, T> parse) {
      String text = properties.get(name);
      if (text == null || text.isBlank()) {
        return Optional.empty();
      }
      try {
        return Optional.of(parse.apply(text.trim()));
      } catch (InvalidSettingException e) {
        throw e;
      } catch (IllegalArgumentException e) {
        throw new InvalidSettingException("-D" + name + "=" + text + ": " + e.getMessage());
      }
    }
  }

  private static URI parseTarget(String text) {
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a URL (" + e.getReason() + ")");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException("expected an http:// or https:// URL");
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw new IllegalArgumentException("the URL has no host");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new IllegalArgumentException("the base URL must not have a query or fragment");
    }
    return uri;
  }

  private static List<String> parseList(String text) {
    return Arrays.stream(text.split(","))
        .map(String::trim)
        .filter(entry -> !entry.isEmpty())
        .map(entry -> entry.toLowerCase(Locale.ROOT))
        .toList();
  }

  private static double positive(String name, String text) {
    double value;
    try {
      value = Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("expected a number > 0");
    }
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException("expected a number > 0");
    }
    return value;
  }

  private static double parsePercent(String text) {
    double value;
    try {
      value = Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("expected a percentage within 0..100");
    }
    if (!(value >= 0 && value <= 100)) {
      throw new IllegalArgumentException("expected a percentage within 0..100");
    }
    return value;
  }

  /** A run length: the product's duration grammar ({@link Durations}), at least one second. */
  public static Duration parseDuration(String text) {
    return Durations.parse(text, Duration.ofSeconds(1));
  }

  private static Path parseExistingFile(String text) {
    Path path = Path.of(text);
    if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
      throw new IllegalArgumentException("no readable file there");
    }
    return path;
  }
}
