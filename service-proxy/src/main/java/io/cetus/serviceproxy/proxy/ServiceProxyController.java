package io.cetus.serviceproxy.proxy;

import java.time.Clock;
import java.util.function.UnaryOperator;

import io.cetus.api.core.Endpoints;
import io.cetus.api.core.Event;
import io.cetus.api.core.Service;
import io.cetus.client.ObjectClientFactory;
import io.cetus.client.informer.SharedInformer;
import io.cetus.client.informer.SharedInformerFactory;
import io.cetus.controller.Controller;
import io.cetus.controller.ControllerBuilder;
import io.cetus.controller.event.EventRecorder;
import io.cetus.controller.handler.EventHandlers;
import io.cetus.controller.reconcile.Reconciler;

/**
 * Builds the {@code proxy} controller: a change of a Service, or of the Endpoints of the same name,
 * queues that service's key, and {@link ServiceProxyReconciler} makes the proxy serve it.
 */
final class ServiceProxyController {

  static final String NAME = "proxy";

  /** The {@code source.component} of its events. */
  static final String COMPONENT = "service-proxy";

  private ServiceProxyController() {}

  static Controller create(
      SharedInformerFactory informers,
      ObjectClientFactory clients,
      Clock clock,
      Proxier proxier,
      ClusterIps clusterIps,
      NodeAddresses node,
      int workers,
      UnaryOperator<Reconciler> instrument) {
    SharedInformer<Service> services = informers.forType(Service.class);
    SharedInformer<Endpoints> endpoints = informers.forType(Endpoints.class);
    var reconciler =
        new ServiceProxyReconciler(
            services.lister(),
            endpoints.lister(),
            clients.forType(Service.class),
            new EventRecorder(clients.forType(Event.class), clock, COMPONENT),
            proxier,
            clusterIps,
            node);
    return ControllerBuilder.named(NAME)
        .watch(services, EventHandlers.enqueueSelf())
        .watch(endpoints, EventHandlers.enqueueSelf())
        .workers(workers)
        .clock(clock)
        .reconciler(instrument.apply(reconciler))
        .build();
  }
}
