import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
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
import java.util.stream.Stream;

/**
 * Pod benchmarks against a running platform, JDK only, run with the source launcher:
 *
 * <pre>
 * java bench/PodBench.java startup API NAMESPACE COUNT RATE IMAGE
 *     creates COUNT pods of IMAGE at RATE pods/s (0: all at once, from 20 clients) and prints the
 *     latency from each create's request to the watch event that shows the pod Running
 *     (p50/p90/p99/max), with its two parts: create to bound and bound to Running
 * java bench/PodBench.java create API NAMESPACE COUNT
 *     creates COUNT pods (pause image) from 20 clients and returns
 * java bench/PodBench.java binds API NAMESPACE COUNT
 *     watches the namespace until COUNT pods are bound and prints how fast they were bound: the
 *     rate between the first and the last binding the watch saw
 * java bench/PodBench.java clean API NAMESPACE
 *     deletes the namespace and waits until it is gone (its pods' containers stopped)
 * </pre>
 *
 * Times are taken here, on the client's clock, when a response or a watch line arrives; the watch
 * is opened (and the namespace created) before the first pod.
 */
public class PodBench {

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private static final Pattern NAME = Pattern.compile("\"name\":\"(pb-\\d+)\"");
  private static final Pattern NODE = Pattern.compile("\"nodeName\":\"([^\"]+)\"");
  private static final Pattern RUNNING = Pattern.compile("\"phase\":\"Running\"");
  private static final Pattern RESOURCE_VERSION =
      Pattern.compile("\"resourceVersion\":\"(\\d+)\"");
  private static final int CLIENTS = 20;

  public static void main(String[] args) throws Exception {
    String mode = args[0];
    String api = args[1];
    String namespace = args[2];
    switch (mode) {
      case "startup" ->
          startup(
              api,
              namespace,
              Integer.parseInt(args[3]),
              Double.parseDouble(args[4]),
              args[5]);
      case "create" -> {
        ensureNamespace(api, namespace);
        createAll(api, namespace, Integer.parseInt(args[3]), "cetus/pause:1");
      }
      case "binds" -> binds(api, namespace, Integer.parseInt(args[3]));
      case "clean" -> clean(api, namespace);
      default -> throw new IllegalArgumentException("unknown mode " + mode);
    }
    System.exit(0);
  }

  /** Create-to-Running latency of COUNT pods created at RATE pods/s. */
  private static void startup(String api, String namespace, int count, double rate, String image)
      throws Exception {
    ensureNamespace(api, namespace);
    Map<String, Long> created = new ConcurrentHashMap<>();
    Map<String, Long> bound = new ConcurrentHashMap<>();
    Map<String, Long> running = new ConcurrentHashMap<>();
    CountDownLatch allRunning = new CountDownLatch(count);
    Thread watcher =
        watch(
            api,
            namespace,
            line -> {
              long now = System.nanoTime();
              Matcher name = NAME.matcher(line);
              if (!name.find()) {
                return;
              }
              String pod = name.group(1);
              if (NODE.matcher(line).find()) {
                bound.putIfAbsent(pod, now);
              }
              if (RUNNING.matcher(line).find() && running.putIfAbsent(pod, now) == null) {
                allRunning.countDown();
              }
            });
    long start = System.nanoTime();
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    for (int i = 0; i < count; i++) {
      String pod = podName(i);
      if (rate > 0) {
        long due = start + (long) (i * 1e9 / rate);
        long wait = due - System.nanoTime();
        if (wait > 0) {
          TimeUnit.NANOSECONDS.sleep(wait);
        }
      }
      clients.submit(
          () -> {
            created.put(pod, System.nanoTime());
            post(api + "/api/v1/namespaces/" + namespace + "/pods", pod(pod, image));
            return null;
          });
    }
    clients.shutdown();
    clients.awaitTermination(10, TimeUnit.MINUTES);
    double createSeconds = (System.nanoTime() - start) / 1e9;
    if (!allRunning.await(10, TimeUnit.MINUTES)) {
      System.err.printf("only %d of %d pods ran%n", running.size(), count);
    }
    watcher.interrupt();
    List<Long> total = new ArrayList<>();
    List<Long> toBound = new ArrayList<>();
    List<Long> toRunning = new ArrayList<>();
    for (var entry : running.entrySet()) {
      long createdAt = created.get(entry.getKey());
      total.add(entry.getValue() - createdAt);
      Long boundAt = bound.get(entry.getKey());
      if (boundAt != null) {
        toBound.add(boundAt - createdAt);
        toRunning.add(entry.getValue() - boundAt);
      }
    }
    System.out.printf(
        Locale.ROOT,
        "| %s | %d of %d | %s | %.1f s | %s | %s | %s |%n",
        image,
        running.size(),
        count,
        rate > 0 ? String.format(Locale.ROOT, "%.0f pods/s", rate) : "all at once",
        createSeconds,
        summary(total),
        summary(toBound),
        summary(toRunning));
  }

  /** Watches until COUNT pods are bound; prints the binding rate. */
  private static void binds(String api, String namespace, int count) throws Exception {
    Map<String, Long> bound = new ConcurrentHashMap<>();
    Map<String, AtomicInteger> nodes = new ConcurrentHashMap<>();
    CountDownLatch allBound = new CountDownLatch(count);
    long[] first = {0};
    Thread watcher =
        watch(
            api,
            namespace,
            line -> {
              long now = System.nanoTime();
              Matcher name = NAME.matcher(line);
              Matcher node = NODE.matcher(line);
              if (name.find() && node.find() && bound.putIfAbsent(name.group(1), now) == null) {
                synchronized (first) {
                  if (first[0] == 0) {
                    first[0] = now;
                  }
                }
                nodes.computeIfAbsent(node.group(1), n -> new AtomicInteger()).incrementAndGet();
                allBound.countDown();
              }
            });
    System.out.println("watching");
    System.out.flush();
    if (!allBound.await(20, TimeUnit.MINUTES)) {
      System.err.printf("only %d of %d pods were bound%n", bound.size(), count);
    }
    watcher.interrupt();
    long last = bound.values().stream().mapToLong(Long::longValue).max().orElse(first[0]);
    double seconds = (last - first[0]) / 1e9;
    int[] perNode = nodes.values().stream().mapToInt(AtomicInteger::get).sorted().toArray();
    System.out.printf(
        Locale.ROOT,
        "| %d | %.2f s | %.0f pods/s | %d nodes, %d to %d pods each |%n",
        bound.size(),
        seconds,
        (bound.size() - 1) / seconds,
        perNode.length,
        perNode.length == 0 ? 0 : perNode[0],
        perNode.length == 0 ? 0 : perNode[perNode.length - 1]);
  }

  private static void createAll(String api, String namespace, int count, String image)
      throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    long start = System.nanoTime();
    for (int i = 0; i < count; i++) {
      String pod = podName(i);
      clients.submit(
          () -> {
            post(api + "/api/v1/namespaces/" + namespace + "/pods", pod(pod, image));
            return null;
          });
    }
    clients.shutdown();
    clients.awaitTermination(10, TimeUnit.MINUTES);
    System.out.printf(
        Locale.ROOT, "created %d pods in %.1f s%n", count, (System.nanoTime() - start) / 1e9);
  }

  /** Opens a watch on the namespace's pods from now; each event line goes to {@code sink}. */
  private static Thread watch(String api, String namespace, java.util.function.Consumer<String> sink)
      throws Exception {
    String list = get(api + "/api/v1/namespaces/" + namespace + "/pods?limit=1");
    Matcher version = RESOURCE_VERSION.matcher(list);
    String from = version.find() ? version.group(1) : "0";
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(
                    api
                        + "/api/v1/namespaces/"
                        + namespace
                        + "/pods?watch=true&allowWatchBookmarks=false&resourceVersion="
                        + from))
            .build();
    // The gateway sends a watch's headers with its first event, so the response is awaited on
    // the watch's own thread; the watch starts at the listed revision and misses nothing.
    var pending = HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofLines());
    Thread thread =
        Thread.ofPlatform()
            .daemon()
            .name("watch")
            .start(
                () -> {
                  try {
                    HttpResponse<Stream<String>> response = pending.get();
                    if (response.statusCode() != 200) {
                      System.err.println("watch answered " + response.statusCode());
                      return;
                    }
                    try (Stream<String> lines = response.body()) {
                      lines.forEach(sink);
                    }
                  } catch (Exception e) {
                    // interrupted at the end
                  }
                });
    return thread;
  }

  private static void ensureNamespace(String api, String namespace) throws Exception {
    send(
        "POST",
        api + "/api/v1/namespaces",
        "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\""
            + namespace
            + "\"}}",
        true);
  }

  private static void clean(String api, String namespace) throws Exception {
    send("DELETE", api + "/api/v1/namespaces/" + namespace, null, true);
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
    while (System.nanoTime() < deadline) {
      HttpResponse<Void> response =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(api + "/api/v1/namespaces/" + namespace)).build(),
              HttpResponse.BodyHandlers.discarding());
      if (response.statusCode() == 404) {
        return;
      }
      Thread.sleep(500);
    }
    throw new IOException("namespace " + namespace + " is still there");
  }

  private static String pod(String name, String image) {
    return """
        {"apiVersion":"v1","kind":"Pod","metadata":{"name":"%s","labels":{"app":"podbench"}},\
        "spec":{"terminationGracePeriodSeconds":1,"containers":[{"name":"app","image":"%s"}]}}"""
        .formatted(name, image);
  }

  private static String podName(int i) {
    return String.format(Locale.ROOT, "pb-%05d", i);
  }

  private static String get(String url) throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url)).build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException("GET " + url + " answered " + response.statusCode());
    }
    return response.body();
  }

  private static void post(String url, String body) throws Exception {
    send("POST", url, body, false);
  }

  private static void send(String method, String url, String body, boolean lenient)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json");
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (!lenient && response.statusCode() >= 300) {
      throw new IOException(method + " " + url + " answered " + response.statusCode());
    }
  }

  /** {@code p50 / p90 / p99 / max} in milliseconds. */
  private static String summary(List<Long> nanos) {
    if (nanos.isEmpty()) {
      return "-";
    }
    long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
    return String.format(
        Locale.ROOT,
        "%.0f / %.0f / %.0f / %.0f",
        percentile(sorted, 50) / 1e6,
        percentile(sorted, 90) / 1e6,
        percentile(sorted, 99) / 1e6,
        sorted[sorted.length - 1] / 1e6);
  }

  private static double percentile(long[] sorted, double p) {
    int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }
}
