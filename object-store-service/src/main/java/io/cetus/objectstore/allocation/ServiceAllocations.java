package io.cetus.objectstore.allocation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import io.cetus.api.errors.ApiException;
import io.cetus.api.errors.Reason;
import io.cetus.api.errors.StatusCause;
import io.cetus.api.resource.ResourceType;
import io.cetus.api.resource.ResourceTypes;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static io.cetus.objectstore.allocation.ServiceSpecs.NONE;
import static io.cetus.objectstore.allocation.ServiceSpecs.number;
import static io.cetus.objectstore.allocation.ServiceSpecs.string;

/**
 * Cluster IPs and node ports for Services on the write path, as Kubernetes' service registry
 * allocates them. The caller runs admission first, then one of these on the admitted object, then
 * the store write, then {@link PendingAllocation#commit()} (written) or {@link
 * PendingAllocation#abort()} (refused, failed, or a dry run):
 *
 * <pre>
 *   admit ──► allocateCreate / allocateUpdate ──► store write ──ok──► commit (give back old values)
 *                 │ 422 / 500                          └─failed──► abort  (give back new values)
 *                 └─ nothing stays claimed
 * </pre>
 *
 * <ul>
 *   <li>Cluster IP: every type but ExternalName gets one, unless headless ({@code clusterIP:
 *       None}); a requested one must be in the range and free (422 on {@code spec.clusterIPs}).
 *       {@code clusterIP} and {@code clusterIPs} both end up naming it.
 *   <li>Node ports: each port of a NodePort service, and of a LoadBalancer unless {@code
 *       allocateLoadBalancerNodePorts} is false, gets one; ports with the same number (TCP and UDP)
 *       share it; a requested one must be in the range and free (422 on {@code
 *       spec.ports[i].nodePort}).
 *   <li>Health check node port: a LoadBalancer with {@code externalTrafficPolicy: Local} gets one.
 *   <li>Update: values the old object held and the new one keeps stay; new ones are claimed; values
 *       it dropped (type changes, a changed node port) are given back on commit.
 * </ul>
 *
 * A range with nothing left answers 500, as Kubernetes does. Other kinds pass through untouched
 * ({@link PendingAllocation#NONE}). Thread-safe.
 */
@Component
public class ServiceAllocations {

  private final ClusterIpAllocator clusterIps;
  private final NodePortAllocator nodePorts;

  ServiceAllocations(ClusterIpAllocator clusterIps, NodePortAllocator nodePorts) {
    this.clusterIps = clusterIps;
    this.nodePorts = nodePorts;
  }

  /**
   * Claims what a new object needs and writes it into {@code service}.
   *
   * @throws ApiException 422 for a requested value out of range or taken, 500 for a full range;
   *     nothing stays claimed then
   */
  public PendingAllocation allocateCreate(ResourceType type, ObjectNode service) {
    ObjectNode spec = ServiceSpecs.spec(service);
    if (!type.equals(ResourceTypes.SERVICES) || spec == null) {
      return PendingAllocation.NONE;
    }
    PendingAllocation pending = new PendingAllocation(clusterIps, nodePorts);
    try {
      allocateClusterIp(service, spec, pending);
      allocateNodePorts(service, spec, pending);
      if (ServiceSpecs.needsHealthCheck(spec)) {
        allocateHealthCheckNodePort(spec, pending);
      }
      return pending;
    } catch (RuntimeException e) {
      pending.abort();
      throw e;
    }
  }

  /**
   * Claims what {@code service}, replacing {@code existing}, needs beyond what {@code existing}
   * holds, writes it into {@code service}, and notes what {@code existing} held that {@code
   * service} no longer uses.
   *
   * @throws ApiException as {@link #allocateCreate}
   */
  public PendingAllocation allocateUpdate(
      ResourceType type, ObjectNode service, ObjectNode existing) {
    ObjectNode spec = ServiceSpecs.spec(service);
    if (!type.equals(ResourceTypes.SERVICES) || spec == null) {
      return PendingAllocation.NONE;
    }
    ObjectNode oldSpec = ServiceSpecs.spec(existing);
    if (oldSpec == null) {
      return allocateCreate(type, service);
    }
    PendingAllocation pending = new PendingAllocation(clusterIps, nodePorts);
    try {
      updateClusterIp(service, spec, oldSpec, pending);
      updateNodePorts(service, spec, oldSpec, pending);
      updateHealthCheckNodePort(spec, oldSpec, pending);
      return pending;
    } catch (RuntimeException e) {
      pending.abort();
      throw e;
    }
  }

  /**
   * Gives back what a removed object held. Best effort: should Redis fail, the repair pass frees
   * the values later.
   */
  public void release(ResourceType type, ObjectNode removed) {
    ObjectNode spec = ServiceSpecs.spec(removed);
    if (!type.equals(ResourceTypes.SERVICES) || spec == null) {
      return;
    }
    PendingAllocation released = new PendingAllocation(clusterIps, nodePorts);
    ServiceSpecs.heldClusterIps(spec).forEach(released::unusedIp);
    ServiceSpecs.heldNodePorts(spec).forEach(released::unusedPort);
    released.commit();
  }

  private void allocateClusterIp(ObjectNode service, ObjectNode spec, PendingAllocation pending) {
    if (ServiceSpecs.isExternalName(spec)) {
      return;
    }
    String requested = ServiceSpecs.requestedClusterIp(spec);
    if (NONE.equals(requested)) {
      setClusterIp(spec, NONE);
      return;
    }
    checkSingleStack(service, spec);
    String ip;
    if (requested == null) {
      try {
        ip = clusterIps.allocateNext();
      } catch (AllocationException e) {
        throw internalError("failed to allocate a serviceIP: " + e.getMessage());
      }
    } else {
      try {
        clusterIps.allocate(requested);
      } catch (AllocationException e) {
        ArrayNode value = JsonNodeFactory.instance.arrayNode().add(requested);
        throw invalid(
            service,
            "spec.clusterIPs",
            value,
            "failed to allocate IP " + requested + ": " + e.getMessage());
      }
      ip = requested;
    }
    pending.claimedIp(ip);
    setClusterIp(spec, ip);
  }

  /**
   * A service that held no cluster IP (an ExternalName one, or one stored before allocation
   * existed) gets one as on create; one turning ExternalName gives its own back; otherwise the
   * cluster IP is immutable (admission) and nothing happens.
   */
  private void updateClusterIp(
      ObjectNode service, ObjectNode spec, ObjectNode oldSpec, PendingAllocation pending) {
    boolean held =
        !ServiceSpecs.isExternalName(oldSpec) && ServiceSpecs.requestedClusterIp(oldSpec) != null;
    if (!ServiceSpecs.isExternalName(spec)) {
      if (!held) {
        allocateClusterIp(service, spec, pending);
      }
    } else {
      ServiceSpecs.heldClusterIps(oldSpec).forEach(pending::unusedIp);
    }
  }

  /** Kubernetes' initNodePorts. */
  private void allocateNodePorts(ObjectNode service, ObjectNode spec, PendingAllocation pending) {
    if (!ServiceSpecs.needsNodePorts(spec)) {
      return;
    }
    boolean allocates = ServiceSpecs.allocatesNodePorts(spec);
    List<ObjectNode> ports = ServiceSpecs.ports(spec);
    Map<Integer, Integer> byServicePort = new HashMap<>();
    for (int i = 0; i < ports.size(); i++) {
      ObjectNode port = ports.get(i);
      int nodePort = number(port, "nodePort");
      if (nodePort == 0 && !allocates) {
        continue;
      }
      int number = number(port, "port");
      Integer shared = byServicePort.get(number);
      if (shared == null) {
        int requested = nodePort != 0 ? nodePort : requestedNodePort(number, ports);
        int chosen =
            requested != 0 ? claimNodePort(service, i, requested, pending) : nextNodePort(pending);
        port.put("nodePort", chosen);
        byServicePort.put(number, chosen);
      } else if (nodePort == 0) {
        port.put("nodePort", shared);
      } else if (nodePort != shared) {
        claimNodePort(service, i, nodePort, pending);
      }
    }
  }

  /** Kubernetes' updateNodePorts, then what the old object held and this one not is unused. */
  private void updateNodePorts(
      ObjectNode service, ObjectNode spec, ObjectNode oldSpec, PendingAllocation pending) {
    Set<Integer> old = ServiceSpecs.nodePorts(oldSpec);
    if (ServiceSpecs.needsNodePorts(spec)) {
      boolean allocates = ServiceSpecs.allocatesNodePorts(spec);
      List<ObjectNode> ports = ServiceSpecs.ports(spec);
      for (int i = 0; i < ports.size(); i++) {
        ObjectNode port = ports.get(i);
        int nodePort = number(port, "nodePort");
        if (nodePort != 0) {
          if (!old.contains(nodePort)) {
            claimNodePort(service, i, nodePort, pending);
          }
        } else if (allocates) {
          port.put("nodePort", nextNodePort(pending));
        }
      }
    }
    Set<Integer> kept = ServiceSpecs.nodePorts(spec);
    for (int port : old) {
      if (!kept.contains(port)) {
        pending.unusedPort(port);
      }
    }
  }

  private void allocateHealthCheckNodePort(ObjectNode spec, PendingAllocation pending) {
    int requested = number(spec, "healthCheckNodePort");
    if (requested != 0) {
      try {
        nodePorts.allocate(requested);
      } catch (AllocationException e) {
        throw internalError(
            "failed to allocate requested HealthCheck NodePort "
                + requested
                + ": "
                + e.getMessage());
      }
      pending.claimedPort(requested);
      return;
    }
    try {
      int port = nodePorts.allocateNextPort();
      pending.claimedPort(port);
      spec.put("healthCheckNodePort", port);
    } catch (AllocationException e) {
      throw internalError("failed to allocate a HealthCheck NodePort: " + e.getMessage());
    }
  }

  /**
   * Kubernetes' updateHealthCheckNodePort: allocated when a service comes to need one, given back
   * when it stops needing it; while it needs one, the port is immutable (admission).
   */
  private void updateHealthCheckNodePort(
      ObjectNode spec, ObjectNode oldSpec, PendingAllocation pending) {
    boolean needed = ServiceSpecs.needsHealthCheck(oldSpec);
    boolean needs = ServiceSpecs.needsHealthCheck(spec);
    if (!needed && needs) {
      allocateHealthCheckNodePort(spec, pending);
    } else if (needed && !needs) {
      int old = number(oldSpec, "healthCheckNodePort");
      if (old != 0) {
        pending.unusedPort(old);
      }
    }
  }

  /**
   * Claims a node port asked for by number; one this write claimed already (two ports of the
   * service naming it) is the service's own.
   */
  private int claimNodePort(ObjectNode service, int index, int port, PendingAllocation pending) {
    if (pending.hasClaimedPort(port)) {
      return port;
    }
    try {
      nodePorts.allocate(port);
    } catch (AllocationException e) {
      throw invalid(service, "spec.ports[" + index + "].nodePort", port, e.getMessage());
    }
    pending.claimedPort(port);
    return port;
  }

  private int nextNodePort(PendingAllocation pending) {
    try {
      int port = nodePorts.allocateNextPort();
      pending.claimedPort(port);
      return port;
    } catch (AllocationException e) {
      throw internalError("failed to allocate a nodePort: " + e.getMessage());
    }
  }

  /** A node port another port with the same number asks for, or 0. */
  private static int requestedNodePort(int number, List<ObjectNode> ports) {
    for (ObjectNode port : ports) {
      if (number(port, "port") == number && number(port, "nodePort") != 0) {
        return number(port, "nodePort");
      }
    }
    return 0;
  }

  /**
   * The cluster is single-stack IPv4, as Kubernetes' is with one {@code
   * --service-cluster-ip-range}: a service cannot demand dual-stack or IPv6. PreferDualStack gets
   * IPv4 alone.
   */
  private static void checkSingleStack(ObjectNode service, ObjectNode spec) {
    List<StatusCause> causes = new ArrayList<>();
    if ("RequireDualStack".equals(string(spec, "ipFamilyPolicy"))) {
      causes.add(
          StatusCause.invalid(
              "spec.ipFamilyPolicy",
              "RequireDualStack",
              "this cluster is not configured for dual-stack services"));
    }
    JsonNode families = spec.path("ipFamilies");
    for (int i = 0; i < families.size(); i++) {
      if ("IPv6".equals(families.path(i).asString(""))) {
        causes.add(
            StatusCause.invalid(
                "spec.ipFamilies[" + i + "]", "IPv6", "not configured on this cluster"));
      }
    }
    JsonNode requestedIps = spec.path("clusterIPs");
    if (requestedIps.size() > 1) {
      causes.add(
          StatusCause.invalid(
              "spec.clusterIPs[1]",
              requestedIps,
              "this cluster gives a service one cluster IP (it is single-stack IPv4)"));
    }
    if (!causes.isEmpty()) {
      throw ApiException.invalid("Service", nameOf(service), causes);
    }
  }

  private static void setClusterIp(ObjectNode spec, String ip) {
    spec.put("clusterIP", ip);
    spec.putArray("clusterIPs").add(ip);
  }

  private static ApiException invalid(
      ObjectNode service, String field, Object value, String detail) {
    return ApiException.invalid(
        "Service", nameOf(service), List.of(StatusCause.invalid(field, value, detail)));
  }

  private static ApiException internalError(String message) {
    return new ApiException(Reason.INTERNAL_ERROR, "Internal error occurred: " + message);
  }

  private static String nameOf(ObjectNode service) {
    JsonNode name = service.path("metadata").path("name");
    return name.isString() ? name.stringValue() : "";
  }
}
