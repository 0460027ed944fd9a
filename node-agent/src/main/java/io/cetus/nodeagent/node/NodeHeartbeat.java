package io.cetus.nodeagent.node;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import io.cetus.api.coordination.Lease;
import io.cetus.api.coordination.LeaseSpec;
import io.cetus.api.core.Node;
import io.cetus.api.core.NodeStatus;
import io.cetus.api.errors.ApiErrors;
import io.cetus.api.errors.ApiException;
import io.cetus.api.meta.ObjectMeta;
import io.cetus.client.ObjectClient;
import io.cetus.nodeagent.runtime.ContainerRuntime;
import io.cetus.nodeagent.runtime.RuntimeInfo;

/**
 * Registers the agent's Node and keeps it alive: every heartbeat it asks the runtime for its
 * fingerprint, writes the Node's status ({@code Ready=True} when the runtime answered, {@code
 * Ready=False} with reason {@code ContainerRuntimeUnavailable} when it did not) and renews the
 * Lease {@code kube-node-lease/<node>} that the node lifecycle controller watches. A failed beat is
 * logged and the next one tries again, so an engine or API that comes back later is picked up.
 */
public final class NodeHeartbeat implements SmartLifecycle {

  /** Where node leases live, as in Kubernetes. */
  public static final String LEASE_NAMESPACE = "kube-node-lease";

  private static final Logger log = LoggerFactory.getLogger(NodeHeartbeat.class);

  private final String nodeName;
  private final String address;
  private final int maxPods;
  private final Duration interval;
  private final Duration leaseDuration;
  private final ContainerRuntime runtime;
  private final ObjectClient<Node> nodes;
  private final ObjectClient<Lease> leases;
  private final Clock clock;
  private @Nullable ScheduledExecutorService timer;
  private volatile boolean lastReady;
  private volatile int port;

  public NodeHeartbeat(
      String nodeName,
      String address,
      int maxPods,
      Duration interval,
      Duration leaseDuration,
      ContainerRuntime runtime,
      ObjectClient<Node> nodes,
      ObjectClient<Lease> leases,
      Clock clock) {
    this.nodeName = nodeName;
    this.address = address;
    this.maxPods = maxPods;
    this.interval = interval;
    this.leaseDuration = leaseDuration;
    this.runtime = runtime;
    this.nodes = nodes;
    this.leases = leases;
    this.clock = clock;
  }

  /**
   * The port the agent's HTTP server listens on, published from the next beat on as the Node's
   * {@code status.daemonEndpoints.kubeletEndpoint.Port}: the gateway sends a pod's {@code log},
   * {@code exec} and {@code attach} there. Set once the web server has started (it may be a random
   * port).
   */
  public void serverPort(int port) {
    this.port = port;
  }

  /** Whether the runtime answered at the last beat. */
  public boolean runtimeReady() {
    return lastReady;
  }

  /** One heartbeat: Node status, then Lease. Throws if the API cannot be written. */
  public void beat() {
    RuntimeInfo info = null;
    String error = null;
    try {
      info = runtime.fingerprint();
    } catch (RuntimeException e) {
      error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
    if (lastReady != (info != null)) {
      if (info == null) {
        log.warn("Container runtime {} does not answer: {}", runtime.name(), error);
      } else {
        log.info(
            "Container runtime {} answers: {}", runtime.name(), info.containerRuntimeVersion());
      }
    }
    lastReady = info != null;
    Instant now = clock.instant();
    updateNode(info, error, now);
    renewLease(now);
  }

  private void updateNode(@Nullable RuntimeInfo info, @Nullable String error, Instant now) {
    Map<String, String> labels = NodeStatuses.labels(nodeName, info);
    Optional<Node> existing = nodes.get(null, nodeName);
    Node node;
    if (existing.isEmpty()) {
      ObjectMeta metadata = ObjectMeta.named(null, nodeName).withLabels(labels);
      node = nodes.create(new Node(null, null, metadata, null, null));
      log.info("Registered node {}", nodeName);
    } else {
      node = existing.get();
      Map<String, String> merged = new LinkedHashMap<>(node.metadata().labels());
      merged.putAll(labels);
      if (!merged.equals(node.metadata().labels())) {
        node = nodes.update(node.withMetadata(node.metadata().withLabels(merged)));
      }
    }
    NodeStatus status =
        NodeStatuses.status(node.status(), info, error, address, nodeName, maxPods, port, now);
    nodes.updateStatus(node.withStatus(status));
  }

  private void renewLease(Instant now) {
    int seconds = (int) leaseDuration.toSeconds();
    Optional<Lease> existing = leases.get(LEASE_NAMESPACE, nodeName);
    if (existing.isEmpty()) {
      try {
        leases.create(
            new Lease(
                null,
                null,
                ObjectMeta.named(LEASE_NAMESPACE, nodeName),
                new LeaseSpec(nodeName, seconds, now, now, null)));
      } catch (ApiException e) {
        if (!ApiErrors.isAlreadyExists(e)) {
          throw e;
        }
      }
      return;
    }
    LeaseSpec spec = existing.get().spec();
    leases.update(
        existing
            .get()
            .withSpec(
                new LeaseSpec(
                    nodeName,
                    seconds,
                    spec.acquireTime() == null ? now : spec.acquireTime(),
                    now,
                    spec.leaseTransitions())));
  }

  private void safeBeat() {
    try {
      beat();
    } catch (RuntimeException e) {
      log.warn("Heartbeat of node {} failed: {}", nodeName, e.toString());
    }
  }

  @Override
  public synchronized void start() {
    if (timer != null) {
      return;
    }
    timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "node-heartbeat");
              thread.setDaemon(true);
              return thread;
            });
    timer.scheduleWithFixedDelay(this::safeBeat, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void stop() {
    if (timer != null) {
      timer.shutdownNow();
      timer = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return timer != null;
  }
}
