package io.cetus.serviceproxy.proxy;

import java.net.InetAddress;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cetus.api.core.Endpoints;
import io.cetus.api.core.LoadBalancerIngress;
import io.cetus.api.core.LoadBalancerStatus;
import io.cetus.api.core.Service;
import io.cetus.api.core.ServicePort;
import io.cetus.api.core.ServiceSpec;
import io.cetus.api.core.ServiceStatus;
import io.cetus.client.ObjectClient;
import io.cetus.client.informer.Lister;
import io.cetus.controller.event.EventRecorder;
import io.cetus.controller.reconcile.Reconciler;
import io.cetus.controller.reconcile.Request;
import io.cetus.controller.reconcile.Result;

/**
 * Makes the proxy serve one service as its spec and its Endpoints say: holds its cluster IP, sets
 * its balancers' endpoints, listens on its frontends while it has ready endpoints, and writes the
 * load balancer ingress of a {@code LoadBalancer} service. A service that is gone, or no longer
 * proxied (ExternalName, headless), is stopped and its address released; its open connections
 * drain.
 *
 * <p>A frontend that cannot be listened on is logged once per distinct failure. Cluster IP and node
 * port failures are retried every {@link #RETRY} (the interface may not exist yet, the port may be
 * freed); a load balancer address that cannot be listened on also gets a Warning event and is tried
 * again on the service's next change, the node port serving meanwhile.
 */
final class ServiceProxyReconciler implements Reconciler {

  private static final Logger log = LoggerFactory.getLogger(ServiceProxyReconciler.class);
  static final Duration RETRY = Duration.ofSeconds(5);
  static final String REASON_FAILED_TO_LISTEN = "FailedToListen";
  static final String REASON_ENSURED_LOAD_BALANCER = "EnsuredLoadBalancer";

  private final Lister<Service> services;
  private final Lister<Endpoints> endpoints;
  private final ObjectClient<Service> serviceClient;
  private final EventRecorder events;
  private final Proxier proxier;
  private final ClusterIps clusterIps;
  private final NodeAddresses node;
  private final Map<Request, String> addressErrors = new ConcurrentHashMap<>();
  private final Set<String> skippedLogged = ConcurrentHashMap.newKeySet();
  private volatile boolean swept;

  ServiceProxyReconciler(
      Lister<Service> services,
      Lister<Endpoints> endpoints,
      ObjectClient<Service> serviceClient,
      EventRecorder events,
      Proxier proxier,
      ClusterIps clusterIps,
      NodeAddresses node) {
    this.services = services;
    this.endpoints = endpoints;
    this.serviceClient = serviceClient;
    this.events = events;
    this.proxier = proxier;
    this.clusterIps = clusterIps;
    this.node = node;
  }

  @Override
  public Result reconcile(Request request) {
    sweepOnce();
    Optional<Service> found = services.get(request.namespace(), request.name());
    if (found.isEmpty() || !ServicePlans.isProxied(found.get())) {
      proxier.remove(request);
      clusterIps.release(request);
      addressErrors.remove(request);
      skippedLogged.removeIf(key -> key.startsWith(request + ":"));
      found.ifPresent(service -> writeIngress(service, List.of()));
      return Result.DONE;
    }
    Service service = found.get();
    boolean loadBalancer = ServiceSpec.LOAD_BALANCER.equals(service.spec().type());
    boolean retry =
        !holdClusterIp(request, Objects.requireNonNull(ServicePlans.clusterIp(service)));
    ServicePlans.Plans plans =
        ServicePlans.of(
            service,
            endpoints.get(request.namespace(), request.name()).orElse(null),
            node.listen(),
            loadBalancer ? node.ingress() : null);
    logSkipped(request, plans.skipped());
    for (Proxier.BindFailure failure : proxier.apply(request, plans.ports())) {
      boolean balancerAddress = failure.frontend().kind() == Frontend.Kind.LOAD_BALANCER;
      retry |= !balancerAddress;
      if (failure.isNew()) {
        log.warn("{}", failure.message());
        if (failure.frontend().kind() != Frontend.Kind.CLUSTER_IP) {
          events.warning(service, REASON_FAILED_TO_LISTEN, capitalized(failure.message()));
        }
      }
    }
    // last, so that an unreachable API server never holds the data plane back
    writeIngress(
        service,
        loadBalancer
            ? List.of(new LoadBalancerIngress(node.ingress().getHostAddress(), null, "VIP"))
            : List.of());
    return retry ? Result.requeueIn(RETRY) : Result.DONE;
  }

  /**
   * Holds the service's cluster IP; {@code false} (logged once per distinct error) if it failed.
   */
  private boolean holdClusterIp(Request request, InetAddress clusterIp) {
    try {
      clusterIps.hold(request, clusterIp);
      addressErrors.remove(request);
      return true;
    } catch (LocalAddresses.LocalAddressException e) {
      String message = e.getMessage();
      if (!Objects.equals(message, addressErrors.put(request, String.valueOf(message)))) {
        log.warn("Cannot hold the cluster IP {} of {}: {}", clusterIp, request, message);
      }
      return false;
    }
  }

  /** Writes {@code status.loadBalancer.ingress} when its addresses differ from {@code wanted}. */
  private void writeIngress(Service service, List<LoadBalancerIngress> wanted) {
    List<LoadBalancerIngress> current = service.status().loadBalancer().ingress();
    if (addresses(current).equals(addresses(wanted))) {
      return;
    }
    serviceClient.updateStatus(
        service.withStatus(new ServiceStatus(new LoadBalancerStatus(wanted))));
    if (!wanted.isEmpty()) {
      events.normal(
          service,
          REASON_ENSURED_LOAD_BALANCER,
          "Ensured load balancer at " + String.join(", ", addresses(wanted)));
    }
  }

  private static List<String> addresses(List<LoadBalancerIngress> ingress) {
    return ingress.stream()
        .map(entry -> entry.ip() != null ? entry.ip() : String.valueOf(entry.hostname()))
        .toList();
  }

  private void logSkipped(Request request, List<ServicePort> skipped) {
    for (ServicePort port : skipped) {
      String key = request + ":" + port.port() + "/" + port.protocol();
      if (skippedLogged.add(key)) {
        log.info(
            "{}: port {}/{} is not proxied: the proxy carries TCP only",
            request,
            port.port(),
            port.protocol());
      }
    }
  }

  /**
   * Once, before the first service is served: removes the addresses inside the cluster IP range
   * that no service has, left behind by a previous run. The informers have synced by then (the
   * controller starts after them), so the listed services are complete.
   */
  private void sweepOnce() {
    if (swept) {
      return;
    }
    synchronized (this) {
      if (swept) {
        return;
      }
      Set<InetAddress> wanted = new HashSet<>();
      for (Service service : services.list()) {
        InetAddress clusterIp = ServicePlans.isProxied(service) ? clusterIp(service) : null;
        if (clusterIp != null) {
          wanted.add(clusterIp);
        }
      }
      try {
        clusterIps.sweep(wanted);
      } catch (RuntimeException e) {
        log.warn("Could not remove stale cluster IPs: {}", e.getMessage());
      }
      swept = true;
    }
  }

  private static @Nullable InetAddress clusterIp(Service service) {
    return ServicePlans.clusterIp(service);
  }

  private static String capitalized(String message) {
    return message.isEmpty()
        ? message
        : Character.toUpperCase(message.charAt(0)) + message.substring(1);
  }
}
