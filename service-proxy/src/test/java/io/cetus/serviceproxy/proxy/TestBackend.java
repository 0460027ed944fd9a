package io.cetus.serviceproxy.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP server standing in for a pod: blocking sockets, a virtual thread per connection (the proxy
 * under test is the non-blocking part).
 */
final class TestBackend implements AutoCloseable {

  /** What the backend does with one accepted connection. */
  @FunctionalInterface
  interface Behaviour {
    void serve(Socket socket, String name) throws IOException;
  }

  /** Writes its name and a newline, then echoes everything until end of stream, then closes. */
  static final Behaviour IDENTIFY_AND_ECHO =
      (socket, name) -> {
        OutputStream out = socket.getOutputStream();
        out.write((name + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        socket.getInputStream().transferTo(out);
      };

  /** Echoes everything until end of stream, then closes. */
  static final Behaviour ECHO =
      (socket, name) -> socket.getInputStream().transferTo(socket.getOutputStream());

  /** Reads until end of stream, then answers {@code got <bytes>} and closes. */
  static final Behaviour COUNT =
      (socket, name) -> {
        long total = socket.getInputStream().transferTo(OutputStream.nullOutputStream());
        socket.getOutputStream().write(("got " + total + "\n").getBytes(StandardCharsets.UTF_8));
      };

  private final String name;
  private final ServerSocket server;
  private final Behaviour behaviour;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final AtomicInteger accepted = new AtomicInteger();

  TestBackend(String name, InetSocketAddress address, Behaviour behaviour) throws IOException {
    this.name = name;
    this.behaviour = behaviour;
    this.server = new ServerSocket();
    server.setReuseAddress(true);
    server.bind(address);
    Thread.ofVirtual().name("backend-" + name).start(this::acceptLoop);
  }

  InetSocketAddress address() {
    return (InetSocketAddress) server.getLocalSocketAddress();
  }

  String name() {
    return name;
  }

  int accepted() {
    return accepted.get();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        accepted.incrementAndGet();
        open.add(socket);
        Thread.ofVirtual().start(() -> serve(socket));
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      behaviour.serve(socket, name);
    } catch (SocketException closedOrReset) {
      // the test is done with it
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } finally {
      open.remove(socket);
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket socket : open) {
      socket.close();
    }
  }

  static String readLine(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    int b;
    while ((b = in.read()) != -1 && b != '\n') {
      line.append((char) b);
    }
    return line.toString();
  }
}
