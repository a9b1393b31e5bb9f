package io.casinoperf.mocks.channel;

import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.http.AdminRequestHandler;
import com.github.tomakehurst.wiremock.http.HttpServer;
import com.github.tomakehurst.wiremock.http.HttpServerFactory;
import com.github.tomakehurst.wiremock.http.StubRequestHandler;
import com.github.tomakehurst.wiremock.jetty11.Jetty11HttpServer;
import java.time.Duration;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.websocket.server.config.JettyWebSocketServletContainerInitializer;

/**
 * WireMock's own Jetty server with the {@link BalanceChannel} mounted beside the stubs, so HTTP and
 * WebSocket share one port, as they do on the real platform.
 */
public final class BalanceChannelServerFactory implements HttpServerFactory {
  private final BalanceChannel channel;
  private final Duration idleTimeout;

  public BalanceChannelServerFactory(BalanceChannel channel, Duration idleTimeout) {
    this.channel = channel;
    this.idleTimeout = idleTimeout;
  }

  @Override
  public String getName() {
    return "casino-balance-channel";
  }

  @Override
  public HttpServer buildHttpServer(
      Options options, AdminRequestHandler adminRequestHandler, StubRequestHandler stubRequestHandler) {
    return new Jetty11HttpServer(options, adminRequestHandler, stubRequestHandler) {
      @Override
      protected void decorateMockServiceContextBeforeConfig(ServletContextHandler context) {
        JettyWebSocketServletContainerInitializer.configure(
            context,
            (servletContext, container) -> {
              container.setIdleTimeout(idleTimeout);
              container.addMapping(BalanceChannel.PATH, channel::accept);
            });
      }
    };
  }
}
