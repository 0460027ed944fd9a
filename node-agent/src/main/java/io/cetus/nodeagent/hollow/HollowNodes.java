package io.cetus.nodeagent.hollow;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import io.cetus.api.coordination.Lease;
import io.cetus.api.core.Node;
import io.cetus.api.core.Pod;
import io.cetus.api.quantity.Quantity;
import io.cetus.client.ListOptions;
import io.cetus.client.ObjectClientFactory;
import io.cetus.client.informer.ClientListerWatcher;
import io.cetus.client.informer.DefaultSharedInformer;
import io.cetus.client.informer.InformerOptions;
import io.cetus.client.informer.SharedInformer;
import io.cetus.controller.Controller;
import io.cetus.controller.ControllerBuilder;
import io.cetus.controller.handler.EventHandlers;
import io.cetus.controller.reconcile.Reconciler;
import io.cetus.nodeagent.NodeAgentProperties;
import io.cetus.nodeagent.node.NodeHeartbeat;
import io.cetus.nodeagent.pod.AgentSettings;
import io.cetus.nodeagent.pod.ClusterServices;
import io.cetus.nodeagent.pod.PodController;
import io.cetus.nodeagent.pod.PodReconciler;
import io.cetus.nodeagent.probe.ProbeScheduler;
import io.cetus.nodeagent.runtime.RuntimeInfo;
import io.cetus.nodeagent.runtime.fake.FakeContainerRuntime;

/**
 * The hollow nodes of this process. What costs per node is only memory: a fake engine, a {@link
 * NodeHeartbeat} and a {@link PodReconciler}. What costs threads or connections is shared:
 *
 * <ul>
 *   <li>one informer of every bound pod ({@code spec.nodeName!=}), not one watch per node;
 *   <li>one informer of every Service (the agent's {@link ClusterServices}), for the containers'
 *       service environment variables;
 *   <li>one {@code pods} controller (queue and workers) whose {@link HollowPodDispatcher} hands
 *       each pod to its node's reconciler;
 *   <li>one small timer pool for the heartbeats, staggered evenly over the heartbeat interval so
 *       that 1,000 nodes renew about 100 leases a second rather than 1,000 at once;
 *   <li>one pass that collects orphaned containers on every node.
 * </ul>
 */
public final class HollowNodes implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(HollowNodes.class);
  private static final Duration ORPHAN_COLLECTION_INTERVAL = Duration.ofSeconds(30);

  /** One simulated node. */
  public record HollowNode(
      String name,
      FakeContainerRuntime runtime,
      NodeHeartbeat heartbeat,
      PodReconciler reconciler) {}

  private final List<HollowNode> nodes;
  private final SharedInformer<Pod> pods;
  private final Controller controller;
  private final Duration heartbeatInterval;
  private final int heartbeatThreads;
  private final Set<String> failing = ConcurrentHashMap.newKeySet();
  private @Nullable ScheduledExecutorService timer;

  HollowNodes(
      NodeAgentProperties properties,
      ObjectClientFactory clients,
      ClusterServices services,
      ProbeScheduler probeScheduler,
      Clock clock,
      UnaryOperator<Reconciler> instrument) {
    NodeAgentProperties.Hollow hollow = properties.hollow();
    this.heartbeatInterval = properties.heartbeatInterval();
    this.heartbeatThreads = hollow.heartbeatThreads();
    this.pods =
        new DefaultSharedInformer<>(
            "pods-on-hollow-nodes",
            ClientListerWatcher.of(
                clients.forType(Pod.class),
                null,
                ListOptions.ALL.withFieldSelector("spec.nodeName!=")),
            InformerOptions.DEFAULTS);
    RuntimeInfo info =
        new RuntimeInfo(
            "fake",
            "1.0.0",
            "1.0",
            "Hollow Linux",
            "linux",
            "amd64",
            "6.1.0-hollow",
            hollow.cpu(),
            Quantity.parse(hollow.memory()).longValue());
    List<HollowNode> all = new ArrayList<>(hollow.nodes());
    Map<String, PodReconciler> byNode = new LinkedHashMap<>();
    for (int i = 1; i <= hollow.nodes(); i++) {
      String name = hollow.nodeName(i);
      FakeContainerRuntime runtime =
          new FakeContainerRuntime(clock)
              .withInfo(info)
              .addEveryImage()
              .addImage(properties.sandboxImage());
      NodeHeartbeat heartbeat =
          new NodeHeartbeat(
              name,
              properties.address(),
              properties.maxPods(),
              properties.heartbeatInterval(),
              properties.leaseDuration(),
              runtime,
              clients.forType(Node.class),
              clients.forType(Lease.class),
              clock);
      Path stateDir = properties.state().resolve(name);
      PodReconciler reconciler =
          PodController.reconciler(
              new AgentSettings(
                  name,
                  properties.address(),
                  properties.network(),
                  properties.sandboxImage(),
                  properties.address(),
                  properties.podNetwork().cluster()),
              pods.lister(),
              clients,
              runtime,
              services,
              stateDir,
              probeScheduler,
              clock);
      all.add(new HollowNode(name, runtime, heartbeat, reconciler));
      byNode.put(name, reconciler);
    }
    this.nodes = List.copyOf(all);
    this.controller =
        ControllerBuilder.named(PodController.NAME)
            .watch(pods, EventHandlers.enqueueSelf())
            .workers(hollow.workers())
            .clock(clock)
            .reconciler(instrument.apply(new HollowPodDispatcher(pods.lister(), byNode)))
            .build();
    for (HollowNode node : nodes) {
      node.reconciler().onChange(controller.queue()::add);
    }
  }

  public List<HollowNode> nodes() {
    return nodes;
  }

  /** The informer of every pod bound to a node; the controller starts it. */
  public SharedInformer<Pod> pods() {
    return pods;
  }

  /** The {@code pods} controller of every hollow node. */
  public Controller controller() {
    return controller;
  }

  /** Removes the containers of pods that are gone, on every node, once the informer has synced. */
  public void collectOrphans() {
    if (!pods.hasSynced()) {
      return;
    }
    for (HollowNode node : nodes) {
      try {
        node.reconciler().collectOrphans();
      } catch (RuntimeException e) {
        log.warn("Could not collect orphaned containers of {}: {}", node.name(), e.toString());
      }
    }
  }

  @Override
  public synchronized void start() {
    if (timer != null) {
      return;
    }
    AtomicInteger threads = new AtomicInteger();
    ScheduledExecutorService started =
        Executors.newScheduledThreadPool(
            heartbeatThreads,
            r -> {
              Thread thread = new Thread(r, "hollow-heartbeat-" + threads.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    long periodNanos = heartbeatInterval.toNanos();
    for (int i = 0; i < nodes.size(); i++) {
      HollowNode node = nodes.get(i);
      long offset = periodNanos * i / nodes.size();
      started.scheduleWithFixedDelay(() -> beat(node), offset, periodNanos, TimeUnit.NANOSECONDS);
    }
    long orphans = ORPHAN_COLLECTION_INTERVAL.toNanos();
    started.scheduleWithFixedDelay(this::collectOrphans, orphans, orphans, TimeUnit.NANOSECONDS);
    timer = started;
    log.info(
        "Running {} hollow nodes ({} .. {})",
        nodes.size(),
        nodes.getFirst().name(),
        nodes.getLast().name());
  }

  /** Logs a node's first failed beat and its recovery, not every beat of a long outage. */
  private void beat(HollowNode node) {
    try {
      node.heartbeat().beat();
      if (failing.remove(node.name())) {
        log.info("Heartbeat of hollow node {} succeeds again", node.name());
      }
    } catch (RuntimeException e) {
      if (failing.add(node.name())) {
        log.warn("Heartbeat of hollow node {} failed: {}", node.name(), e.toString());
      }
    }
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
