package io.cetus.e2e.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Runs the whole platform with two nodes ({@code ./cetus up --nodes 2}) once per test JVM, on ports
 * of its own (so a platform a developer runs on 8080 is left alone), waits until both nodes are
 * {@code Ready}, and stops it with {@code ./cetus down} when the JVM's tests are done. Test classes
 * get a {@link Kubectl} bound to it, and {@link PlatformNodes} to stop and start node agents, as
 * parameters.
 */
public final class CetusPlatform implements BeforeAllCallback, ParameterResolver {

  /** The gateway port of the platform under test. */
  public static final int API_PORT = Integer.getInteger("cetus.e2e.port", 18080);

  /** The first internal port: object store, then scheduler, replication, deployment, proxy. */
  public static final int PORT_BASE = API_PORT + 11;

  /** The nodes the platform runs: {@code e2e-node-1} and {@code e2e-node-2}. */
  public static final List<String> NODES = List.of("e2e-node-1", "e2e-node-2");

  private static final Duration UP_TIMEOUT = Duration.ofMinutes(5);
  private static final Duration NODES_READY_TIMEOUT = Duration.ofMinutes(2);

  @Override
  public void beforeAll(ExtensionContext context) {
    running(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == Kubectl.class || type == PlatformNodes.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Running running = running(context);
    return parameter.getParameter().getType() == Kubectl.class
        ? running.kubectl()
        : running.nodes();
  }

  /** The {@code kubectl} of the platform, which starts first if it does not run yet. */
  static Kubectl kubectl(ExtensionContext context) {
    return running(context).kubectl();
  }

  private static Running running(ExtensionContext context) {
    return context
        .getRoot()
        .getStore(ExtensionContext.Namespace.GLOBAL)
        .computeIfAbsent(Running.class, key -> Running.start(), Running.class);
  }

  /** The started platform; closing it stops every process {@code ./cetus up} started. */
  private record Running(
      Path root, Map<String, String> environment, Kubectl kubectl, PlatformNodes nodes)
      implements AutoCloseable {

    static Running start() {
      Path root = RepositoryRoot.find();
      Path state = root.resolve("platform-e2e/target/cetus-e2e");
      Path kubeconfig = state.resolve("kubeconfig");
      Map<String, String> environment =
          Map.of(
              "CETUS_PORT", String.valueOf(API_PORT),
              "CETUS_PORT_BASE", String.valueOf(PORT_BASE),
              "CETUS_STATE_DIR", state.toString(),
              // node names of its own: `down` removes the pod containers of its nodes only
              "CETUS_NODE_PREFIX", "e2e-node-",
              "CETUS_KUBECONFIG", kubeconfig.toString(),
              // a pods' network and addresses of its own, apart from a developer's `cetus`
              "CETUS_POD_NETWORK", "cetus-e2e",
              "CETUS_POD_SUBNET", "10.243.0.0/16",
              "CETUS_POD_IP_RANGE", "10.243.0.0/17",
              "CETUS_SERVICE_CLUSTER_IP_RANGE", "10.243.128.0/18",
              "CETUS_CLUSTER_DNS", "10.243.255.10");
      try {
        Files.createDirectories(state);
        run(root, environment, UP_TIMEOUT, "./cetus", "down");
        // A clean cluster every run: Redis keeps its data in the state directory.
        deleteRecursively(state.resolve("redis"));
        run(
            root,
            environment,
            UP_TIMEOUT,
            "./cetus",
            "up",
            "--nodes",
            String.valueOf(NODES.size()));
      } catch (IOException e) {
        throw new IllegalStateException("cannot prepare " + state, e);
      }
      var kubectl = new Kubectl(kubeconfig, state.resolve("kube"));
      var nodes =
          new PlatformNodes(
              NODES,
              name -> run(root, environment, UP_TIMEOUT, "./cetus", "node", "stop", name),
              name -> run(root, environment, UP_TIMEOUT, "./cetus", "node", "start", name));
      // `up` returns once the API answers; the agents register their nodes a little later.
      for (String node : NODES) {
        nodes.awaitReady(kubectl, node, NODES_READY_TIMEOUT);
      }
      return new Running(root, environment, kubectl, nodes);
    }

    private static void deleteRecursively(Path dir) throws IOException {
      if (!Files.exists(dir)) {
        return;
      }
      try (var paths = Files.walk(dir)) {
        for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }

    @Override
    public void close() {
      run(root, environment, Duration.ofMinutes(1), "./cetus", "down");
    }

    /** Runs a command in the repository root; fails unless it exits 0. Returns its output. */
    private static String run(
        Path root, Map<String, String> environment, Duration timeout, String... command) {
      try {
        var builder = new ProcessBuilder(List.of(command)).directory(root.toFile());
        builder.environment().putAll(environment);
        builder.redirectErrorStream(true);
        Process process = builder.start();
        // Read while it runs (a full pipe would block it); shown in the test log as before.
        var output =
            java.util.concurrent.CompletableFuture.supplyAsync(
                () -> {
                  try (var in = process.getInputStream()) {
                    return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                  } catch (IOException e) {
                    return "(output lost: " + e + ")";
                  }
                },
                task -> Thread.ofVirtual().start(task));
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
          process.destroyForcibly();
          throw new IllegalStateException(String.join(" ", command) + " timed out");
        }
        String printed = output.join();
        System.out.print(printed);
        if (process.exitValue() != 0) {
          throw new IllegalStateException(
              String.join(" ", command)
                  + " failed with exit code "
                  + process.exitValue()
                  + ":\n"
                  + printed);
        }
        return printed;
      } catch (IOException e) {
        throw new IllegalStateException("cannot run " + String.join(" ", command), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
  }
}
