package io.cetus.serviceproxy.proxy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.cetus.controller.reconcile.Request;
import io.cetus.serviceproxy.proxy.ServiceProxyProperties.TransportMode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The listening side of the proxy with several event loops, on both of Netty's transports: on epoll
 * every loop listens on a service address with a socket of its own, and to a client that must look
 * like one listener.
 */
class ProxierListenersTest {

  private static final int EVENT_LOOPS = 4;
  private static final int ATTEMPTS = 4 * EVENT_LOOPS;
  private static final Request SERVICE = new Request("default", "web");

  private final int net = ThreadLocalRandom.current().nextInt(1, 255);
  private Proxier proxier;
  private TestBackend backend;
  private InetSocketAddress front;

  @AfterEach
  void stop() throws IOException {
    if (proxier != null) {
      proxier.close();
    }
    if (backend != null) {
      backend.close();
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = TransportMode.class,
      names = {"NIO", "EPOLL"})
  void refusesEveryConnectionOnceTheServiceIsRemoved(TransportMode transport) throws Exception {
    start(transport);
    assertThat(apply()).isEmpty();
    for (int i = 0; i < ATTEMPTS; i++) {
      try (Socket client = connect()) {
        assertThat(TestBackend.readLine(client.getInputStream())).isEqualTo("a");
      }
    }

    proxier.remove(SERVICE);

    // a connection racing with the close may still be taken and then reset (the kernel lets go of
    // a port's listeners within milliseconds); after that every one is refused
    await().atMost(Duration.ofSeconds(5)).until(this::refused);
    for (int i = 0; i < ATTEMPTS; i++) {
      assertThatThrownBy(this::connect).isInstanceOf(ConnectException.class);
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = TransportMode.class,
      names = {"NIO", "EPOLL"})
  void reportsAnAddressAnotherProgramListensOnAndServesItOnceFree(TransportMode transport)
      throws Exception {
    start(transport);
    try (ServerSocket squatter = new ServerSocket()) {
      squatter.bind(front);

      List<Proxier.BindFailure> failures = apply();

      assertThat(failures).singleElement().satisfies(f -> assertThat(f.isNew()).isTrue());
      assertThat(failures.getFirst().message())
          .contains("cannot listen on")
          .contains("Address already in use");
      assertThat(proxier.listening(SERVICE)).isEmpty();
    }

    assertThat(apply()).isEmpty();
    assertThat(proxier.listening(SERVICE)).containsExactly(front);
    try (Socket client = connect()) {
      assertThat(TestBackend.readLine(client.getInputStream())).isEqualTo("a");
    }
  }

  private void start(TransportMode transport) throws IOException {
    backend =
        new TestBackend(
            "a",
            new InetSocketAddress(InetAddress.getByName("127.81." + net + ".1"), 0),
            TestBackend.IDENTIFY_AND_ECHO);
    proxier =
        new Proxier(
            Transport.select(transport),
            EVENT_LOOPS,
            Duration.ofSeconds(30),
            Clock.systemUTC(),
            new SimpleMeterRegistry());
    front = new InetSocketAddress(InetAddress.getByName("127.80." + net + ".10"), 8080);
  }

  private List<Proxier.BindFailure> apply() {
    return proxier.apply(
        SERVICE,
        List.of(
            new PortPlan(
                new ServicePortName("default", "web", ""),
                List.of(new Frontend(front, Frontend.Kind.CLUSTER_IP)),
                List.of(backend.address()),
                SessionAffinity.NONE)));
  }

  /** Whether connecting is refused; a connection taken instead must not reach the endpoint. */
  private boolean refused() throws IOException {
    try (Socket client = connect()) {
      assertThat(firstByteOrReset(client)).isNotEqualTo('a');
      return false;
    } catch (ConnectException e) {
      return true;
    }
  }

  private static int firstByteOrReset(Socket client) throws IOException {
    try {
      return client.getInputStream().read();
    } catch (SocketException reset) {
      return -1;
    }
  }

  private Socket connect() throws IOException {
    Socket client = new Socket();
    client.setSoTimeout(30_000);
    client.connect(front);
    return client;
  }
}
