package io.cetus.serviceproxy.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.cetus.controller.reconcile.Request;
import io.cetus.serviceproxy.proxy.ServiceProxyProperties.TransportMode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The bytes between a client and an endpoint, on both of Netty's transports. */
class RelayTest {

  private static final Duration DEADLINE = Duration.ofSeconds(30);
  private static final int BULK = 50 * 1024 * 1024;

  /** Far below what an unthrottled relay would take in while the test watches. */
  private static final long BUFFER_BOUND = 64L * 1024 * 1024;

  private final int net = ThreadLocalRandom.current().nextInt(1, 255);
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
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
  void passesTheClientsEndOfStreamOnAndKeepsTheOtherDirectionOpen(TransportMode transport)
      throws Exception {
    serve(transport, TestBackend.COUNT);

    try (Socket client = connect()) {
      OutputStream out = client.getOutputStream();
      out.write(new byte[1024 * 1024]);
      out.flush();
      client.shutdownOutput();

      InputStream in = client.getInputStream();
      assertThat(TestBackend.readLine(in)).isEqualTo("got " + (1024 * 1024));
      assertThat(in.read()).isEqualTo(-1);
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = TransportMode.class,
      names = {"NIO", "EPOLL"})
  void passesTheEndpointsEndOfStreamOnAndStillCarriesWhatTheClientSendsAfterIt(
      TransportMode transport) throws Exception {
    CompletableFuture<Long> receivedAfterItsEnd = new CompletableFuture<>();
    serve(
        transport,
        (socket, name) -> {
          socket.getOutputStream().write("bye\n".getBytes(StandardCharsets.UTF_8));
          socket.shutdownOutput();
          receivedAfterItsEnd.complete(
              socket.getInputStream().transferTo(OutputStream.nullOutputStream()));
        });

    try (Socket client = connect()) {
      InputStream in = client.getInputStream();
      assertThat(TestBackend.readLine(in)).isEqualTo("bye");
      assertThat(in.read()).isEqualTo(-1);

      OutputStream out = client.getOutputStream();
      out.write(new byte[1024 * 1024]);
      out.flush();
      client.shutdownOutput();

      assertThat(receivedAfterItsEnd.get(DEADLINE.toSeconds(), TimeUnit.SECONDS))
          .isEqualTo(1024 * 1024);
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = TransportMode.class,
      names = {"NIO", "EPOLL"})
  void relaysFiftyMegabytesBothWaysIntact(TransportMode transport) throws Exception {
    serve(transport, TestBackend.ECHO);

    try (Socket client = connect()) {
      CompletableFuture<byte[]> sent =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  MessageDigest digest = MessageDigest.getInstance("SHA-256");
                  Random random = new Random(42);
                  byte[] chunk = new byte[64 * 1024];
                  OutputStream out = client.getOutputStream();
                  for (int written = 0; written < BULK; written += chunk.length) {
                    random.nextBytes(chunk);
                    digest.update(chunk);
                    out.write(chunk);
                  }
                  client.shutdownOutput();
                  return digest.digest();
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              },
              runnable -> Thread.ofVirtual().start(runnable));

      MessageDigest received = MessageDigest.getInstance("SHA-256");
      long total = 0;
      byte[] buffer = new byte[64 * 1024];
      InputStream in = client.getInputStream();
      for (int n; (n = in.read(buffer)) != -1; ) {
        received.update(buffer, 0, n);
        total += n;
      }

      assertThat(total).isEqualTo(BULK);
      assertThat(received.digest()).isEqualTo(sent.get(DEADLINE.toSeconds(), TimeUnit.SECONDS));
    }
    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () -> {
              assertThat(bytes("to-endpoint")).isEqualTo(BULK);
              assertThat(bytes("to-client")).isEqualTo(BULK);
            });
  }

  @ParameterizedTest
  @EnumSource(
      value = TransportMode.class,
      names = {"NIO", "EPOLL"})
  void stopsReadingFromTheEndpointWhileTheClientDoesNotRead(TransportMode transport)
      throws Exception {
    AtomicLong written = new AtomicLong();
    serve(
        transport,
        (socket, name) -> {
          OutputStream out = socket.getOutputStream();
          byte[] chunk = new byte[64 * 1024];
          for (long offset = 0; ; offset += chunk.length) {
            for (int i = 0; i < chunk.length; i++) {
              chunk[i] = pattern(offset + i);
            }
            out.write(chunk);
            written.addAndGet(chunk.length);
          }
        });

    try (Socket client = connect()) {
      await().atMost(DEADLINE).until(() -> written.get() > 1024 * 1024);
      // the client reads nothing: once the buffers on the way are full, the endpoint is held back
      await()
          .during(Duration.ofSeconds(1))
          .atMost(Duration.ofSeconds(5))
          .until(() -> written.get() < BUFFER_BOUND);
      long stalled = written.get();

      InputStream in = client.getInputStream();
      byte[] buffer = new byte[64 * 1024];
      long offset = 0;
      while (offset < stalled + 8 * 1024 * 1024) {
        int n = in.read(buffer);
        assertThat(n).isPositive();
        for (int i = 0; i < n; i++) {
          if (buffer[i] != pattern(offset + i)) {
            throw new AssertionError("byte " + (offset + i) + " corrupted");
          }
        }
        offset += n;
      }
      assertThat(written.get()).isGreaterThan(stalled);
    }
  }

  private static byte pattern(long offset) {
    return (byte) (offset % 251);
  }

  private void serve(TransportMode transport, TestBackend.Behaviour behaviour) throws IOException {
    backend =
        new TestBackend(
            "a",
            new InetSocketAddress(InetAddress.getByName("127.78." + net + ".1"), 0),
            behaviour);
    proxier =
        new Proxier(
            // a connect timeout far above the default: these tests are about the bytes, and a
            // loaded CI machine must not turn a slow connect into a reset client
            Transport.select(transport), 2, DEADLINE, Clock.systemUTC(), registry);
    front = new InetSocketAddress(InetAddress.getByName("127.77." + net + ".10"), 8080);
    List<Proxier.BindFailure> failures =
        proxier.apply(
            new Request("default", "bulk"),
            List.of(
                new PortPlan(
                    new ServicePortName("default", "bulk", ""),
                    List.of(new Frontend(front, Frontend.Kind.CLUSTER_IP)),
                    List.of(backend.address()),
                    SessionAffinity.NONE)));
    assertThat(failures).isEmpty();
    assertThat(proxier.transportName()).isEqualTo(transport.name().toLowerCase());
  }

  private Socket connect() throws IOException {
    Socket client = new Socket();
    client.setSoTimeout((int) DEADLINE.toMillis());
    client.connect(front);
    return client;
  }

  private double bytes(String direction) {
    return registry.find(PortMetrics.BYTES).tag("direction", direction).counter().count();
  }
}
