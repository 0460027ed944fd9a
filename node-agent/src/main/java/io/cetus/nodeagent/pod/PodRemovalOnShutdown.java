package io.cetus.nodeagent.pod;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cetus.nodeagent.runtime.ContainerRuntime;
import io.cetus.nodeagent.runtime.ContainerStatus;

/**
 * Removes every container of this node when the agent shuts down: each running one is stopped
 * (SIGTERM, then SIGKILL after {@code grace}), in parallel, then all are removed. The pods stay in
 * the API; the next agent of this node starts their containers again.
 *
 * <p>An agent normally leaves its pods running when it stops, so that a restarted agent adopts
 * them. An agent in a Compose deployment turns this on instead: {@code docker-compose down} must
 * leave no container behind, and a sandbox still attached to the pods' network would keep Compose
 * from removing that network.
 */
public final class PodRemovalOnShutdown implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(PodRemovalOnShutdown.class);

  private final String node;
  private final ContainerRuntime runtime;
  private final Duration grace;

  public PodRemovalOnShutdown(String node, ContainerRuntime runtime, Duration grace) {
    this.node = node;
    this.runtime = runtime;
    this.grace = grace;
  }

  /** Stops and removes this node's containers; failures are logged, never thrown. */
  @Override
  public void close() {
    List<ContainerStatus> containers;
    try {
      containers = runtime.list(Map.of(PodContainers.NODE, node));
    } catch (RuntimeException e) {
      log.warn("Could not list the containers of node {} to remove them: {}", node, e.toString());
      return;
    }
    if (containers.isEmpty()) {
      return;
    }
    log.info("Removing the {} containers of node {} on shutdown", containers.size(), node);
    try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<?>> removals = new ArrayList<>();
      // The pods' own containers first, so that none outlives the sandbox holding its network.
      for (ContainerStatus container : containers) {
        if (!PodContainers.SANDBOX.equals(container.labels().get(PodContainers.CONTAINER))) {
          removals.add(executor.submit(() -> remove(container)));
        }
      }
      awaitAll(removals);
      for (ContainerStatus container : containers) {
        if (PodContainers.SANDBOX.equals(container.labels().get(PodContainers.CONTAINER))) {
          removals.add(executor.submit(() -> remove(container)));
        }
      }
      awaitAll(removals);
    }
  }

  private void remove(ContainerStatus container) {
    try {
      if (container.running()) {
        runtime.stop(container.id(), grace);
      }
      runtime.destroy(container.id(), true);
    } catch (RuntimeException e) {
      log.warn("Could not remove container {} of node {}: {}", container.id(), node, e.toString());
    }
  }

  private static void awaitAll(List<Future<?>> futures) {
    for (Future<?> future : futures) {
      try {
        future.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (java.util.concurrent.ExecutionException e) {
        // remove() logs its own failures
      }
    }
    futures.clear();
  }
}
