package io.cetus.objectstore.allocation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Reads what allocation needs from a Service's {@code spec}, as admission left it. */
final class ServiceSpecs {

  static final String NONE = "None";
  static final String EXTERNAL_NAME = "ExternalName";
  static final String LOAD_BALANCER = "LoadBalancer";
  static final String NODE_PORT = "NodePort";

  private ServiceSpecs() {}

  static String type(ObjectNode spec) {
    String type = string(spec, "type");
    return type == null || type.isEmpty() ? "ClusterIP" : type;
  }

  static boolean isExternalName(ObjectNode spec) {
    return EXTERNAL_NAME.equals(type(spec));
  }

  static boolean needsNodePorts(ObjectNode spec) {
    String type = type(spec);
    return NODE_PORT.equals(type) || LOAD_BALANCER.equals(type);
  }

  /**
   * Whether ports without a node port get one: NodePort services always, LoadBalancers unless
   * {@code allocateLoadBalancerNodePorts} is false.
   */
  static boolean allocatesNodePorts(ObjectNode spec) {
    String type = type(spec);
    JsonNode allocate = spec.get("allocateLoadBalancerNodePorts");
    return NODE_PORT.equals(type)
        || (LOAD_BALANCER.equals(type)
            && (allocate == null || !allocate.isBoolean() || allocate.booleanValue()));
  }

  /** Kubernetes' NeedsHealthCheck: a LoadBalancer with {@code externalTrafficPolicy: Local}. */
  static boolean needsHealthCheck(ObjectNode spec) {
    return LOAD_BALANCER.equals(type(spec))
        && "Local".equals(string(spec, "externalTrafficPolicy"));
  }

  /** The cluster IP asked for: {@code clusterIP}, else {@code clusterIPs[0]}; null for none. */
  static @Nullable String requestedClusterIp(ObjectNode spec) {
    String clusterIp = string(spec, "clusterIP");
    if (clusterIp != null && !clusterIp.isEmpty()) {
      return clusterIp;
    }
    JsonNode first = spec.path("clusterIPs").path(0);
    return first.isString() && !first.stringValue().isEmpty() ? first.stringValue() : null;
  }

  /** The cluster IPs a stored service holds: none for ExternalName and headless services. */
  static Set<String> heldClusterIps(ObjectNode spec) {
    Set<String> ips = new LinkedHashSet<>();
    if (isExternalName(spec)) {
      return ips;
    }
    String clusterIp = string(spec, "clusterIP");
    if (clusterIp != null && !clusterIp.isEmpty()) {
      ips.add(clusterIp);
    }
    for (JsonNode ip : spec.path("clusterIPs")) {
      if (ip.isString() && !ip.stringValue().isEmpty()) {
        ips.add(ip.stringValue());
      }
    }
    ips.remove(NONE);
    return ips;
  }

  /** The node ports the ports name (0 and absent ones left out), in order, each once. */
  static Set<Integer> nodePorts(ObjectNode spec) {
    Set<Integer> ports = new LinkedHashSet<>();
    for (ObjectNode port : ports(spec)) {
      int nodePort = number(port, "nodePort");
      if (nodePort != 0) {
        ports.add(nodePort);
      }
    }
    return ports;
  }

  /** The node ports a stored service holds: its ports' and its health check node port. */
  static Set<Integer> heldNodePorts(ObjectNode spec) {
    Set<Integer> ports = nodePorts(spec);
    int healthCheck = number(spec, "healthCheckNodePort");
    if (needsHealthCheck(spec) && healthCheck != 0) {
      ports.add(healthCheck);
    }
    return ports;
  }

  static List<ObjectNode> ports(ObjectNode spec) {
    List<ObjectNode> ports = new ArrayList<>();
    for (JsonNode port : spec.path("ports")) {
      if (port instanceof ObjectNode object) {
        ports.add(object);
      }
    }
    return ports;
  }

  /** An integer field, 0 when absent or not an integer. */
  static int number(ObjectNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isIntegralNumber() && value.canConvertToInt()
        ? value.intValue()
        : 0;
  }

  static @Nullable String string(ObjectNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isString() ? value.stringValue() : null;
  }

  /** The service's {@code spec}, or null for an object without one. */
  static @Nullable ObjectNode spec(ObjectNode service) {
    return service.get("spec") instanceof ObjectNode spec ? spec : null;
  }
}
