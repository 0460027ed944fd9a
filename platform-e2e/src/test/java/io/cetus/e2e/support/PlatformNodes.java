package io.cetus.e2e.support;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The node agents of the platform under test: {@link #stop} kills one as a machine failure would
 * ({@code ./cetus node stop}: SIGKILL, its pod containers keep running, its heartbeats stop), and
 * {@link #start} starts it again with the same settings ({@code ./cetus node start}).
 */
public final class PlatformNodes {

  private final List<String> names;
  private final Consumer<String> stop;
  private final Consumer<String> start;

  PlatformNodes(List<String> names, Consumer<String> stop, Consumer<String> start) {
    this.names = List.copyOf(names);
    this.stop = stop;
    this.start = start;
  }

  /** Every node's name, in order: {@code e2e-node-1}, {@code e2e-node-2}. */
  public List<String> names() {
    return names;
  }

  /** The first node. */
  public String first() {
    return names.get(0);
  }

  /** The second node. */
  public String second() {
    return names.get(1);
  }

  /** Kills the node's agent at once; returns when the process is gone. */
  public void stop(String name) {
    stop.accept(name);
  }

  /** Starts the node's agent again; returns when it answers (not when its node is Ready). */
  public void start(String name) {
    start.accept(name);
  }

  /** The STATUS column of {@code kubectl get node NAME}: Ready, NotReady, ... */
  public static String status(Kubectl kubectl, String name) {
    String row = kubectl.ok("get", "node", name, "--no-headers").strip();
    String[] columns = row.split("\\s+");
    return columns.length > 1 ? columns[1] : row;
  }

  /** Waits until {@code kubectl get nodes} shows the node {@code Ready}. */
  public void awaitReady(Kubectl kubectl, String name, Duration timeout) {
    await("node " + name + " Ready")
        .atMost(timeout)
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(() -> assertThat(status(kubectl, name)).isEqualTo("Ready"));
  }
}
