package io.cetus.serviceproxy.proxy;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.cetus.api.core.EndpointAddress;
import io.cetus.api.core.EndpointPort;
import io.cetus.api.core.EndpointSubset;
import io.cetus.api.core.Endpoints;
import io.cetus.api.core.Service;
import io.cetus.api.core.ServicePort;
import io.cetus.api.core.ServiceSpec;

/** Works out, from a Service and its Endpoints, what the proxy does for each of its ports. */
final class ServicePlans {

  private ServicePlans() {}

  /**
   * The plan of every TCP port of {@code service}, and the ports skipped (UDP, SCTP).
   *
   * @param service a service that {@link #isProxied} says the proxy serves
   * @param nodeAddress where node ports listen (the wildcard address for all)
   * @param ingress the load balancer address of a {@code LoadBalancer} service, else {@code null}
   */
  static Plans of(
      Service service,
      @Nullable Endpoints endpoints,
      InetAddress nodeAddress,
      @Nullable InetAddress ingress) {
    ServiceSpec spec = service.spec();
    InetAddress clusterIp = Objects.requireNonNull(clusterIp(service));
    boolean nodePorts =
        ServiceSpec.NODE_PORT.equals(spec.type()) || ServiceSpec.LOAD_BALANCER.equals(spec.type());
    SessionAffinity affinity = SessionAffinity.of(spec);
    List<PortPlan> plans = new ArrayList<>();
    List<ServicePort> skipped = new ArrayList<>();
    for (ServicePort port : spec.ports()) {
      if (port.protocol() != null && !"TCP".equals(port.protocol())) {
        skipped.add(port);
        continue;
      }
      String portName = port.name() == null ? "" : port.name();
      List<Frontend> frontends = new ArrayList<>();
      frontends.add(
          new Frontend(new InetSocketAddress(clusterIp, port.port()), Frontend.Kind.CLUSTER_IP));
      if (nodePorts && port.nodePort() != null && port.nodePort() > 0) {
        frontends.add(
            new Frontend(
                new InetSocketAddress(nodeAddress, port.nodePort()), Frontend.Kind.NODE_PORT));
      }
      if (ingress != null) {
        InetSocketAddress address = new InetSocketAddress(ingress, port.port());
        if (frontends.stream().noneMatch(frontend -> frontend.address().equals(address))) {
          frontends.add(new Frontend(address, Frontend.Kind.LOAD_BALANCER));
        }
      }
      plans.add(
          new PortPlan(
              new ServicePortName(
                  service.metadata().namespace(), service.metadata().name(), portName),
              frontends,
              readyEndpoints(endpoints, portName),
              affinity));
    }
    return new Plans(plans, skipped);
  }

  /** The plans of a service's TCP ports, and its ports of other protocols, which are skipped. */
  record Plans(List<PortPlan> ports, List<ServicePort> skipped) {}

  /**
   * Whether the proxy serves {@code service}: type {@code ClusterIP} (the default), {@code
   * NodePort} or {@code LoadBalancer}, with a cluster IP that is an IPv4 address. {@code
   * ExternalName} and headless services ({@code clusterIP: None}) are left to DNS.
   */
  static boolean isProxied(Service service) {
    String type = service.spec().type();
    boolean proxiedType =
        type == null
            || ServiceSpec.CLUSTER_IP.equals(type)
            || ServiceSpec.NODE_PORT.equals(type)
            || ServiceSpec.LOAD_BALANCER.equals(type);
    return proxiedType && clusterIp(service) != null;
  }

  /** The service's cluster IP, or {@code null} when it has none (headless, not allocated). */
  static @Nullable Inet4Address clusterIp(Service service) {
    return Ipv4Range.parseAddress(service.spec().clusterIP());
  }

  /**
   * The ready addresses of the subsets that have a port named {@code portName}, with that port, in
   * the order of the Endpoints object and without repeats.
   */
  static List<InetSocketAddress> readyEndpoints(@Nullable Endpoints endpoints, String portName) {
    if (endpoints == null) {
      return List.of();
    }
    Set<InetSocketAddress> ready = new LinkedHashSet<>();
    for (EndpointSubset subset : endpoints.subsets()) {
      EndpointPort port = portNamed(subset, portName);
      if (port == null) {
        continue;
      }
      for (EndpointAddress address : subset.addresses()) {
        Inet4Address ip = Ipv4Range.parseAddress(address.ip());
        if (ip != null && port.port() > 0 && port.port() <= 65535) {
          ready.add(new InetSocketAddress(ip, port.port()));
        }
      }
    }
    return List.copyOf(ready);
  }

  private static @Nullable EndpointPort portNamed(EndpointSubset subset, String portName) {
    for (EndpointPort port : subset.ports()) {
      String name = port.name() == null ? "" : port.name();
      if (name.equals(portName) && (port.protocol() == null || "TCP".equals(port.protocol()))) {
        return port;
      }
    }
    return null;
  }
}
