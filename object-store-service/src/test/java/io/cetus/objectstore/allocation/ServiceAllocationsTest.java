package io.cetus.objectstore.allocation;

import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.cetus.api.errors.ApiException;
import io.cetus.api.json.Json;
import io.cetus.api.resource.ResourceTypes;
import io.cetus.objectstore.admission.AdmissionChain;
import io.cetus.objectstore.store.memory.InMemoryAllocationStore;

import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Allocation choices on admitted Services, against the in-memory allocation store. */
class ServiceAllocationsTest {

  private final InMemoryAllocationStore store = new InMemoryAllocationStore();
  private final ServiceAllocations allocations =
      new ServiceAllocations(
          new ClusterIpAllocator(ServiceIpRange.of("10.0.0.0/24"), store, new Random(1)),
          new NodePortAllocator(PortRange.of("30000-30099"), store, new Random(2)));
  private final AdmissionChain admission = new AdmissionChain();

  @Test
  void aClusterIpServiceGetsOneAddressFromTheRange() {
    ObjectNode service = admitted("ports: [{port: 80}]");

    allocations.allocateCreate(ResourceTypes.SERVICES, service).commit();

    String ip = service.at("/spec/clusterIP").stringValue();
    assertThat(ip).startsWith("10.0.0.");
    assertThat(service.at("/spec/clusterIPs")).isEqualTo(Json.mapper().createArrayNode().add(ip));
    assertThat(ips()).containsExactly(ip);
    assertThat(ports()).isEmpty();
  }

  @Test
  void headlessAndExternalNameServicesGetNoAddress() {
    ObjectNode headless = admitted("clusterIP: None\nselector: {app: db}");
    ObjectNode external = admitted("type: ExternalName\nexternalName: db.example.com");

    allocations.allocateCreate(ResourceTypes.SERVICES, headless).commit();
    allocations.allocateCreate(ResourceTypes.SERVICES, external).commit();

    assertThat(headless.at("/spec/clusterIPs")).isEqualTo(Json.yaml().readTree("[None]"));
    assertThat(external.at("/spec/clusterIP").isMissingNode()).isTrue();
    assertThat(ips()).isEmpty();
  }

  @Test
  void portsWithOneNumberShareANodePortAndOthersGetTheirOwn() {
    ObjectNode service =
        admitted(
            """
            type: NodePort
            ports:
            - {name: dns-tcp, port: 53}
            - {name: dns-udp, port: 53, protocol: UDP}
            - {name: http, port: 80}
            """);

    allocations.allocateCreate(ResourceTypes.SERVICES, service).commit();

    int dns = service.at("/spec/ports/0/nodePort").intValue();
    int http = service.at("/spec/ports/2/nodePort").intValue();
    assertThat(service.at("/spec/ports/1/nodePort").intValue()).isEqualTo(dns);
    assertThat(http).isNotEqualTo(dns).isBetween(30000, 30099);
    assertThat(ports()).containsExactlyInAnyOrder(Integer.toString(dns), Integer.toString(http));
  }

  @Test
  void aLoadBalancerThatAllocatesNoNodePortsKeepsOnlyThoseAskedFor() {
    ObjectNode service =
        admitted(
            """
            type: LoadBalancer
            allocateLoadBalancerNodePorts: false
            ports: [{name: a, port: 80}, {name: b, port: 81, nodePort: 30005}]
            """);

    allocations.allocateCreate(ResourceTypes.SERVICES, service).commit();

    assertThat(service.at("/spec/ports/0/nodePort").isMissingNode()).isTrue();
    assertThat(ports()).containsExactly("30005");
  }

  @Test
  void aLocalLoadBalancerGetsAHealthCheckNodePort() {
    ObjectNode service =
        admitted("type: LoadBalancer\nexternalTrafficPolicy: Local\nports: [{port: 80}]");

    allocations.allocateCreate(ResourceTypes.SERVICES, service).commit();

    int healthCheck = service.at("/spec/healthCheckNodePort").intValue();
    int nodePort = service.at("/spec/ports/0/nodePort").intValue();
    assertThat(healthCheck).isBetween(30000, 30099).isNotEqualTo(nodePort);
    assertThat(ports())
        .containsExactlyInAnyOrder(Integer.toString(healthCheck), Integer.toString(nodePort));
  }

  @Test
  void aTakenNodePortIsRefusedAndNothingStaysClaimed() {
    store.claim(NodePortAllocator.POOL, "30007");
    ObjectNode service =
        admitted(
            """
            type: NodePort
            clusterIP: 10.0.0.3
            ports: [{name: a, port: 80, nodePort: 30006}, {name: b, port: 81, nodePort: 30007}]
            """);

    var refused =
        catchThrowableOfType(
            ApiException.class, () -> allocations.allocateCreate(ResourceTypes.SERVICES, service));

    assertThat(refused.code()).isEqualTo(422);
    assertThat(refused)
        .hasMessage(
            "The Service \"web\" is invalid: spec.ports[1].nodePort: Invalid value: 30007:"
                + " provided port is already allocated");
    assertThat(refused.status().details().causes().getFirst().field())
        .isEqualTo("spec.ports[1].nodePort");
    assertThat(ips()).isEmpty();
    assertThat(ports()).containsExactly("30007");
  }

  @Test
  void aRequestedClusterIpMustBeInTheRangeAndFree() {
    ObjectNode outside = admitted("clusterIP: 1.2.3.4\nports: [{port: 80}]");
    created("clusterIP: 10.0.0.9\nports: [{port: 80}]");
    ObjectNode taken = admitted("clusterIP: 10.0.0.9\nports: [{port: 80}]");

    assertThat(refusal(outside))
        .isEqualTo(
            "The Service \"web\" is invalid: spec.clusterIPs: Invalid value: [\"1.2.3.4\"]: failed"
                + " to allocate IP 1.2.3.4: the provided IP (1.2.3.4) is not in the valid range."
                + " The range of valid IPs is 10.0.0.0/24");
    assertThat(refusal(taken))
        .isEqualTo(
            "The Service \"web\" is invalid: spec.clusterIPs: Invalid value: [\"10.0.0.9\"]:"
                + " failed to allocate IP 10.0.0.9: provided IP is already allocated");
  }

  @Test
  void aFullRangeIsAnInternalError() {
    for (int i = 30000; i <= 30099; i++) {
      store.claim(NodePortAllocator.POOL, Integer.toString(i));
    }
    ObjectNode service = admitted("type: NodePort\nports: [{port: 80}]");

    var refused =
        catchThrowableOfType(
            ApiException.class, () -> allocations.allocateCreate(ResourceTypes.SERVICES, service));

    assertThat(refused.code()).isEqualTo(500);
    assertThat(refused)
        .hasMessage("Internal error occurred: failed to allocate a nodePort: range is full");
    assertThat(ips()).isEmpty();
  }

  @Test
  void dualStackIsRefusedOnThisSingleStackCluster() {
    ObjectNode service = admitted("ipFamilyPolicy: RequireDualStack\nports: [{port: 80}]");

    assertThat(refusal(service))
        .isEqualTo(
            "The Service \"web\" is invalid: spec.ipFamilyPolicy: Invalid value:"
                + " \"RequireDualStack\": this cluster is not configured for dual-stack services");
  }

  @Test
  void abortGivesBackWhatTheWriteClaimedAndCommitAfterwardsNothing() {
    ObjectNode service = admitted("type: NodePort\nports: [{port: 80}]");
    PendingAllocation pending = allocations.allocateCreate(ResourceTypes.SERVICES, service);

    pending.abort();
    pending.commit();

    assertThat(ips()).isEmpty();
    assertThat(ports()).isEmpty();
  }

  @Test
  void clusterIpToNodePortAllocatesNodePortsAndBackReleasesThemOnCommit() {
    ObjectNode clusterIp = created("ports: [{port: 80}]");
    ObjectNode nodePort = updated(clusterIp, "type", "NodePort");
    int port = nodePort.at("/spec/ports/0/nodePort").intValue();
    assertThat(ports()).containsExactly(Integer.toString(port));

    ObjectNode admitted =
        admission.admitUpdate(ResourceTypes.SERVICES, withType(nodePort, "ClusterIP"), nodePort);
    PendingAllocation pending =
        allocations.allocateUpdate(ResourceTypes.SERVICES, admitted, nodePort);
    assertThat(ports()).containsExactly(Integer.toString(port));
    pending.commit();

    assertThat(admitted.at("/spec/ports/0/nodePort").isMissingNode()).isTrue();
    assertThat(ports()).isEmpty();
    assertThat(ips()).containsExactly(clusterIp.at("/spec/clusterIP").stringValue());
  }

  @Test
  void aChangedNodePortClaimsTheNewOneAndGivesBackTheOldOnlyOnCommit() {
    ObjectNode service = created("type: NodePort\nports: [{port: 80, nodePort: 30010}]");
    ObjectNode changed = service.deepCopy();
    ((ObjectNode) changed.at("/spec/ports/0")).put("nodePort", 30011);

    ObjectNode admitted = admission.admitUpdate(ResourceTypes.SERVICES, changed, service);
    PendingAllocation aborted =
        allocations.allocateUpdate(ResourceTypes.SERVICES, admitted, service);
    assertThat(ports()).containsExactlyInAnyOrder("30010", "30011");
    aborted.abort();
    assertThat(ports()).containsExactly("30010");
    allocations.allocateUpdate(ResourceTypes.SERVICES, admitted, service).commit();

    assertThat(ports()).containsExactly("30011");
  }

  @Test
  void becomingExternalNameGivesBackTheClusterIpAndBecomingClusterIpTakesOne() {
    ObjectNode service = created("type: NodePort\nports: [{port: 80}]");
    ObjectNode external = withType(service, "ExternalName");
    external.withObjectProperty("spec").put("externalName", "db.example.com");
    ObjectNode admitted = admission.admitUpdate(ResourceTypes.SERVICES, external, service);
    allocations.allocateUpdate(ResourceTypes.SERVICES, admitted, service).commit();

    assertThat(admitted.at("/spec/clusterIP").isMissingNode()).isTrue();
    assertThat(ips()).isEmpty();
    assertThat(ports()).isEmpty();

    ObjectNode back = withType(admitted, "ClusterIP");
    back.withObjectProperty("spec").remove("externalName");
    ObjectNode readmitted = admission.admitUpdate(ResourceTypes.SERVICES, back, admitted);
    allocations.allocateUpdate(ResourceTypes.SERVICES, readmitted, admitted).commit();

    assertThat(ips()).containsExactly(readmitted.at("/spec/clusterIP").stringValue());
  }

  @Test
  void aDeletedServiceGivesBackEverythingItHeld() {
    ObjectNode service =
        created("type: LoadBalancer\nexternalTrafficPolicy: Local\nports: [{port: 80}]");
    assertThat(ports()).hasSize(2);

    allocations.release(ResourceTypes.SERVICES, service);

    assertThat(ips()).isEmpty();
    assertThat(ports()).isEmpty();
  }

  @Test
  void otherKindsAreLeftAlone() {
    ObjectNode configMap = Json.mapper().createObjectNode();
    configMap.putObject("spec").put("clusterIP", "");

    assertThat(allocations.allocateCreate(ResourceTypes.CONFIG_MAPS, configMap))
        .isSameAs(PendingAllocation.NONE);
    assertThat(ips()).isEmpty();
  }

  private ObjectNode admitted(String spec) {
    ObjectNode service =
        (ObjectNode)
            Json.yaml()
                .readTree(
                    "{apiVersion: v1, kind: Service, metadata: {name: web, namespace: default}}");
    service.set("spec", Json.yaml().readTree(spec));
    return admission.admitCreate(ResourceTypes.SERVICES, service);
  }

  private ObjectNode created(String spec) {
    ObjectNode service = admitted(spec);
    allocations.allocateCreate(ResourceTypes.SERVICES, service).commit();
    return service;
  }

  private ObjectNode updated(ObjectNode stored, String field, String value) {
    ObjectNode changed = stored.deepCopy();
    changed.withObjectProperty("spec").put(field, value);
    ObjectNode admitted = admission.admitUpdate(ResourceTypes.SERVICES, changed, stored);
    allocations.allocateUpdate(ResourceTypes.SERVICES, admitted, stored).commit();
    return admitted;
  }

  private static ObjectNode withType(ObjectNode stored, String type) {
    ObjectNode changed = stored.deepCopy();
    changed.withObjectProperty("spec").put("type", type);
    return changed;
  }

  private String refusal(ObjectNode service) {
    return catchThrowableOfType(
            ApiException.class, () -> allocations.allocateCreate(ResourceTypes.SERVICES, service))
        .getMessage();
  }

  private Set<String> ips() {
    return store.claimed(ClusterIpAllocator.POOL);
  }

  private Set<String> ports() {
    return store.claimed(NodePortAllocator.POOL);
  }
}
