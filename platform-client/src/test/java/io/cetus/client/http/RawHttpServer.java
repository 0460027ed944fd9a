package io.cetus.client.http;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A server that answers HTTP/1.1 requests with bytes a test writes itself, so a client can be shown
 * chunked bodies, interim answers, closed connections and answers that never come.
 */
final class RawHttpServer implements AutoCloseable {

  /** What to write back for a request, and whether to close the connection afterwards. */
  record Reply(String raw, boolean closeAfter) {
    static Reply of(String raw) {
      return new Reply(raw, false);
    }

    /** A 200 with a JSON body and its length. */
    static Reply json(String body) {
      return of(
          "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
              + body.getBytes(StandardCharsets.UTF_8).length
              + "\r\n\r\n"
              + body);
    }

    Reply thenClose() {
      return new Reply(raw, true);
    }
  }

  /** A request as it arrived: the connection it came on (from 1), its head and body. */
  record Received(int connection, String head, String body) {}

  @FunctionalInterface
  interface Script {
    /** The reply to {@code request}; null to never answer. */
    Reply reply(Received request);
  }

  private final ServerSocket server;
  private final Script script;
  private final AtomicInteger connections = new AtomicInteger();
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private final CountDownLatch stopped = new CountDownLatch(1);

  RawHttpServer(Script script) throws IOException {
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.script = script;
    Thread.ofVirtual().start(this::accept);
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getLocalPort();
  }

  int connectionsAccepted() {
    return connections.get();
  }

  List<Received> received() {
    return List.copyOf(received);
  }

  /** Closes every connection the server holds, as a server does with idle ones. */
  void closeConnections() throws IOException {
    for (Socket socket : sockets) {
      socket.close();
    }
  }

  @Override
  public void close() throws IOException {
    stopped.countDown();
    server.close();
    closeConnections();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        sockets.add(socket);
        int number = connections.incrementAndGet();
        Thread.ofVirtual().start(() -> serve(socket, number));
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void serve(Socket socket, int number) {
    try (socket) {
      InputStream in = new BufferedInputStream(socket.getInputStream());
      while (true) {
        String head = readHead(in);
        if (head == null) {
          return;
        }
        int length = contentLength(head);
        String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
        var request = new Received(number, head, body);
        received.add(request);
        Reply reply = script.reply(request);
        if (reply == null) {
          stopped.await();
          return;
        }
        socket.getOutputStream().write(reply.raw().getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().flush();
        if (reply.closeAfter()) {
          return;
        }
      }
    } catch (IOException e) {
      // the client went away
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String readHead(InputStream in) throws IOException {
    var head = new ByteArrayOutputStream();
    int matched = 0;
    int next;
    while ((next = in.read()) >= 0) {
      head.write(next);
      matched = next == "\r\n\r\n".charAt(matched) ? matched + 1 : (next == '\r' ? 1 : 0);
      if (matched == 4) {
        return head.toString(StandardCharsets.ISO_8859_1);
      }
    }
    return null;
  }

  private static int contentLength(String head) {
    for (String line : head.split("\r\n")) {
      if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
        return Integer.parseInt(line.substring(15).strip());
      }
    }
    return 0;
  }
}
