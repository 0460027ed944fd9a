package io.cetus.e2e.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The repository's {@code docker-compose.yml} run as a project of its own: a unique project name
 * ({@code -p}), its own API port ({@code CETUS_PORT}), pod network ({@code CETUS_POD_NETWORK}) and
 * node state directory, so it collides neither with a developer's cluster nor with other tests. It
 * uses the images {@code scripts/airgap-images.sh} builds (no registry) through {@code airgap.env},
 * and works with docker-compose 1.29 and Compose v2 alike: containers are found by the project's
 * labels, never by name.
 *
 * <p>{@link #close()} takes everything down ({@code down -v}) and then removes whatever is left by
 * force: the project's containers, networks and volumes, and the pod containers of its nodes.
 */
public final class ComposeProject implements AutoCloseable {

  /** The services of docker-compose.yml, each with a health check. */
  public static final List<String> SERVICES =
      List.of(
          "redis",
          "object-store-service",
          "api-gateway",
          "scheduler-service",
          "replication-service",
          "deployment-service",
          "service-proxy",
          "node-1",
          "node-2");

  private static final int PREFERRED_PORT = 28480;
  private static final String PROJECT_LABEL = "com.docker.compose.project";

  private final Path root;
  private final List<String> compose;
  private final String project;
  private final int port;
  private final String podNetwork;
  private final Path stateRoot;
  private final Path work;
  private final Map<String, String> environment = new LinkedHashMap<>();
  private final Kubectl kubectl;

  private ComposeProject(Path root, List<String> compose) {
    this.root = root;
    this.compose = compose;
    this.project = "cetus-e2e-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    this.port = freePort();
    this.podNetwork = project + "-pods";
    this.work = root.resolve("platform-e2e/target/compose-e2e");
    this.stateRoot = Path.of(System.getProperty("java.io.tmpdir"), project);
    environment.put("CETUS_PORT", String.valueOf(port));
    environment.put("CETUS_POD_NETWORK", podNetwork);
    environment.put("CETUS_NODE_STATE_ROOT", stateRoot.toString());
    // addresses of its own too: two pods' networks on one engine may not overlap
    String prefix = "10." + (200 + ThreadLocalRandom.current().nextInt(40));
    environment.put("CETUS_POD_SUBNET", prefix + ".0.0/16");
    environment.put("CETUS_POD_IP_RANGE", prefix + ".0.0/17");
    environment.put("CETUS_SERVICE_CLUSTER_IP_RANGE", prefix + ".128.0/18");
    environment.put("CETUS_CLUSTER_DNS", prefix + ".255.10");
    environment.put("CETUS_PROXY_PORT", String.valueOf(freePort()));
    try {
      Files.createDirectories(work);
      Path kubeconfig = work.resolve("kubeconfig");
      // The repository's kubeconfig, with only the port changed: it is what users point at compose.
      String repositoryConfig = Files.readString(root.resolve("kubeconfig"));
      Files.writeString(
          kubeconfig, repositoryConfig.replace("127.0.0.1:8080", "127.0.0.1:" + port));
      this.kubectl = new Kubectl(kubeconfig, work.resolve("kube-cache"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A project for the repository's compose file, or why there cannot be one here (no Docker engine,
   * no docker-compose or {@code docker compose}).
   */
  public static ComposeProject create() {
    Path root = RepositoryRoot.find();
    return new ComposeProject(root, composeCommand(root).orElseThrow());
  }

  /** Why compose cannot run here, if it cannot: no Docker engine, or no compose. */
  public static Optional<String> unavailable() {
    if (exec(List.of("docker", "info"), Duration.ofSeconds(30), null).exitCode() != 0) {
      return Optional.of("no Docker engine answers");
    }
    if (composeCommand(RepositoryRoot.find()).isEmpty()) {
      return Optional.of("neither docker-compose nor docker compose is installed");
    }
    return Optional.empty();
  }

  private static Optional<List<String>> composeCommand(Path root) {
    for (List<String> candidate :
        List.of(List.of("docker-compose"), List.of("docker", "compose"))) {
      List<String> version = new ArrayList<>(candidate);
      version.add("version");
      if (exec(version, Duration.ofSeconds(30), root).exitCode() == 0) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  public String project() {
    return project;
  }

  public int port() {
    return port;
  }

  public String podNetwork() {
    return podNetwork;
  }

  /** The stock kubectl with the repository's kubeconfig, pointed at this project's port. */
  public Kubectl kubectl() {
    return kubectl;
  }

  /** {@code scripts/airgap-images.sh --services}: every image, from local files (jars packaged). */
  public void buildImages() {
    System.out.print(
        run(List.of(root.resolve("scripts/airgap-images.sh").toString(), "--services"), 10));
  }

  /** {@code up -d} with the air-gap images. */
  public void up() {
    compose(10, "up", "-d");
  }

  /** {@code down}, with {@code -v} if {@code volumes}. */
  public void down(boolean volumes) {
    if (volumes) {
      compose(5, "down", "-v", "--remove-orphans");
    } else {
      compose(5, "down");
    }
  }

  /**
   * Waits until every service's container reports {@code healthy}; returns how long that took.
   * Fails early when a container exits.
   */
  public Duration awaitHealthy(Duration timeout) {
    Instant start = Instant.now();
    AtomicReference<Map<String, String>> states = new AtomicReference<>(Map.of());
    try {
      Awaitility.await()
          .atMost(timeout)
          .pollInterval(Duration.ofSeconds(1))
          .until(
              () -> {
                states.set(states());
                if (states.get().values().stream().anyMatch("exited"::equals)) {
                  throw new AssertionError("a container stopped: " + states.get() + "\n" + logs());
                }
                return states.get().size() == SERVICES.size()
                    && states.get().values().stream().allMatch("healthy"::equals);
              });
    } catch (ConditionTimeoutException e) {
      throw new AssertionError(
          "not healthy within " + timeout + ": " + states.get() + "\n" + logs(), e);
    }
    return Duration.between(start, Instant.now());
  }

  /** The health (or state, without a health check) of each of the project's containers. */
  public Map<String, String> states() {
    List<String> ids = containers();
    Map<String, String> states = new LinkedHashMap<>();
    if (ids.isEmpty()) {
      return states;
    }
    List<String> inspect = new ArrayList<>(List.of("docker", "inspect", "-f"));
    inspect.add(
        "{{ index .Config.Labels \"com.docker.compose.service\" }} {{ if .State.Health }}{{"
            + " .State.Health.Status }}{{ else }}{{ .State.Status }}{{ end }}");
    inspect.addAll(ids);
    for (String line : exec(inspect, Duration.ofSeconds(30), root).stdout().lines().toList()) {
      String[] parts = line.trim().split(" ", 2);
      if (parts.length == 2) {
        states.put(parts[0], parts[1]);
      }
    }
    return states;
  }

  /** The ids of the project's containers, running or not. */
  public List<String> containers() {
    return docker("ps", "-aq", "--filter", "label=" + PROJECT_LABEL + "=" + project);
  }

  /** The names of the project's networks, the pods' network included. */
  public List<String> networks() {
    List<String> networks =
        new ArrayList<>(
            docker(
                "network",
                "ls",
                "--format",
                "{{ .Name }}",
                "--filter",
                "label=" + PROJECT_LABEL + "=" + project));
    if (!docker("network", "ls", "-q", "--filter", "name=^" + podNetwork + "$").isEmpty()
        && !networks.contains(podNetwork)) {
      networks.add(podNetwork);
    }
    return networks;
  }

  /** The names of the project's volumes. */
  public List<String> volumes() {
    return docker(
        "volume",
        "ls",
        "--format",
        "{{ .Name }}",
        "--filter",
        "label=" + PROJECT_LABEL + "=" + project);
  }

  /** The ids of the containers of a pod, by the label every pod container carries. */
  public List<String> podContainers(String podUid) {
    return docker("ps", "-aq", "--filter", "label=io.cetus.pod-uid=" + podUid);
  }

  /** The last lines of every service's log, to explain a failure. */
  public String logs() {
    List<String> command = composeCommand("logs", "--no-color", "--tail=60");
    return projectExec(command, Duration.ofMinutes(1)).stdout();
  }

  /** Takes the project down with its volumes and removes by force whatever is left. */
  @Override
  public void close() {
    try {
      projectExec(composeCommand("down", "-v", "--remove-orphans"), Duration.ofMinutes(5));
    } finally {
      // Pod containers: sandboxes on the pods' network, and the containers joined to them.
      for (String sandbox : docker("ps", "-aq", "--filter", "network=" + podNetwork)) {
        String uid =
            docker("inspect", "-f", "{{ index .Config.Labels \"io.cetus.pod-uid\" }}", sandbox)
                .stream()
                .findFirst()
                .orElse("");
        List<String> ids = new ArrayList<>(List.of(sandbox));
        if (!uid.isBlank()) {
          ids.addAll(podContainers(uid));
        }
        removeContainers(ids);
      }
      removeContainers(containers());
      for (String network : networks()) {
        docker("network", "rm", network);
      }
      for (String volume : volumes()) {
        docker("volume", "rm", "-f", volume);
      }
      deleteQuietly(stateRoot);
    }
  }

  private void removeContainers(List<String> ids) {
    if (!ids.isEmpty()) {
      List<String> command = new ArrayList<>(List.of("docker", "rm", "-f"));
      command.addAll(ids.stream().distinct().toList());
      exec(command, Duration.ofMinutes(1), root);
    }
  }

  private void compose(int minutes, String... args) {
    run(composeCommand(args), minutes);
  }

  private List<String> composeCommand(String... args) {
    List<String> command = new ArrayList<>(compose);
    command.addAll(List.of("--env-file", root.resolve("airgap.env").toString(), "-p", project));
    command.addAll(Arrays.asList(args));
    return command;
  }

  /** Runs a command to completion and returns its output; fails unless it exits 0. */
  private String run(List<String> command, int minutes) {
    Exec result = projectExec(command, Duration.ofMinutes(minutes));
    if (result.exitCode() != 0) {
      throw new AssertionError(
          String.join(" ", command)
              + " exited "
              + result.exitCode()
              + ":\n"
              + result.stdout()
              + result.stderr());
    }
    return result.stdout();
  }

  private List<String> docker(String... args) {
    List<String> command = new ArrayList<>(List.of("docker"));
    command.addAll(Arrays.asList(args));
    return exec(command, Duration.ofMinutes(1), root)
        .stdout()
        .lines()
        .map(String::trim)
        .filter(line -> !line.isEmpty())
        .toList();
  }

  private record Exec(int exitCode, String stdout, String stderr) {}

  /** Runs with this project's settings in the environment. */
  private Exec projectExec(List<String> command, Duration timeout) {
    return exec(command, timeout, root, environment);
  }

  private static Exec exec(List<String> command, Duration timeout, Path directory) {
    return exec(command, timeout, directory, Map.of());
  }

  private static Exec exec(
      List<String> command, Duration timeout, Path directory, Map<String, String> environment) {
    try {
      ProcessBuilder builder = new ProcessBuilder(command);
      if (directory != null) {
        builder.directory(directory.toFile());
      }
      builder.environment().putAll(environment);
      Process process = builder.start();
      process.getOutputStream().close();
      CompletableFuture<String> stdout = readAll(process.getInputStream());
      CompletableFuture<String> stderr = readAll(process.getErrorStream());
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new AssertionError(String.join(" ", command) + " did not finish in " + timeout);
      }
      return new Exec(process.exitValue(), stdout.join(), stderr.join());
    } catch (IOException e) {
      return new Exec(-1, "", "cannot run " + String.join(" ", command) + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static CompletableFuture<String> readAll(java.io.InputStream stream) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        },
        command -> Thread.ofVirtual().start(command));
  }

  /** 28480 if it is free on 127.0.0.1, else one the kernel picks. */
  private static int freePort() {
    for (int candidate : new int[] {PREFERRED_PORT, 0}) {
      try (ServerSocket socket =
          new ServerSocket(candidate, 1, InetAddress.getByName("127.0.0.1"))) {
        return socket.getLocalPort();
      } catch (IOException e) {
        // taken: try the next
      }
    }
    throw new IllegalStateException("no free port on 127.0.0.1");
  }

  private static void deleteQuietly(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException | UncheckedIOException e) {
      // left for the machine's tmp cleaning: the agents (root) may own files there
    }
  }
}
