package io.casinoperf.benchmarks;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.AbstractHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The baseline: a plain Jetty 11 handler (WireMock's own server stack) that answers every request
 * with the same small JSON as the platform's health stub, with the mock's thread and acceptor
 * settings. What WireMock adds on top of this is what the platform mock costs.
 */
final class BareJettyEndpoint implements AutoCloseable {
  private static final byte[] BODY = "{\"status\":\"up\"}".getBytes(StandardCharsets.UTF_8);

  private final Server server;
  private final ServerConnector connector;

  private BareJettyEndpoint(Server server, ServerConnector connector) {
    this.server = server;
    this.connector = connector;
  }

  static BareJettyEndpoint start(int threads) throws Exception {
    Server server = new Server(new QueuedThreadPool(threads));
    ServerConnector connector = new ServerConnector(server, 1, -1);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    server.setHandler(
        new AbstractHandler() {
          @Override
          public void handle(
              String target,
              Request baseRequest,
              HttpServletRequest request,
              HttpServletResponse response)
              throws IOException {
            response.setStatus(200);
            response.setContentType("application/json");
            response.setContentLength(BODY.length);
            response.getOutputStream().write(BODY);
            baseRequest.setHandled(true);
          }
        });
    server.start();
    return new BareJettyEndpoint(server, connector);
  }

  URI baseUrl() {
    return URI.create("http://127.0.0.1:" + connector.getLocalPort());
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }
}
