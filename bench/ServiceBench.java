import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A load generator for one TCP path to the demo app (a pod directly, a Service, another proxy), so
 * the paths can be compared in one run. JDK only, one platform thread per connection:
 *
 * <pre>
 *   java bench/ServiceBench.java requests HOST:PORT CONNECTIONS SECONDS keepalive|connect
 *       GET /hostname over CONNECTIONS connections for SECONDS; keepalive re-uses each
 *       connection (HTTP/1.1), connect opens a new one per request (HTTP/1.0).
 *       Prints: requests/s, p50 ms, p99 ms, errors
 *   java bench/ServiceBench.java bulk HOST:PORT MEBIBYTES ROUNDS
 *       GET /bytes?mb=MEBIBYTES ROUNDS times on one connection each.
 *       Prints: the best and median MiB/s
 * </pre>
 */
public class ServiceBench {

  public static void main(String[] args) throws Exception {
    String[] hostPort = args[1].split(":");
    InetSocketAddress target = new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1]));
    switch (args[0]) {
      case "requests" ->
          requests(
              target,
              Integer.parseInt(args[2]),
              Integer.parseInt(args[3]),
              args[4].equals("keepalive"));
      case "bulk" -> bulk(target, Integer.parseInt(args[2]), Integer.parseInt(args[3]));
      default -> throw new IllegalArgumentException("requests or bulk, not " + args[0]);
    }
  }

  private static void requests(
      InetSocketAddress target, int connections, int seconds, boolean keepAlive)
      throws InterruptedException {
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    List<long[]> latencies = new ArrayList<>();
    int[] counts = new int[connections];
    int[] errors = new int[connections];
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < connections; i++) {
      int index = i;
      long[] mine = new long[4_000_000];
      latencies.add(mine);
      threads.add(
          Thread.ofPlatform()
              .start(
                  () -> {
                    Client client = null;
                    while (System.nanoTime() < end && counts[index] < mine.length) {
                      long start = System.nanoTime();
                      try {
                        if (client == null) {
                          client = new Client(target);
                        }
                        client.get("/hostname", keepAlive);
                        mine[counts[index]++] = System.nanoTime() - start;
                      } catch (IOException e) {
                        errors[index]++;
                      }
                      if (!keepAlive && client != null) {
                        client.close();
                        client = null;
                      }
                    }
                    if (client != null) {
                      client.close();
                    }
                  }));
    }
    for (Thread thread : threads) {
      thread.join();
    }
    int total = Arrays.stream(counts).sum();
    long[] all = new long[total];
    int at = 0;
    for (int i = 0; i < connections; i++) {
      System.arraycopy(latencies.get(i), 0, all, at, counts[i]);
      at += counts[i];
    }
    Arrays.sort(all);
    System.out.printf(
        "%.0f %.2f %.2f %d%n",
        total / (double) seconds,
        percentile(all, 0.50) / 1e6,
        percentile(all, 0.99) / 1e6,
        Arrays.stream(errors).sum());
  }

  private static void bulk(InetSocketAddress target, int mebibytes, int rounds) throws IOException {
    double[] rates = new double[rounds];
    for (int round = 0; round < rounds; round++) {
      long start = System.nanoTime();
      try (Client client = new Client(target)) {
        long received = client.download("/bytes?mb=" + mebibytes);
        if (received != mebibytes * 1024L * 1024L) {
          throw new IOException("received " + received + " bytes of " + mebibytes + " MiB");
        }
      }
      rates[round] = mebibytes / ((System.nanoTime() - start) / 1e9);
    }
    Arrays.sort(rates);
    System.out.printf("%.0f %.0f%n", rates[rounds - 1], rates[rounds / 2]);
  }

  private static long percentile(long[] sorted, double p) {
    return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, p * sorted.length)];
  }

  /** One HTTP connection that reads exactly one response per request. */
  private static final class Client implements AutoCloseable {

    private final Socket socket = new Socket();
    private final InputStream in;
    private final OutputStream out;

    Client(InetSocketAddress target) throws IOException {
      socket.setTcpNoDelay(true);
      socket.connect(target, 5_000);
      socket.setSoTimeout(10_000);
      in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
      out = socket.getOutputStream();
    }

    void get(String path, boolean keepAlive) throws IOException {
      String version = keepAlive ? "HTTP/1.1" : "HTTP/1.0";
      out.write(
          ("GET " + path + " " + version + "\r\nHost: bench\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      long length = readHeaders();
      in.skipNBytes(length);
    }

    long download(String path) throws IOException {
      out.write(
          ("GET " + path + " HTTP/1.1\r\nHost: bench\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      long length = readHeaders();
      byte[] buffer = new byte[256 * 1024];
      long received = 0;
      while (received < length) {
        int read = in.read(buffer, 0, (int) Math.min(buffer.length, length - received));
        if (read < 0) {
          break;
        }
        received += read;
      }
      return received;
    }

    /** Reads the status line and headers of a 200 answer; returns its Content-Length. */
    private long readHeaders() throws IOException {
      String status = line();
      if (!status.startsWith("HTTP/1.") || !status.contains(" 200 ")) {
        throw new IOException("answer: " + status);
      }
      long length = -1;
      for (String header = line(); !header.isEmpty(); header = line()) {
        int colon = header.indexOf(':');
        if (colon > 0 && header.substring(0, colon).equalsIgnoreCase("content-length")) {
          length = Long.parseLong(header.substring(colon + 1).strip());
        }
      }
      if (length < 0) {
        throw new IOException("no Content-Length");
      }
      return length;
    }

    private String line() throws IOException {
      StringBuilder line = new StringBuilder();
      for (int c = in.read(); c != '\n'; c = in.read()) {
        if (c < 0) {
          throw new IOException("connection closed");
        }
        if (c != '\r') {
          line.append((char) c);
        }
      }
      return line.toString();
    }

    @Override
    public void close() {
      try {
        socket.close();
      } catch (IOException e) {
        // closing: nothing left to do
      }
    }
  }
}
