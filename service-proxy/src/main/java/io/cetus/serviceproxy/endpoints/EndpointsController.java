package io.cetus.serviceproxy.endpoints;

import java.time.Clock;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;

import io.cetus.api.core.Endpoints;
import io.cetus.api.core.Event;
import io.cetus.api.core.Pod;
import io.cetus.api.core.Pods;
import io.cetus.api.core.Service;
import io.cetus.client.ObjectClientFactory;
import io.cetus.client.informer.Lister;
import io.cetus.client.informer.ResourceEventHandler;
import io.cetus.client.informer.SharedInformer;
import io.cetus.client.informer.SharedInformerFactory;
import io.cetus.controller.Controller;
import io.cetus.controller.ControllerBuilder;
import io.cetus.controller.event.EventRecorder;
import io.cetus.controller.handler.EventHandler;
import io.cetus.controller.handler.EventHandlers;
import io.cetus.controller.reconcile.Reconciler;
import io.cetus.controller.reconcile.Request;
import io.cetus.controller.workqueue.WorkQueue;

/**
 * Builds the {@code endpoints} controller, whose requests name Services (and so their Endpoints),
 * fed by
 *
 * <ul>
 *   <li>services: every change queues the service;
 *   <li>pods: a new or deleted pod queues the services of its namespace that select it; a changed
 *       pod queues them when something Endpoints show changed (readiness, IPs, phase, deletion,
 *       node, hostname), old and new selecting services alike, and when only its labels changed,
 *       the services it joined or left;
 *   <li>endpoints: a change made by someone else to the Endpoints of an existing service queues the
 *       service, to be put back; at start, Endpoints without a service are queued, to be deleted
 *       (Kubernetes' {@code checkLeftoverEndpoints}), except leader-election records.
 * </ul>
 *
 * Handlers only compute keys from the caches; every decision is the reconciler's.
 */
public final class EndpointsController {

  public static final String NAME = "endpoints";

  /** The {@code source.component} of its events, as Kubernetes names it. */
  public static final String COMPONENT = "endpoint-controller";

  /** Endpoints that record a leader election, which live without a service. */
  static final String LEADER_ANNOTATION = "control-plane.alpha.kubernetes.io/leader";

  private EndpointsController() {}

  /**
   * @param instrument wraps the reconciler, e.g. to time it
   */
  public static Controller create(
      SharedInformerFactory informers,
      ObjectClientFactory clients,
      Clock clock,
      int workers,
      UnaryOperator<Reconciler> instrument) {
    SharedInformer<Service> services = informers.forType(Service.class);
    SharedInformer<Pod> pods = informers.forType(Pod.class);
    SharedInformer<Endpoints> endpoints = informers.forType(Endpoints.class);
    var reconciler =
        new EndpointsReconciler(
            services.lister(),
            pods.lister(),
            endpoints.lister(),
            clients.forType(Endpoints.class),
            new EventRecorder(clients.forType(Event.class), clock, COMPONENT));
    return ControllerBuilder.named(NAME)
        .watch(services, EventHandlers.enqueueSelf())
        .watch(pods, podEvents(services.lister()))
        .watch(endpoints, endpointsEvents(services.lister()))
        .workers(workers)
        .clock(clock)
        .reconciler(instrument.apply(reconciler))
        .build();
  }

  static EventHandler<Pod> podEvents(Lister<Service> services) {
    return queue -> new PodEvents(queue, services);
  }

  static EventHandler<Endpoints> endpointsEvents(Lister<Service> services) {
    return queue -> new EndpointsEvents(queue, services);
  }

  private record PodEvents(WorkQueue<Request> queue, Lister<Service> services)
      implements ResourceEventHandler<Pod> {

    @Override
    public void onAdd(Pod pod, boolean inInitialList) {
      ServiceSelectors.selecting(services, pod).forEach(queue::add);
    }

    @Override
    public void onUpdate(Pod oldPod, Pod newPod) {
      if (oldPod != newPod
          && Objects.equals(
              oldPod.metadata().resourceVersion(), newPod.metadata().resourceVersion())) {
        return; // the same version again
      }
      boolean listingChanged = oldPod == newPod || listingChanged(oldPod, newPod);
      boolean labelsChanged = !oldPod.metadata().labels().equals(newPod.metadata().labels());
      if (!listingChanged && !labelsChanged) {
        return;
      }
      Set<Request> now = ServiceSelectors.selecting(services, newPod);
      if (!labelsChanged) {
        now.forEach(queue::add);
        return;
      }
      Set<Request> before = ServiceSelectors.selecting(services, oldPod);
      Set<Request> changed = new HashSet<>(now);
      changed.addAll(before);
      if (!listingChanged) {
        // only membership changed: the services it joined or left
        Set<Request> stayed = new HashSet<>(now);
        stayed.retainAll(before);
        changed.removeAll(stayed);
      }
      changed.forEach(queue::add);
    }

    @Override
    public void onDelete(Pod pod, boolean finalStateUnknown) {
      ServiceSelectors.selecting(services, pod).forEach(queue::add);
    }

    /** Whether anything an address made of this pod shows, or its being listed, changed. */
    private static boolean listingChanged(Pod oldPod, Pod newPod) {
      return !Objects.equals(
              oldPod.metadata().deletionTimestamp(), newPod.metadata().deletionTimestamp())
          || Pods.isReady(oldPod) != Pods.isReady(newPod)
          || !Objects.equals(oldPod.status().phase(), newPod.status().phase())
          || !Objects.equals(oldPod.status().podIP(), newPod.status().podIP())
          || !oldPod.status().podIPs().equals(newPod.status().podIPs())
          || !Objects.equals(oldPod.spec().nodeName(), newPod.spec().nodeName())
          || !Objects.equals(oldPod.spec().hostname(), newPod.spec().hostname())
          || !Objects.equals(oldPod.spec().subdomain(), newPod.spec().subdomain());
    }
  }

  private record EndpointsEvents(WorkQueue<Request> queue, Lister<Service> services)
      implements ResourceEventHandler<Endpoints> {

    @Override
    public void onAdd(Endpoints endpoints, boolean inInitialList) {
      if (!inInitialList) {
        onChange(endpoints);
      } else if (!hasService(endpoints)
          && !endpoints.metadata().annotations().containsKey(LEADER_ANNOTATION)) {
        queue.add(Request.of(endpoints)); // left over from a service deleted while we were away
      }
    }

    @Override
    public void onUpdate(Endpoints oldEndpoints, Endpoints newEndpoints) {
      onChange(newEndpoints);
    }

    @Override
    public void onDelete(Endpoints endpoints, boolean finalStateUnknown) {
      onChange(endpoints);
    }

    /** Someone wrote (or deleted) the Endpoints of a service that exists: look at them again. */
    private void onChange(Endpoints endpoints) {
      if (hasService(endpoints)) {
        queue.add(Request.of(endpoints));
      }
    }

    private boolean hasService(Endpoints endpoints) {
      return services
          .get(endpoints.metadata().namespace(), String.valueOf(endpoints.metadata().name()))
          .isPresent();
    }
  }
}
