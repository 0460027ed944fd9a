package io.cetus.serviceproxy.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AutoClose;

import io.cetus.serviceproxy.proxy.ServiceProxyProperties.TransportMode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The bytes between a client and an endpoint, on both of Netty's transports. */
class RelayTest {

  private static final Duration DEADLINE = Duration.ofSeconds(30);
  private static final int BULK = 50 * 1024 * 1024;

  /** Far below what an unthrottled relay would take in while the test watches. */
  private static final long BUFFER_BOUND = 64L * 1024 * 1024;

  @AutoClose private OnePortProxy proxy;

  @BothTransports
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

  @BothTransports
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

  @BothTransports
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
              assertThat(proxy.bytes("to-endpoint")).isEqualTo(BULK);
              assertThat(proxy.bytes("to-client")).isEqualTo(BULK);
            });
  }

  @BothTransports
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
    proxy = new OnePortProxy(transport, 2, behaviour);
    assertThat(proxy.apply()).isEmpty();
    assertThat(proxy.proxier.transportName()).isEqualTo(transport.name().toLowerCase());
  }

  private Socket connect() throws IOException {
    return proxy.connect();
  }
}
