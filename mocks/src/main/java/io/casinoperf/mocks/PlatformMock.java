package io.casinoperf.mocks;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.casinoperf.mocks.api.BodySizeLimit;
import io.casinoperf.mocks.api.CasinoApiTransformer;
import io.casinoperf.mocks.api.Json;
import io.casinoperf.mocks.api.OperationsAdminApi;
import io.casinoperf.mocks.auth.PlayerSessions;
import io.casinoperf.mocks.channel.BalanceChannel;
import io.casinoperf.mocks.channel.BalanceChannelServerFactory;
import io.casinoperf.mocks.conditions.PlatformConditions;
import io.casinoperf.mocks.metrics.MetricsEndpoint;
import io.casinoperf.mocks.metrics.PlatformTelemetry;
import io.casinoperf.mocks.spin.GameCatalogue;
import io.casinoperf.mocks.spin.Paytable;
import io.casinoperf.mocks.wallet.Wallets;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded stand-in for the casino platform: WireMock serving the stub mappings under {@code
 * casino-platform/mappings} on the classpath, with the stateful wallet, spins, latency and fault
 * conditions behind them, and the WebSocket balance channel on the same port.
 *
 * <p>Set up for load rather than for functional tests: binds loopback by default, keeps no request
 * journal, uses one acceptor and sends delayed responses asynchronously so that delays block no
 * request thread.
 */
public final class PlatformMock implements AutoCloseable {
  /** Classpath folder holding WireMock's {@code mappings/} and {@code __files/}. */
  public static final String FILES_ROOT = "casino-platform";

  private static final Logger LOG = LoggerFactory.getLogger(PlatformMock.class);
  private static final String CATALOGUE = FILES_ROOT + "/__files/lobby.json";

  private final WireMockServer server;
  private final PlatformConditions conditions;
  private final Wallets wallets;
  private final BalanceChannel channel;
  private final OperationsAdminApi operations;

  private PlatformMock(
      WireMockServer server,
      PlatformConditions conditions,
      Wallets wallets,
      BalanceChannel channel,
      OperationsAdminApi operations) {
    this.server = server;
    this.conditions = conditions;
    this.wallets = wallets;
    this.channel = channel;
    this.operations = operations;
  }

  /** Starts the platform; it serves until {@link #close()}. */
  public static PlatformMock start(PlatformMockConfig config) {
    PlayerSessions sessions = new PlayerSessions(config.password());
    PlatformConditions conditions = new PlatformConditions(config.conditions());
    BalanceChannel channel = new BalanceChannel(sessions, conditions);
    Wallets wallets =
        new Wallets(
            config.initialBalanceCents(),
            config.keptTransactions(),
            config.idempotency(),
            Clock.systemUTC(),
            channel);
    channel.attach(wallets);
    PlatformTelemetry telemetry = new PlatformTelemetry();
    wallets.reportLockWaits(telemetry::lockWaited);
    OperationsAdminApi operations = new OperationsAdminApi(conditions, wallets);
    CasinoApiTransformer api =
        new CasinoApiTransformer(
            sessions,
            wallets,
            loadCatalogue(),
            new Paytable(config.returnToPlayer()),
            conditions,
            config.currency(),
            telemetry);

    WireMockConfiguration options =
        WireMockConfiguration.options()
            .bindAddress(config.bindAddress())
            .port(config.port())
            .usingFilesUnderClasspath(FILES_ROOT)
            .disableRequestJournal()
            .jettyAcceptors(1)
            .containerThreads(config.containerThreads())
            .asynchronousResponseEnabled(true)
            .asynchronousResponseThreads(config.asyncResponseThreads())
            .gzipDisabled(true)
            .notifier(new Slf4jNotifier(false))
            .extensions(
                new BodySizeLimit(config.maxBodyBytes()), api, operations, new MetricsEndpoint(telemetry),
                new BalanceChannelServerFactory(channel, Duration.ofMinutes(5)));
    WireMockServer server = new WireMockServer(options);
    server.start();
    server.stubFor(WireMock.get(WireMock.urlPathEqualTo(MetricsEndpoint.PATH))
        .willReturn(WireMock.aResponse().withTransformers(MetricsEndpoint.NAME)));
    PlatformMock mock = new PlatformMock(server, conditions, wallets, channel, operations);
    LOG.info(
        "casino platform mock on {} ({} stubs, mode {})",
        mock.baseUrl(),
        server.getStubMappings().size(),
        config.conditions().mode().label());
    return mock;
  }

  public int port() {
    return server.port();
  }

  /** {@code http://<bind address>:<port>}, the platform's base URL. */
  public URI baseUrl() {
    return URI.create("http://" + hostForUrl() + ":" + port());
  }

  /** {@code ws://<bind address>:<port>/ws/balance}, the balance channel. */
  public URI balanceChannelUrl() {
    return URI.create("ws://" + hostForUrl() + ":" + port() + BalanceChannel.PATH);
  }

  public PlatformConditions conditions() {
    return conditions;
  }

  public Wallets wallets() {
    return wallets;
  }

  public BalanceChannel balanceChannel() {
    return channel;
  }

  public OperationsAdminApi.ReconciliationReport reconcile() {
    return operations.reconcile();
  }

  @Override
  public void close() {
    server.stop();
  }

  private String hostForUrl() {
    String address = server.getOptions().bindAddress();
    return "0.0.0.0".equals(address) ? "127.0.0.1" : address;
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record LobbyFile(List<GameCatalogue.Game> games) {}

  private static GameCatalogue loadCatalogue() {
    try (InputStream in = PlatformMock.class.getClassLoader().getResourceAsStream(CATALOGUE)) {
      if (in == null) {
        throw new IllegalStateException("missing classpath resource " + CATALOGUE);
      }
      LobbyFile lobby = Json.read(in, LobbyFile.class);
      Map<String, GameCatalogue.Game> byId =
          lobby.games().stream().collect(Collectors.toMap(GameCatalogue.Game::id, Function.identity()));
      return new GameCatalogue(byId);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + CATALOGUE, e);
    }
  }
}
