package io.cetus.demo;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProxyTest {

  private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

  private DemoServer backend;
  private DemoServer proxy;

  @BeforeEach
  void start() throws IOException {
    backend = start(new DemoSettings(0, "1", "backend-host", null, 0, null, Map.of()));
    DemoSettings.Proxy forward = new DemoSettings.Proxy("localhost:" + backend.port(), 0);
    proxy = start(new DemoSettings(null, "1", "proxy-host", null, 0, forward, Map.of()));
  }

  @AfterEach
  void stop() {
    proxy.close();
    backend.close();
  }

  @Test
  void proxyForwardsPathQueryAndBodyAndRelaysTheBackendsAnswer() {
    HttpResponse<String> answer = Http.post(proxy.proxyPort(), "/echo?msg=unused", "via proxy");

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).isEqualTo("via proxy");
    assertThat(answer.headers().firstValue(InfoEndpoints.SERVED_BY)).hasValue("backend-host");
    assertThat(Http.get(proxy.proxyPort(), "/echo?msg=a%26b").body()).isEqualTo("a&b");
  }

  @Test
  void proxyRelaysFailingStatusesAndSwitchesReachTheBackend() {
    Http.post(proxy.proxyPort(), "/switch/healthy?on=false", "");

    assertThat(Http.get(proxy.proxyPort(), "/health").statusCode()).isEqualTo(500);
    assertThat(Http.get(backend.port(), "/health").statusCode()).isEqualTo(500);
    assertThat(Http.get(proxy.proxyPort(), "/nowhere").statusCode()).isEqualTo(404);
  }

  @Test
  void proxyOnlyModeServesNoDemoEndpointsOfItsOwn() {
    assertThat(Http.get(proxy.proxyPort(), "/hostname").body()).isEqualTo("backend-host\n");
  }

  @Test
  void unreachableBackendGivesBadGateway() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    DemoSettings.Proxy forward = new DemoSettings.Proxy("127.0.0.1:" + closedPort, 0);
    try (DemoServer orphan =
        start(new DemoSettings(null, "1", "orphan", null, 0, forward, Map.of()))) {
      HttpResponse<String> answer = Http.get(orphan.proxyPort(), "/");

      assertThat(answer.statusCode()).isEqualTo(502);
      assertThat(answer.body()).contains("127.0.0.1:" + closedPort);
    }
  }

  private static DemoServer start(DemoSettings settings) throws IOException {
    return DemoServer.start(settings, Clock.systemUTC(), QUIET, code -> {});
  }
}
