package io.cetus.scheduler;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.random.RandomGenerator;

import io.cetus.api.core.Event;
import io.cetus.api.core.Node;
import io.cetus.api.core.NodeCondition;
import io.cetus.api.core.Pod;
import io.cetus.client.ObjectClient;
import io.cetus.client.ObjectClientFactory;
import io.cetus.client.informer.ResourceEventHandler;
import io.cetus.client.informer.SharedInformer;
import io.cetus.client.informer.SharedInformerFactory;
import io.cetus.controller.Controller;
import io.cetus.controller.ControllerBuilder;
import io.cetus.controller.event.EventRecorder;
import io.cetus.controller.handler.EventHandler;
import io.cetus.controller.reconcile.Reconciler;
import io.cetus.controller.reconcile.Request;
import io.cetus.controller.workqueue.DefaultWorkQueue;
import io.cetus.controller.workqueue.ExponentialFailureRateLimiter;
import io.cetus.controller.workqueue.WorkQueue;
import io.cetus.scheduler.bind.ApiBinder;
import io.cetus.scheduler.cache.PodInfo;
import io.cetus.scheduler.cache.SchedulerCache;

/**
 * Builds the {@code scheduler} controller: one worker (decisions build on each other) deciding on
 * the {@link SchedulerCache}, which the node and pod informers keep up to date (their handlers are
 * registered first, so the cache has seen a pod's event before the request it queues is worked on;
 * nodes come on another thread, so the first decision waits until the cache holds every node the
 * node informer knows), and bindings sent by an {@link AsyncBinder}. The queue is fed by
 *
 * <ul>
 *   <li>pods: a pod that needs scheduling is queued when it appears or its spec or labels change
 *       (not on status-only changes, which the scheduler makes itself); a bound pod that finishes
 *       or goes away frees room, so every unschedulable pod is queued again;
 *   <li>nodes: a node that appears, or whose labels, taints, cordon, allocatable resources or
 *       condition statuses change, may fit pods that fit nowhere, so every unschedulable pod is
 *       queued again (heartbeat-only updates are ignored).
 * </ul>
 */
public final class SchedulerController {

  public static final String NAME = "scheduler";

  /** Bindings under way at once before the scheduling thread waits. */
  public static final int DEFAULT_MAX_BINDINGS_IN_FLIGHT = 64;

  private SchedulerController() {}

  /** With the node sample adapted to the cluster's size and the default bindings in flight. */
  public static Controller create(
      String schedulerName,
      SharedInformerFactory informers,
      ObjectClientFactory clients,
      Clock clock,
      RandomGenerator random,
      UnaryOperator<Reconciler> instrument) {
    return create(
        schedulerName,
        informers,
        clients,
        clock,
        random,
        0,
        DEFAULT_MAX_BINDINGS_IN_FLIGHT,
        instrument);
  }

  /**
   * @param percentageOfNodesToScore see {@link SchedulingAlgorithm}; 0 adapts to the cluster
   * @param maxBindingsInFlight bindings under way at once before the scheduling thread waits
   * @param instrument wraps the reconciler, e.g. to time it
   */
  public static Controller create(
      String schedulerName,
      SharedInformerFactory informers,
      ObjectClientFactory clients,
      Clock clock,
      RandomGenerator random,
      int percentageOfNodesToScore,
      int maxBindingsInFlight,
      UnaryOperator<Reconciler> instrument) {
    SharedInformer<Pod> pods = informers.forType(Pod.class);
    SharedInformer<Node> nodes = informers.forType(Node.class);
    ObjectClient<Pod> podClient = clients.forType(Pod.class);
    ObjectClient<Event> eventClient = clients.forType(Event.class);
    UnschedulablePods unschedulable = new UnschedulablePods();
    SchedulerCache cache = new SchedulerCache(clock);
    WorkQueue<Request> queue =
        new DefaultWorkQueue<>(clock, ExponentialFailureRateLimiter.withDefaults());
    AsyncEvents events =
        AsyncEvents.onVirtualThreads(new EventRecorder(eventClient, clock, schedulerName));
    var binder =
        new AsyncBinder(
            new ApiBinder(podClient),
            cache,
            events,
            unschedulable,
            queue,
            AsyncBinder.virtualThreads(),
            maxBindingsInFlight);
    var reconciler =
        new SchedulerReconciler(
            schedulerName,
            pods.lister(),
            nodes.lister(),
            podClient,
            cache,
            SchedulingAlgorithm.withDefaults(random, percentageOfNodesToScore),
            binder,
            events,
            unschedulable,
            clock);
    return ControllerBuilder.named(NAME)
        .watch(nodes, ignoredQueue -> nodeCache(cache))
        .watch(pods, ignoredQueue -> podCache(cache))
        .watch(pods, podEvents(schedulerName, unschedulable))
        .watch(nodes, nodeEvents(unschedulable))
        .workers(1)
        .queue(queue)
        .reconciler(instrument.apply(reconciler))
        .build();
  }

  /** Keeps the cache's nodes as the informer shows them. */
  static ResourceEventHandler<Node> nodeCache(SchedulerCache cache) {
    return new ResourceEventHandler<>() {
      @Override
      public void onAdd(Node node, boolean inInitialList) {
        cache.addOrUpdateNode(node);
      }

      @Override
      public void onUpdate(Node oldNode, Node newNode) {
        if (oldNode != newNode) {
          cache.addOrUpdateNode(newNode);
        }
      }

      @Override
      public void onDelete(Node node, boolean finalStateUnknown) {
        cache.removeNode(node);
      }
    };
  }

  /** Keeps the cache's bound pods as the informer shows them. */
  static ResourceEventHandler<Pod> podCache(SchedulerCache cache) {
    return new ResourceEventHandler<>() {
      @Override
      public void onAdd(Pod pod, boolean inInitialList) {
        cache.addPod(pod);
      }

      @Override
      public void onUpdate(Pod oldPod, Pod newPod) {
        if (oldPod != newPod) {
          cache.updatePod(oldPod, newPod);
        }
      }

      @Override
      public void onDelete(Pod pod, boolean finalStateUnknown) {
        cache.removePod(pod);
      }
    };
  }

  private static EventHandler<Pod> podEvents(
      String schedulerName, UnschedulablePods unschedulable) {
    return queue ->
        new ResourceEventHandler<>() {
          @Override
          public void onAdd(Pod pod, boolean inInitialList) {
            if (PendingPods.needsScheduling(pod, schedulerName)) {
              queue.add(Request.of(pod));
            }
          }

          @Override
          public void onUpdate(Pod oldPod, Pod newPod) {
            if (PendingPods.needsScheduling(newPod, schedulerName)
                && (oldPod == newPod || schedulingInputChanged(oldPod, newPod))) {
              queue.add(Request.of(newPod));
            }
            if (holdsRoom(oldPod) && !holdsRoom(newPod)) {
              retryAll(unschedulable, queue);
            }
          }

          @Override
          public void onDelete(Pod pod, boolean finalStateUnknown) {
            if (holdsRoom(pod)) {
              retryAll(unschedulable, queue);
            }
          }
        };
  }

  private static EventHandler<Node> nodeEvents(UnschedulablePods unschedulable) {
    return queue ->
        new ResourceEventHandler<>() {
          @Override
          public void onAdd(Node node, boolean inInitialList) {
            retryAll(unschedulable, queue);
          }

          @Override
          public void onUpdate(Node oldNode, Node newNode) {
            if (oldNode == newNode || fitChanged(oldNode, newNode)) {
              retryAll(unschedulable, queue);
            }
          }
        };
  }

  private static void retryAll(UnschedulablePods unschedulable, WorkQueue<Request> queue) {
    unschedulable.all().forEach(queue::add);
  }

  private static boolean schedulingInputChanged(Pod oldPod, Pod newPod) {
    return !oldPod.spec().equals(newPod.spec())
        || !oldPod.metadata().labels().equals(newPod.metadata().labels())
        || !Objects.equals(oldPod.metadata().uid(), newPod.metadata().uid());
  }

  /** Whether the pod is bound and its resources and ports are still taken on its node. */
  private static boolean holdsRoom(Pod pod) {
    String node = pod.spec().nodeName();
    return node != null && !node.isEmpty() && PodInfo.holdsResources(pod);
  }

  private static boolean fitChanged(Node oldNode, Node newNode) {
    return !oldNode.spec().equals(newNode.spec())
        || !oldNode.metadata().labels().equals(newNode.metadata().labels())
        || !oldNode.status().allocatable().equals(newNode.status().allocatable())
        || !conditionStatuses(oldNode).equals(conditionStatuses(newNode));
  }

  private static Map<String, String> conditionStatuses(Node node) {
    Map<String, String> statuses = new TreeMap<>();
    for (NodeCondition condition : node.status().conditions()) {
      statuses.put(condition.type(), condition.status());
    }
    return statuses;
  }
}
