package io.cetus.objectstore.admission;

import org.junit.jupiter.api.Test;

import io.cetus.api.resource.ResourceTypes;

import tools.jackson.databind.node.ObjectNode;

import static io.cetus.objectstore.admission.Manifests.problems;
import static io.cetus.objectstore.admission.Manifests.yaml;
import static org.assertj.core.api.Assertions.assertThat;

/** Events, Endpoints and Leases. */
class ObjectKindsAdmissionTest {

  private final AdmissionChain chain = new AdmissionChain();

  @Test
  void eventsAreStoredAsWritten() {
    ObjectNode event =
        yaml(
            """
            apiVersion: v1
            kind: Event
            metadata: {name: web.17f0c, namespace: default}
            involvedObject: {kind: Pod, namespace: default, name: web, uid: u-1, apiVersion: v1}
            reason: Scheduled
            message: Successfully assigned default/web to node-1
            type: Normal
            source: {component: default-scheduler}
            firstTimestamp: '2026-01-01T00:00:00Z'
            lastTimestamp: '2026-01-01T00:00:00Z'
            """);

    assertThat(chain.admitCreate(ResourceTypes.EVENTS, event)).isEqualTo(event);
  }

  @Test
  void anEventLivesInTheNamespaceOfItsObject() {
    ObjectNode event =
        yaml(
            "{kind: Event, metadata: {name: e}, involvedObject: {kind: Pod, namespace: prod, name:"
                + " web}, count: -1}");

    assertThat(problems(() -> chain.admitCreate(ResourceTypes.EVENTS, event)))
        .containsExactlyInAnyOrder(
            "involvedObject.namespace: Invalid value: \"prod\": does not match event.namespace",
            "count: Invalid value: -1: must be greater than or equal to 0");
  }

  @Test
  void endpointPortsDefaultToTcp() {
    ObjectNode endpoints =
        yaml(
            """
            kind: Endpoints
            metadata: {name: web}
            subsets:
            - addresses: [{ip: 172.18.0.5, nodeName: node-1}]
              ports: [{port: 8080}]
            """);

    ObjectNode admitted = chain.admitCreate(ResourceTypes.ENDPOINTS, endpoints);

    assertThat(admitted.at("/subsets/0/ports/0/protocol").stringValue()).isEqualTo("TCP");
  }

  @Test
  void endpointAddressesAreIpsAndSeveralPortsAreNamed() {
    ObjectNode endpoints =
        yaml(
            """
            kind: Endpoints
            metadata: {name: web}
            subsets:
            - addresses: [{ip: web.local}]
              notReadyAddresses: [{hostname: x}]
              ports: [{port: 80}, {name: https, port: 443, protocol: QUIC}]
            """);

    assertThat(problems(() -> chain.admitCreate(ResourceTypes.ENDPOINTS, endpoints)))
        .containsExactlyInAnyOrder(
            "subsets[0].addresses[0].ip: Invalid value: \"web.local\": must be a valid IP"
                + " address, (e.g. 10.9.8.7 or 2001:db8::ffff)",
            "subsets[0].notReadyAddresses[0].ip: Required value",
            "subsets[0].ports[0].name: Required value",
            "subsets[0].ports[1].protocol: Unsupported value: \"QUIC\": supported values:"
                + " \"SCTP\", \"TCP\", \"UDP\"");
  }

  @Test
  void leasesNeedAPositiveDuration() {
    ObjectNode lease =
        yaml(
            "{apiVersion: coordination.k8s.io/v1, kind: Lease, metadata: {name: node-1, namespace:"
                + " kube-node-lease}, spec: {holderIdentity: node-1, leaseDurationSeconds: 0}}");

    assertThat(problems(() -> chain.admitCreate(ResourceTypes.LEASES, lease)))
        .containsExactly("spec.leaseDurationSeconds: Invalid value: 0: must be greater than 0");
  }

  @Test
  void aValidLeaseIsStoredAsWritten() {
    ObjectNode lease =
        yaml(
            "{apiVersion: coordination.k8s.io/v1, kind: Lease, metadata: {name: node-1, namespace:"
                + " kube-node-lease}, spec: {holderIdentity: node-1, leaseDurationSeconds: 40,"
                + " renewTime: '2026-01-01T00:00:00.000000Z'}}");

    assertThat(chain.admitCreate(ResourceTypes.LEASES, lease)).isEqualTo(lease);
  }
}
