package io.cetus.serviceproxy.proxy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.StandardSocketOptions;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AutoClose;

import io.cetus.serviceproxy.proxy.ServiceProxyProperties.TransportMode;

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

  @AutoClose private OnePortProxy proxy;

  @BothTransports
  void refusesEveryConnectionOnceTheServiceIsRemoved(TransportMode transport) throws Exception {
    proxy = new OnePortProxy(transport, EVENT_LOOPS, TestBackend.IDENTIFY_AND_ECHO);
    assertThat(proxy.apply()).isEmpty();
    for (int i = 0; i < ATTEMPTS; i++) {
      try (Socket client = connect()) {
        assertThat(TestBackend.readLine(client.getInputStream())).isEqualTo("a");
      }
    }

    proxy.proxier.remove(OnePortProxy.SERVICE);

    // a connection racing with the close may still be taken and then reset (the kernel lets go of
    // a port's listeners within milliseconds); after that every one is refused
    await().atMost(Duration.ofSeconds(5)).until(this::refused);
    for (int i = 0; i < ATTEMPTS; i++) {
      assertThatThrownBy(this::connect).isInstanceOf(ConnectException.class);
    }
  }

  @BothTransports
  void reportsAnAddressAnotherProgramListensOnAndServesItOnceFree(TransportMode transport)
      throws Exception {
    proxy = new OnePortProxy(transport, EVENT_LOOPS, TestBackend.IDENTIFY_AND_ECHO);
    try (ServerSocket squatter = new ServerSocket()) {
      squatter.bind(proxy.front);

      assertRefusedAsTaken(proxy.apply());
    }

    assertServedOnceFree();
  }

  @BothTransports
  void doesNotShareAnAddressWithAnotherProgramThatWouldShareIt(TransportMode transport)
      throws Exception {
    proxy = new OnePortProxy(transport, EVENT_LOOPS, TestBackend.IDENTIFY_AND_ECHO);
    try (ServerSocket squatter = new ServerSocket()) {
      squatter.setOption(StandardSocketOptions.SO_REUSEPORT, true);
      squatter.bind(proxy.front);

      assertRefusedAsTaken(proxy.apply());
    }

    assertServedOnceFree();
  }

  private void assertRefusedAsTaken(List<Proxier.BindFailure> failures) {
    assertThat(failures).singleElement().satisfies(f -> assertThat(f.isNew()).isTrue());
    assertThat(failures.getFirst().message())
        .contains("cannot listen on")
        .contains("Address already in use");
    assertThat(proxy.proxier.listening(OnePortProxy.SERVICE)).isEmpty();
  }

  private void assertServedOnceFree() throws IOException {
    assertThat(proxy.apply()).isEmpty();
    assertThat(proxy.proxier.listening(OnePortProxy.SERVICE)).containsExactly(proxy.front);
    try (Socket client = connect()) {
      assertThat(TestBackend.readLine(client.getInputStream())).isEqualTo("a");
    }
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
    return proxy.connect();
  }
}
