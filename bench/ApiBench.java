import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load generator for the Cetus API: latency and throughput of create, get, list and update with
 * 1, 10 and 50 concurrent clients against one or more endpoints, and watch delivery latency with 1
 * and 100 watchers. JDK only, run with the source launcher:
 *
 * <pre>java bench/ApiBench.java label=http://127.0.0.1:18080 [label2=url2 ...]</pre>
 *
 * Prints one Markdown table row per measurement. System properties narrow a run down for profiling:
 * {@code -Dbench.ops=N} (requests per client at 1 to 5 clients), {@code -Dbench.clients=1,10,50},
 * {@code -Dbench.operations=create,get,update,list} and {@code -Dbench.watch=false}.
 *
 * <p>Requests go out on plain keep-alive HTTP/1.1 connections, one per client, written and parsed
 * here: the load generator shares the machine's cores with the platform, and the JDK's HttpClient
 * spends more CPU per request than the gateway does. {@code -Dbench.client=jdk} uses the JDK's
 * client instead (watches always do).
 */
public class ApiBench {

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private static final int OPS_PER_CLIENT = Integer.getInteger("bench.ops", 400);
  private static final int[] CLIENTS =
      Arrays.stream(System.getProperty("bench.clients", "1,10,50").split(","))
          .mapToInt(Integer::parseInt)
          .toArray();
  private static final List<String> OPERATIONS =
      List.of(System.getProperty("bench.operations", "create,get,update,list").split(","));
  private static final boolean WATCH =
      Boolean.parseBoolean(System.getProperty("bench.watch", "true"));
  private static final boolean JDK_CLIENT = "jdk".equals(System.getProperty("bench.client"));
  /** Each client thread's open connections, by {@code host:port}. */
  private static final ThreadLocal<Map<String, RawConnection>> CONNECTIONS =
      ThreadLocal.withInitial(HashMap::new);
  private static final Pattern RESOURCE_VERSION =
      Pattern.compile("\"resourceVersion\":\"(\\d+)\"");

  public static void main(String[] args) throws Exception {
    System.out.println(
        "| endpoint | operation | clients | requests | throughput (req/s) | p50 (ms) | p99 (ms) |");
    System.out.println("|---|---|---|---|---|---|---|");
    for (String arg : args) {
      String label = arg.substring(0, arg.indexOf('='));
      String base = arg.substring(arg.indexOf('=') + 1);
      String namespace = "bench-" + label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
      send("DELETE", base + "/api/v1/namespaces/" + namespace, null);
      awaitGone(base + "/api/v1/namespaces/" + namespace);
      send(
          "POST",
          base + "/api/v1/namespaces",
          "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\""
              + namespace
              + "\"}}");
      String configMaps = base + "/api/v1/namespaces/" + namespace + "/configmaps";
      for (int clients : CLIENTS) {
        String prefix = "c" + clients + "-";
        if (OPERATIONS.contains("create")) {
          run(label, "create", clients, (c, i) -> send("POST", configMaps, configMap(prefix + c + "-" + i, i)));
        }
        if (OPERATIONS.contains("get")) {
          run(label, "get", clients, (c, i) -> send("GET", configMaps + "/" + prefix + c + "-" + i, null));
        }
        if (OPERATIONS.contains("update")) {
          run(label, "update", clients, (c, i) -> send("PUT", configMaps + "/" + prefix + c + "-" + i, configMap(prefix + c + "-" + i, i + 1)));
        }
        if (OPERATIONS.contains("list")) {
          run(label, "list (limit 50)", clients, (c, i) -> send("GET", configMaps + "?limit=50", null));
        }
      }
      for (int watchers : WATCH ? new int[] {1, 100} : new int[0]) {
        watchLatency(label, configMaps, watchers);
      }
      send("DELETE", base + "/api/v1/namespaces/" + namespace, null);
    }
  }

  private interface Operation {
    int call(int client, int index) throws Exception;
  }

  private static void run(String label, String name, int clients, Operation operation)
      throws Exception {
    int perClient = Math.max(20, OPS_PER_CLIENT / Math.max(1, clients / 5));
    long[][] latencies = new long[clients][perClient];
    AtomicInteger failures = new AtomicInteger();
    CountDownLatch done = new CountDownLatch(clients);
    long start = System.nanoTime();
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int c = 0; c < clients; c++) {
        int client = c;
        pool.submit(
            () -> {
              for (int i = 0; i < perClient; i++) {
                long t0 = System.nanoTime();
                try {
                  int status = operation.call(client, i);
                  if (status >= 300) {
                    failures.incrementAndGet();
                  }
                } catch (Exception e) {
                  failures.incrementAndGet();
                }
                latencies[client][i] = System.nanoTime() - t0;
              }
              closeConnections();
              done.countDown();
              return null;
            });
      }
      done.await();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
    System.out.printf(
        Locale.ROOT,
        "| %s | %s | %d | %d | %.0f | %.2f | %.2f |%s%n",
        label,
        name,
        clients,
        all.length,
        all.length / seconds,
        percentile(all, 0.50),
        percentile(all, 0.99),
        failures.get() > 0 ? " " + failures.get() + " failed" : "");
  }

  /** Time from a write's answer to its event reaching each of {@code watchers} open watches. */
  private static void watchLatency(String label, String configMaps, int watchers) throws Exception {
    int writes = 200;
    String rv = resourceVersion(HTTP.send(get(configMaps + "?limit=1"), HttpResponse.BodyHandlers.ofString()).body());
    ConcurrentHashMap<String, Long> written = new ConcurrentHashMap<>();
    List<Long> delays = java.util.Collections.synchronizedList(new ArrayList<>());
    CountDownLatch allSeen = new CountDownLatch(watchers * writes);
    CountDownLatch connected = new CountDownLatch(watchers);
    List<Thread> readers = new ArrayList<>();
    for (int w = 0; w < watchers; w++) {
      readers.add(
          Thread.ofVirtual()
              .start(
                  () -> {
                    try {
                      var response =
                          HTTP.send(
                              get(configMaps + "?watch=true&labelSelector=bench%3Dwatch&resourceVersion=" + rv),
                              HttpResponse.BodyHandlers.ofInputStream());
                      connected.countDown();
                      try (var reader =
                          new BufferedReader(
                              new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                        String line;
                        Pattern name = Pattern.compile("\"name\":\"(w-\\d+)\"");
                        while ((line = reader.readLine()) != null) {
                          long now = System.nanoTime();
                          Matcher m = name.matcher(line);
                          if (line.contains("\"ADDED\"") && m.find()) {
                            Long sent = written.get(m.group(1));
                            if (sent != null) {
                              delays.add(now - sent);
                            }
                            allSeen.countDown();
                          }
                        }
                      }
                    } catch (Exception e) {
                      connected.countDown();
                    }
                  }));
    }
    connected.await(30, TimeUnit.SECONDS);
    for (int i = 0; i < writes; i++) {
      String name = "w-" + watchers + "x" + i;
      String key = "w-" + i;
      written.put(key, System.nanoTime());
      send("POST", configMaps, configMapLabelled(name, key));
    }
    allSeen.await(60, TimeUnit.SECONDS);
    readers.forEach(Thread::interrupt);
    long[] all = delays.stream().mapToLong(Long::longValue).sorted().toArray();
    System.out.printf(
        Locale.ROOT,
        "| %s | watch delivery | %d watchers | %d events | - | %.2f | %.2f |%n",
        label,
        watchers,
        all.length,
        percentile(all, 0.50),
        percentile(all, 0.99));
    send("DELETE", configMaps + "?labelSelector=bench%3Dwatch", null);
  }

  private static String configMap(String name, int value) {
    return "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\""
        + name
        + "\"},\"data\":{\"value\":\""
        + value
        + "\"}}";
  }

  private static String configMapLabelled(String name, String key) {
    return "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\""
        + name
        + "\",\"labels\":{\"bench\":\"watch\"},\"annotations\":{\"key\":\""
        + key
        + "\"}},\"data\":{\"name\":\""
        + key
        + "\"}}";
  }

  private static HttpRequest get(String url) {
    return HttpRequest.newBuilder(URI.create(url)).GET().build();
  }

  private static int send(String method, String url, String body) throws Exception {
    if (!JDK_CLIENT) {
      URI uri = URI.create(url);
      String authority = uri.getRawAuthority();
      RawConnection connection = CONNECTIONS.get().get(authority);
      if (connection == null) {
        connection = new RawConnection(uri.getHost(), uri.getPort(), authority);
        CONNECTIONS.get().put(authority, connection);
      }
      try {
        return connection.send(method, uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()), body);
      } catch (IOException e) {
        CONNECTIONS.get().remove(authority);
        connection.close();
        throw e;
      } finally {
        if (connection.closed()) {
          CONNECTIONS.get().remove(authority);
        }
      }
    }
    var builder = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json");
    builder.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    return HTTP.send(builder.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private static void closeConnections() {
    CONNECTIONS.get().values().forEach(RawConnection::close);
    CONNECTIONS.get().clear();
  }

  /**
   * One keep-alive HTTP/1.1 connection: a request at a time, the answer's body read (by {@code
   * Content-Length} or chunks) and dropped.
   */
  private static final class RawConnection {
    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private final String host;
    private boolean closed;

    RawConnection(String host, int port, String authority) throws IOException {
      socket = new Socket(host, port);
      socket.setTcpNoDelay(true);
      socket.setSoTimeout(60_000);
      out = new BufferedOutputStream(socket.getOutputStream(), 8192);
      in = new BufferedInputStream(socket.getInputStream(), 8192);
      this.host = authority;
    }

    boolean closed() {
      return closed;
    }

    int send(String method, String target, String body) throws IOException {
      byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
      StringBuilder head = new StringBuilder(256);
      head.append(method).append(' ').append(target).append(" HTTP/1.1\r\n")
          .append("Host: ").append(host).append("\r\n")
          .append("User-Agent: cetus-bench\r\n")
          .append("Accept: application/json\r\n");
      if (body != null || !method.equals("GET")) {
        head.append("Content-Type: application/json\r\n")
            .append("Content-Length: ").append(content.length).append("\r\n");
      }
      head.append("\r\n");
      out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
      out.write(content);
      out.flush();

      String status = line();
      int code = Integer.parseInt(status.substring(9, 12));
      long length = -1;
      boolean chunked = false;
      boolean close = false;
      for (String header = line(); !header.isEmpty(); header = line()) {
        int colon = header.indexOf(':');
        String name = header.substring(0, colon).trim();
        String value = header.substring(colon + 1).trim();
        if (name.equalsIgnoreCase("Content-Length")) {
          length = Long.parseLong(value);
        } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
          chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
        } else if (name.equalsIgnoreCase("Connection")) {
          close = value.equalsIgnoreCase("close");
        }
      }
      if (chunked) {
        for (long size = Long.parseLong(line().split(";")[0].trim(), 16); size > 0;
            size = Long.parseLong(line().split(";")[0].trim(), 16)) {
          skip(size);
          line();
        }
        while (!line().isEmpty()) {
          // trailers
        }
      } else if (length > 0) {
        skip(length);
      } else if (length < 0 && code != 204 && code != 304) {
        close = true; // the body runs to the end of the connection
        while (in.read() >= 0) {
          // drain
        }
      }
      if (close) {
        close();
      }
      return code;
    }

    private String line() throws IOException {
      StringBuilder line = new StringBuilder(64);
      int c;
      while ((c = in.read()) >= 0 && c != '\n') {
        if (c != '\r') {
          line.append((char) c);
        }
      }
      if (c < 0 && line.isEmpty()) {
        throw new IOException("connection closed by the server");
      }
      return line.toString();
    }

    private void skip(long bytes) throws IOException {
      long left = bytes;
      while (left > 0) {
        long skipped = in.skip(left);
        if (skipped <= 0) {
          if (in.read() < 0) {
            throw new IOException("connection closed in a body");
          }
          skipped = 1;
        }
        left -= skipped;
      }
    }

    void close() {
      closed = true;
      try {
        socket.close();
      } catch (IOException e) {
        // nothing left to do
      }
    }
  }

  private static void awaitGone(String url) throws Exception {
    for (int i = 0; i < 600; i++) {
      if (HTTP.send(get(url), HttpResponse.BodyHandlers.discarding()).statusCode() == 404) {
        return;
      }
      Thread.sleep(100);
    }
  }

  private static String resourceVersion(String json) {
    Matcher m = RESOURCE_VERSION.matcher(json);
    return m.find() ? m.group(1) : "0";
  }

  private static double percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
  }
}
