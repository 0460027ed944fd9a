import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Deployment benchmarks against a running platform, JDK only, run with the source launcher:
 *
 * <pre>
 * java bench/WorkloadBench.java available API NAMESPACE NAME REPLICAS IMAGE [UNREACHABLE_SECONDS]
 *     creates a Deployment of REPLICAS pods (no probes, grace 1 s) and prints the time from the
 *     create to all pods Running and to the Deployment's status showing every replica updated and
 *     available for its current generation; with UNREACHABLE_SECONDS the pods tolerate the
 *     node.kubernetes.io/unreachable taint for that long instead of the platform's eviction timeout
 * java bench/WorkloadBench.java rollout API NAMESPACE NAME IMAGE
 *     changes the Deployment's image (merge patch) and prints the time to the rollout's end: all
 *     replicas updated and available, no old pod left in the status
 * java bench/WorkloadBench.java nodeloss API NAMESPACE NAME NODE COMMAND...
 *     counts the Deployment's pods on NODE, runs COMMAND (which kills the node's agent) and prints
 *     the time from just before it to: the node NotReady, the stranded pods deleted, every replica
 *     Running (and Ready) on other nodes, the Deployment available again
 * java bench/WorkloadBench.java clean API NAMESPACE
 *     deletes the namespace and waits until it is gone
 * </pre>
 *
 * Times are taken on the client's clock by polling the API every {@value #POLL_MS} ms (one GET of
 * the Deployment or of the namespace's pods), so each figure is late by up to one poll.
 */
public class WorkloadBench {

  private static final long POLL_MS = 100;
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  public static void main(String[] args) throws Exception {
    String mode = args[0];
    String api = args[1];
    String namespace = args[2];
    switch (mode) {
      case "available" ->
          available(
              api,
              namespace,
              args[3],
              Integer.parseInt(args[4]),
              args[5],
              args.length > 6 ? Integer.valueOf(args[6]) : null);
      case "rollout" -> rollout(api, namespace, args[3], args[4]);
      case "nodeloss" ->
          nodeLoss(api, namespace, args[3], args[4], List.of(args).subList(5, args.length));
      case "clean" -> clean(api, namespace);
      default -> throw new IllegalArgumentException("unknown mode " + mode);
    }
    System.exit(0);
  }

  private static void available(
      String api,
      String namespace,
      String name,
      int replicas,
      String image,
      Integer unreachableSeconds)
      throws Exception {
    send(
        "POST",
        api + "/api/v1/namespaces",
        "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\""
            + namespace
            + "\"}}",
        true);
    long start = System.nanoTime();
    send(
        "POST",
        deployments(api, namespace),
        deployment(name, replicas, image, unreachableSeconds),
        false);
    double running = -1;
    while (true) {
      if (running < 0) {
        long count =
            pods(api, namespace, name).stream()
                .filter(pod -> "Running".equals(at(pod, "status", "phase")))
                .count();
        if (count >= replicas) {
          running = seconds(start);
        }
      }
      if (complete(get(deployments(api, namespace) + "/" + name), replicas)) {
        double done = seconds(start);
        System.out.printf(
            Locale.ROOT,
            "| %d | %s | %.1f s | %.1f s |%n",
            replicas,
            image,
            running < 0 ? done : running,
            done);
        return;
      }
      pause(start, "deployment " + name + " available");
    }
  }

  private static void rollout(String api, String namespace, String name, String image)
      throws Exception {
    Map<String, Object> before = get(deployments(api, namespace) + "/" + name);
    int replicas = ((Number) at(before, "spec", "replicas")).intValue();
    long start = System.nanoTime();
    send(
        "PATCH",
        deployments(api, namespace) + "/" + name,
        "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"app\",\"image\":\""
            + image
            + "\"}]}}}}",
        false);
    while (true) {
      Map<String, Object> now = get(deployments(api, namespace) + "/" + name);
      long generation = ((Number) at(now, "metadata", "generation")).longValue();
      long beforeGeneration = ((Number) at(before, "metadata", "generation")).longValue();
      if (generation > beforeGeneration && complete(now, replicas)) {
        System.out.printf(
            Locale.ROOT, "| %d | %s | %.1f s |%n", replicas, image, seconds(start));
        return;
      }
      pause(start, "rollout of " + name);
    }
  }

  private static void nodeLoss(
      String api, String namespace, String name, String node, List<String> command)
      throws Exception {
    int replicas =
        ((Number) at(get(deployments(api, namespace) + "/" + name), "spec", "replicas")).intValue();
    Set<String> stranded = new HashSet<>();
    for (Map<String, Object> pod : pods(api, namespace, name)) {
      if (node.equals(at(pod, "spec", "nodeName"))) {
        stranded.add((String) at(pod, "metadata", "name"));
      }
    }
    long start = System.nanoTime();
    // its output to stderr: stdout carries the table row only
    Process stop =
        new ProcessBuilder(command)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    if (!stop.waitFor(60, TimeUnit.SECONDS) || stop.exitValue() != 0) {
      throw new IOException(String.join(" ", command) + " failed");
    }
    double stopped = seconds(start);
    double notReady = -1;
    double evicted = -1;
    double running = -1;
    double ready = -1;
    while (notReady < 0 || evicted < 0 || running < 0 || ready < 0) {
      if (notReady < 0 && !nodeReady(api, node)) {
        notReady = seconds(start);
      }
      List<Map<String, Object>> pods = pods(api, namespace, name);
      Set<String> names = new HashSet<>();
      int runningElsewhere = 0;
      int readyElsewhere = 0;
      for (Map<String, Object> pod : pods) {
        names.add((String) at(pod, "metadata", "name"));
        if (node.equals(at(pod, "spec", "nodeName"))
            || at(pod, "metadata", "deletionTimestamp") != null) {
          continue;
        }
        if ("Running".equals(at(pod, "status", "phase"))) {
          runningElsewhere++;
          if (podReady(pod)) {
            readyElsewhere++;
          }
        }
      }
      names.retainAll(stranded);
      if (evicted < 0 && names.isEmpty()) {
        evicted = seconds(start);
      }
      if (running < 0 && runningElsewhere >= replicas) {
        running = seconds(start);
      }
      if (ready < 0 && readyElsewhere >= replicas) {
        ready = seconds(start);
      }
      pause(start, "recovery from the loss of " + node);
    }
    System.out.printf(
        Locale.ROOT,
        "| %d of %d | %.1f s | %.1f s | %.1f s | %.1f s | %.1f s |%n",
        stranded.size(),
        replicas,
        stopped,
        notReady,
        evicted,
        running,
        ready);
  }

  private static boolean complete(Map<String, Object> deployment, int replicas) {
    Object generation = at(deployment, "metadata", "generation");
    Object observed = at(deployment, "status", "observedGeneration");
    return generation != null
        && observed != null
        && ((Number) observed).longValue() >= ((Number) generation).longValue()
        && count(deployment, "updatedReplicas") == replicas
        && count(deployment, "availableReplicas") == replicas
        && count(deployment, "replicas") == replicas;
  }

  private static int count(Map<String, Object> deployment, String field) {
    Object value = at(deployment, "status", field);
    return value == null ? 0 : ((Number) value).intValue();
  }

  private static boolean podReady(Map<String, Object> pod) {
    Object conditions = at(pod, "status", "conditions");
    if (conditions instanceof List<?> list) {
      for (Object condition : list) {
        if (condition instanceof Map<?, ?> map
            && "Ready".equals(map.get("type"))
            && "True".equals(map.get("status"))) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean nodeReady(String api, String node) throws Exception {
    Object conditions = at(get(api + "/api/v1/nodes/" + node), "status", "conditions");
    if (conditions instanceof List<?> list) {
      for (Object condition : list) {
        if (condition instanceof Map<?, ?> map && "Ready".equals(map.get("type"))) {
          return "True".equals(map.get("status"));
        }
      }
    }
    return false;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> pods(String api, String namespace, String app)
      throws Exception {
    Map<String, Object> list =
        get(api + "/api/v1/namespaces/" + namespace + "/pods?labelSelector=app%3D" + app);
    return (List<Map<String, Object>>) list.getOrDefault("items", List.of());
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

  private static String deployment(
      String name, int replicas, String image, Integer unreachableSeconds) {
    String tolerations =
        unreachableSeconds == null
            ? ""
            : """
              "tolerations":[{"key":"node.kubernetes.io/unreachable","operator":"Exists",
               "effect":"NoExecute","tolerationSeconds":%d}],"""
                .formatted(unreachableSeconds);
    return """
        {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"%1$s"},
         "spec":{"replicas":%2$d,"selector":{"matchLabels":{"app":"%1$s"}},
          "template":{"metadata":{"labels":{"app":"%1$s"}},
           "spec":{"terminationGracePeriodSeconds":1,%4$s
            "containers":[{"name":"app","image":"%3$s","imagePullPolicy":"IfNotPresent"}]}}}}"""
        .formatted(name, replicas, image, tolerations);
  }

  private static String deployments(String api, String namespace) {
    return api + "/apis/apps/v1/namespaces/" + namespace + "/deployments";
  }

  /** Sleeps until the next poll; gives up after 10 minutes. */
  private static void pause(long start, String what) throws Exception {
    if (System.nanoTime() - start > TimeUnit.MINUTES.toNanos(10)) {
      throw new IOException(what + ": not within 10 minutes");
    }
    Thread.sleep(POLL_MS);
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }

  @SuppressWarnings("unchecked")
  private static Object at(Map<String, Object> object, String... path) {
    Object current = object;
    for (String key : path) {
      if (!(current instanceof Map<?, ?> map)) {
        return null;
      }
      current = ((Map<String, Object>) map).get(key);
    }
    return current;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> get(String url) throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url)).build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException("GET " + url + " answered " + response.statusCode());
    }
    return (Map<String, Object>) new Json(response.body()).value();
  }

  private static void send(String method, String url, String body, boolean lenient)
      throws Exception {
    String type =
        method.equals("PATCH") ? "application/merge-patch+json" : "application/json";
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", type);
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (!lenient && response.statusCode() >= 300) {
      throw new IOException(
          method + " " + url + " answered " + response.statusCode() + ": " + response.body());
    }
  }

  /** Just enough of a JSON reader for API answers: objects, arrays, strings, numbers, literals. */
  private static final class Json {
    private final String text;
    private int at;

    Json(String text) {
      this.text = text;
    }

    Object value() {
      skipSpace();
      char c = text.charAt(at);
      switch (c) {
        case '{' -> {
          Map<String, Object> object = new LinkedHashMap<>();
          at++;
          skipSpace();
          if (text.charAt(at) == '}') {
            at++;
            return object;
          }
          while (true) {
            skipSpace();
            String key = string();
            skipSpace();
            at++; // ':'
            object.put(key, value());
            skipSpace();
            if (text.charAt(at++) == '}') {
              return object;
            }
          }
        }
        case '[' -> {
          List<Object> array = new ArrayList<>();
          at++;
          skipSpace();
          if (text.charAt(at) == ']') {
            at++;
            return array;
          }
          while (true) {
            array.add(value());
            skipSpace();
            if (text.charAt(at++) == ']') {
              return array;
            }
          }
        }
        case '"' -> {
          return string();
        }
        default -> {
          int end = at;
          while (end < text.length() && ",}] \n\r\t".indexOf(text.charAt(end)) < 0) {
            end++;
          }
          String literal = text.substring(at, end);
          at = end;
          return switch (literal) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            case "null" -> null;
            default -> Double.parseDouble(literal);
          };
        }
      }
    }

    private String string() {
      StringBuilder out = new StringBuilder();
      at++; // opening quote
      while (true) {
        char c = text.charAt(at++);
        if (c == '"') {
          return out.toString();
        }
        if (c == '\\') {
          char escaped = text.charAt(at++);
          switch (escaped) {
            case 'n' -> out.append('\n');
            case 't' -> out.append('\t');
            case 'r' -> out.append('\r');
            case 'b' -> out.append('\b');
            case 'f' -> out.append('\f');
            case 'u' -> {
              out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
              at += 4;
            }
            default -> out.append(escaped);
          }
        } else {
          out.append(c);
        }
      }
    }

    private void skipSpace() {
      while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
        at++;
      }
    }
  }
}
