package io.cetus.objectstore.admission;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import io.cetus.api.validation.Names;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static io.cetus.objectstore.admission.JsonDefaults.isAbsent;
import static io.cetus.objectstore.admission.JsonDefaults.isEmpty;
import static io.cetus.objectstore.admission.JsonDefaults.object;
import static io.cetus.objectstore.admission.JsonDefaults.objects;
import static io.cetus.objectstore.admission.JsonDefaults.setIfAbsent;
import static io.cetus.objectstore.admission.JsonDefaults.setIfEmpty;
import static io.cetus.objectstore.admission.JsonDefaults.string;

/**
 * Services: Kubernetes' defaults (type ClusterIP, TCP ports whose target is the port itself,
 * single-stack IPv4, cluster-wide traffic policies) and checks, and the rules for cluster IPs and
 * node ports across updates.
 *
 * <p>Allocating cluster IPs and node ports is not admission's job: a service is admitted with what
 * it asks for, and the allocator (which knows the configured ranges) checks that a requested value
 * is in range and free. On update, a cluster IP or node port the request leaves out is carried over
 * from the stored service (so {@code kubectl replace} of a file without them works), a cluster IP
 * once set may not change, and fields the new type has no use for are dropped when the request left
 * them as they were (Kubernetes' dropTypeDependentFields), so that {@code kubectl patch} of the
 * type alone works.
 */
final class ServiceAdmission implements KindAdmission {

  private static final List<String> TYPES =
      List.of("ClusterIP", "ExternalName", "NodePort", "LoadBalancer");
  private static final List<String> AFFINITIES = List.of("ClientIP", "None");
  private static final List<String> TRAFFIC_POLICIES = List.of("Cluster", "Local");
  private static final List<String> FAMILY_POLICIES =
      List.of("SingleStack", "PreferDualStack", "RequireDualStack");
  private static final List<String> FAMILIES = List.of("IPv4", "IPv6");
  private static final int DEFAULT_AFFINITY_SECONDS = 10800;
  private static final int MAX_AFFINITY_SECONDS = 86400;
  private static final String NONE = "None";

  @Override
  public Function<String, List<String>> nameRule() {
    return Names::dns1035Label;
  }

  @Override
  public void applyDefaults(ObjectNode object) {
    ObjectNode spec = JsonDefaults.objectOrCreate(object, "spec");
    if (spec == null) {
      return;
    }
    setIfEmpty(spec, "sessionAffinity", "None");
    String affinity = string(spec, "sessionAffinity");
    if ("None".equals(affinity)) {
      spec.remove("sessionAffinityConfig");
    } else if ("ClientIP".equals(affinity)) {
      ObjectNode clientIp = object(spec, "sessionAffinityConfig", "clientIP");
      if (clientIp == null || isAbsent(clientIp, "timeoutSeconds")) {
        ObjectNode config = spec.putObject("sessionAffinityConfig");
        config.putObject("clientIP").put("timeoutSeconds", DEFAULT_AFFINITY_SECONDS);
      }
    }
    setIfEmpty(spec, "type", "ClusterIP");
    String type = string(spec, "type");
    for (ObjectNode port : objects(spec, "ports")) {
      setIfEmpty(port, "protocol", "TCP");
      JsonNode number = port.get("port");
      if (isEmpty(port, "targetPort") && number != null && number.isIntegralNumber()) {
        port.set("targetPort", number.deepCopy());
      }
    }
    if (externallyAccessible(spec)) {
      setIfEmpty(spec, "externalTrafficPolicy", "Cluster");
    }
    if (type != null && List.of("ClusterIP", "NodePort", "LoadBalancer").contains(type)) {
      setIfAbsent(spec, "internalTrafficPolicy", "Cluster");
    }
    if ("LoadBalancer".equals(type)) {
      setIfAbsent(spec, "allocateLoadBalancerNodePorts", true);
    }
    if (!"ExternalName".equals(type)) {
      // What Kubernetes' IP allocation records on a single-stack cluster.
      setIfAbsent(spec, "ipFamilyPolicy", "SingleStack");
      JsonNode families = spec.get("ipFamilies");
      if (families == null || families.isNull() || (families.isArray() && families.isEmpty())) {
        String clusterIp = string(spec, "clusterIP");
        boolean ipv6 = clusterIp != null && IpAddresses.isIpv6(clusterIp);
        spec.putArray("ipFamilies").add(ipv6 ? "IPv6" : "IPv4");
      }
    }
  }

  @Override
  public ObjectNode initialStatus(ObjectNode object) {
    ObjectNode status = JsonNodeFactory.instance.objectNode();
    status.putObject("loadBalancer");
    return status;
  }

  @Override
  public void applyStatusDefaults(ObjectNode object) {
    ObjectNode spec = object(object, "spec");
    if (spec == null || !"LoadBalancer".equals(string(spec, "type"))) {
      return;
    }
    ObjectNode loadBalancer = object(object, "status", "loadBalancer");
    if (loadBalancer != null) {
      for (ObjectNode ingress : objects(loadBalancer, "ingress")) {
        if (!isEmpty(ingress, "ip")) {
          setIfAbsent(ingress, "ipMode", "VIP");
        }
      }
    }
  }

  @Override
  public void prepareForUpdate(ObjectNode object, ObjectNode existing) {
    ObjectNode spec = object(object, "spec");
    ObjectNode oldSpec = object(existing, "spec");
    if (spec == null || oldSpec == null) {
      return;
    }
    String type = string(spec, "type");
    if (!"ExternalName".equals(type)
        && isEmpty(spec, "clusterIP")
        && !isEmpty(oldSpec, "clusterIP")) {
      JsonTrees.copyField(oldSpec, spec, "clusterIP");
      JsonTrees.copyField(oldSpec, spec, "clusterIPs");
    }
    if (needsNodePorts(type) && needsNodePorts(string(oldSpec, "type"))) {
      for (ObjectNode port : objects(spec, "ports")) {
        if (isEmpty(port, "nodePort")) {
          for (ObjectNode oldPort : objects(oldSpec, "ports")) {
            if (samePort(port, oldPort) && !isEmpty(oldPort, "nodePort")) {
              port.set("nodePort", oldPort.get("nodePort").deepCopy());
            }
          }
        }
      }
    }
    if (needsHealthCheck(spec)
        && needsHealthCheck(oldSpec)
        && isEmpty(spec, "healthCheckNodePort")
        && !isEmpty(oldSpec, "healthCheckNodePort")) {
      JsonTrees.copyField(oldSpec, spec, "healthCheckNodePort");
    }
    dropTypeDependentFields(spec, oldSpec);
  }

  /**
   * Drops what the new type has no use for when the request left it as stored: the cluster IP and
   * IP families of a service turning ExternalName, the node ports of one turning ClusterIP or
   * ExternalName, the health check node port, the external traffic policy and {@code
   * allocateLoadBalancerNodePorts} of one that no longer needs them. A value the request changed
   * stays, and validation reports it.
   */
  private static void dropTypeDependentFields(ObjectNode spec, ObjectNode oldSpec) {
    String type = string(spec, "type");
    String oldType = string(oldSpec, "type");
    if (!"ExternalName".equals(oldType) && "ExternalName".equals(type)) {
      if (same(spec, oldSpec, "clusterIP") && same(spec, oldSpec, "clusterIPs")) {
        spec.remove(List.of("clusterIP", "clusterIPs"));
      }
      if (same(spec, oldSpec, "ipFamilies")) {
        spec.remove("ipFamilies");
      }
      if (same(spec, oldSpec, "ipFamilyPolicy")) {
        spec.remove("ipFamilyPolicy");
      }
    }
    if (needsNodePorts(oldType)
        && !needsNodePorts(type)
        && nodePorts(spec).equals(nodePorts(oldSpec))) {
      for (ObjectNode port : objects(spec, "ports")) {
        port.remove("nodePort");
      }
    }
    if (needsHealthCheck(oldSpec)
        && !needsHealthCheck(spec)
        && same(spec, oldSpec, "healthCheckNodePort")) {
      spec.remove("healthCheckNodePort");
    }
    if ("LoadBalancer".equals(oldType)
        && !"LoadBalancer".equals(type)
        && same(spec, oldSpec, "allocateLoadBalancerNodePorts")) {
      spec.remove("allocateLoadBalancerNodePorts");
    }
    if (externallyAccessible(oldSpec)
        && !externallyAccessible(spec)
        && same(spec, oldSpec, "externalTrafficPolicy")) {
      spec.remove("externalTrafficPolicy");
    }
  }

  @Override
  public void validate(Field object) {
    Field spec = object.child("spec");
    if (spec.object() == null) {
      return;
    }
    Problems problems = spec.problems();
    String type = Checks.requiredOneOf(spec.child("type"), TYPES);
    Field clusterIpField = spec.child("clusterIP");
    String clusterIp = clusterIpField.nonEmptyString();
    boolean externalName = "ExternalName".equals(type);
    if (externalName) {
      Field externalNameField = spec.child("externalName");
      String name = Checks.requiredString(externalNameField);
      if (name != null) {
        String host = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        problems.invalidEach(externalNameField.path(), name, Names.dns1123Subdomain(host));
      }
      if (clusterIp != null) {
        problems.forbidden(clusterIpField.path(), "may not be set for ExternalName services");
      }
    } else if (clusterIp != null && !clusterIp.equals(NONE) && !IpAddresses.isValid(clusterIp)) {
      problems.invalid(
          clusterIpField.path(), clusterIp, "must be empty, 'None', or a valid IP address");
    }
    List<Field> clusterIps = spec.child("clusterIPs").items();
    for (Field ip : clusterIps) {
      String value = ip.string();
      if (value != null && !value.equals(NONE) && !IpAddresses.isValid(value)) {
        problems.invalid(ip.path(), value, "must be 'None' or a valid IP address");
      }
    }
    if (!clusterIps.isEmpty()
        && clusterIp != null
        && !clusterIp.equals(clusterIps.get(0).string())) {
      problems.invalid(
          clusterIps.get(0).path(), clusterIps.get(0).node(), "must be same as clusterIP");
    }

    ports(spec, type, NONE.equals(clusterIp));

    String affinity = Checks.requiredOneOf(spec.child("sessionAffinity"), AFFINITIES);
    Field timeout = spec.child("sessionAffinityConfig", "clientIP", "timeoutSeconds");
    Long timeoutSeconds = timeout.int64();
    if ("ClientIP".equals(affinity)
        && timeoutSeconds != null
        && (timeoutSeconds <= 0 || timeoutSeconds > MAX_AFFINITY_SECONDS)) {
      problems.invalid(timeout.path(), timeoutSeconds, "must be in the range of 0 < x <= 86400");
    }

    Field externalPolicy = spec.child("externalTrafficPolicy");
    String external = Checks.oneOf(externalPolicy, TRAFFIC_POLICIES);
    if (external != null && !external.isEmpty() && !externallyAccessible(spec.object())) {
      problems.invalid(
          externalPolicy.path(), external, "may only be set for externally-accessible services");
    }
    Checks.oneOf(spec.child("internalTrafficPolicy"), TRAFFIC_POLICIES);
    Field allocate = spec.child("allocateLoadBalancerNodePorts");
    if (allocate.bool() != null && !"LoadBalancer".equals(type)) {
      problems.forbidden(allocate.path(), "may only be used when `type` is 'LoadBalancer'");
    }
    families(spec);
    MetadataValidation.labels(spec.child("selector"));
    for (Field ip : spec.child("externalIPs").items()) {
      String value = Checks.requiredString(ip);
      if (value != null && !IpAddresses.isValid(value)) {
        problems.invalid(ip.path(), value, IpAddresses.INVALID);
      }
    }
    Field healthCheck = spec.child("healthCheckNodePort");
    Integer healthCheckPort = healthCheck.int32();
    if (healthCheckPort != null && healthCheckPort < 0) {
      problems.invalid(healthCheck.path(), healthCheckPort, "must be not less than 0");
    } else if (healthCheckPort != null
        && healthCheckPort != 0
        && !needsHealthCheck(spec.object())) {
      problems.invalid(
          healthCheck.path(),
          healthCheckPort,
          "may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'");
    }
    IpAddresses.check(spec.child("loadBalancerIP"));
    spec.child("publishNotReadyAddresses").bool();
    spec.child("loadBalancerSourceRanges").stringList();
  }

  @Override
  public void validateUpdate(Field object, ObjectNode existing) {
    ObjectNode oldSpec = object(existing, "spec");
    Field spec = object.child("spec");
    if (oldSpec == null || spec.object() == null) {
      return;
    }
    String oldClusterIp = string(oldSpec, "clusterIP");
    Field clusterIpField = spec.child("clusterIP");
    String clusterIp = clusterIpField.string();
    boolean nowExternalName = "ExternalName".equals(spec.child("type").string());
    if (oldClusterIp != null
        && !oldClusterIp.isEmpty()
        && !nowExternalName
        && !oldClusterIp.equals(clusterIp)) {
      object
          .problems()
          .invalid(clusterIpField.path(), clusterIp == null ? "" : clusterIp, "field is immutable");
    }
    if (needsHealthCheck(oldSpec)
        && needsHealthCheck(spec.object())
        && !same(spec.object(), oldSpec, "healthCheckNodePort")) {
      object.problems().forbidden(spec.child("healthCheckNodePort").path(), "field is immutable");
    }
  }

  @Override
  public void validateStatus(Field status) {
    if (status.object() == null) {
      return;
    }
    for (Field ingress : status.child("loadBalancer", "ingress").items()) {
      IpAddresses.check(ingress.child("ip"));
      ingress.child("hostname").string();
      Checks.oneOf(ingress.child("ipMode"), List.of("VIP", "Proxy"));
    }
    for (Field condition : status.child("conditions").items()) {
      Checks.requiredString(condition.child("type"));
      Checks.requiredOneOf(condition.child("status"), List.of("True", "False", "Unknown"));
    }
  }

  private static void ports(Field spec, @Nullable String type, boolean headless) {
    Problems problems = spec.problems();
    Field portsField = spec.child("ports");
    List<Field> ports = portsField.items();
    boolean externalName = "ExternalName".equals(type);
    JsonNode portsNode = portsField.node();
    if ((portsNode == null || (portsNode.isArray() && portsNode.isEmpty()))
        && !externalName
        && !headless) {
      problems.required(portsField.path());
    }
    boolean nodePortsAllowed = needsNodePorts(type);
    Set<String> names = new HashSet<>();
    Set<String> portsAndProtocols = new HashSet<>();
    Set<String> nodePorts = new HashSet<>();
    for (Field port : ports) {
      Field nameField = port.child("name");
      String name = nameField.nonEmptyString();
      if (name == null) {
        if (ports.size() > 1) {
          Checks.required(nameField);
        }
      } else {
        problems.invalidEach(nameField.path(), name, Names.dns1123Label(name));
        if (!names.add(name)) {
          problems.duplicate(nameField.path(), name);
        }
      }
      Integer number = Ports.requiredNumber(port.child("port"));
      String protocol = Checks.requiredOneOf(port.child("protocol"), Ports.PROTOCOLS);
      if (number != null && protocol != null && !portsAndProtocols.add(number + "/" + protocol)) {
        ObjectNode key =
            JsonNodeFactory.instance.objectNode().put("port", number).put("protocol", protocol);
        problems.duplicate(port.path(), key);
      }
      if (!externalName) {
        Ports.numberOrName(port.child("targetPort"));
      }
      port.child("appProtocol").string();
      Field nodePortField = port.child("nodePort");
      Integer nodePort = nodePortField.int32();
      if (nodePort != null && nodePort != 0) {
        // Whether it is in the configured range is the allocator's to say.
        if (!nodePortsAllowed) {
          problems.forbidden(
              nodePortField.path(),
              "may not be used when `type` is '" + (type == null ? "" : type) + "'");
        } else if (protocol != null && !nodePorts.add(nodePort + "/" + protocol)) {
          problems.duplicate(nodePortField.path(), nodePort);
        }
      }
    }
  }

  private static void families(Field spec) {
    Problems problems = spec.problems();
    String policy = Checks.oneOf(spec.child("ipFamilyPolicy"), FAMILY_POLICIES);
    Field familiesField = spec.child("ipFamilies");
    List<Field> families = familiesField.items();
    Set<String> seen = new HashSet<>();
    for (Field family : families) {
      String value = Checks.requiredOneOf(family, FAMILIES);
      if (value != null && !seen.add(value)) {
        problems.duplicate(family.path(), value);
      }
    }
    if (families.size() > 2) {
      problems.invalid(
          familiesField.path(), familiesField.node(), "may specify no more than two IP families");
    } else if ("SingleStack".equals(policy) && families.size() > 1) {
      problems.invalid(
          familiesField.path(),
          familiesField.node(),
          "when spec.ipFamilyPolicy is SingleStack, may not have more than one entry");
    }
  }

  /**
   * NodePort and LoadBalancer services, and ClusterIP ones with external IPs, are reachable from
   * outside.
   */
  private static boolean externallyAccessible(@Nullable ObjectNode spec) {
    if (spec == null) {
      return false;
    }
    String type = string(spec, "type");
    if ("NodePort".equals(type) || "LoadBalancer".equals(type)) {
      return true;
    }
    JsonNode externalIps = spec.get("externalIPs");
    return "ClusterIP".equals(type) && externalIps instanceof ArrayNode ips && !ips.isEmpty();
  }

  private static boolean needsNodePorts(@Nullable String type) {
    return "NodePort".equals(type) || "LoadBalancer".equals(type);
  }

  /** Kubernetes' NeedsHealthCheck: a LoadBalancer with {@code externalTrafficPolicy: Local}. */
  private static boolean needsHealthCheck(@Nullable ObjectNode spec) {
    return spec != null
        && "LoadBalancer".equals(string(spec, "type"))
        && "Local".equals(string(spec, "externalTrafficPolicy"));
  }

  /** The field has the same JSON in both (absent counts as null). */
  private static boolean same(@Nullable ObjectNode spec, ObjectNode oldSpec, String field) {
    JsonNode value = spec == null ? null : spec.get(field);
    JsonNode oldValue = oldSpec.get(field);
    return Objects.equals(
        value == null || value.isNull() ? null : value,
        oldValue == null || oldValue.isNull() ? null : oldValue);
  }

  /** The non-zero node ports of the ports. */
  private static Set<Integer> nodePorts(ObjectNode spec) {
    Set<Integer> ports = new HashSet<>();
    for (ObjectNode port : objects(spec, "ports")) {
      JsonNode nodePort = port.get("nodePort");
      if (nodePort != null && nodePort.isIntegralNumber() && nodePort.asInt() != 0) {
        ports.add(nodePort.asInt());
      }
    }
    return ports;
  }

  /** The same port number and protocol; runs before defaults, so no protocol means TCP. */
  private static boolean samePort(ObjectNode port, ObjectNode oldPort) {
    JsonNode number = port.get("port");
    return number != null
        && number.equals(oldPort.get("port"))
        && protocolOf(port).equals(protocolOf(oldPort));
  }

  private static String protocolOf(ObjectNode port) {
    String protocol = string(port, "protocol");
    return protocol == null || protocol.isEmpty() ? "TCP" : protocol;
  }
}
