package io.cetus.objectstore.admission;

import org.junit.jupiter.api.Test;

import io.cetus.api.resource.ResourceTypes;

import tools.jackson.databind.node.ObjectNode;

import static io.cetus.objectstore.admission.Manifests.clusterYaml;
import static io.cetus.objectstore.admission.Manifests.problems;
import static io.cetus.objectstore.admission.Manifests.yaml;
import static org.assertj.core.api.Assertions.assertThat;

/** Namespaces and Nodes. */
class ClusterKindsAdmissionTest {

  private final AdmissionChain chain = new AdmissionChain();

  @Test
  void namespaceGetsItsNameLabelFinalizerAndActivePhase() {
    ObjectNode admitted =
        chain.admitCreate(
            ResourceTypes.NAMESPACES,
            clusterYaml("{apiVersion: v1, kind: Namespace, metadata: {name: team-a}}"));

    assertThat(admitted)
        .isEqualTo(
            clusterYaml(
                """
                apiVersion: v1
                kind: Namespace
                metadata:
                  name: team-a
                  labels: {kubernetes.io/metadata.name: team-a}
                spec: {finalizers: [kubernetes]}
                status: {phase: Active}
                """));
  }

  @Test
  void namespaceNamesAreDnsLabels() {
    ObjectNode namespace = clusterYaml("{kind: Namespace, metadata: {name: team.a}}");

    assertThat(problems(() -> chain.admitCreate(ResourceTypes.NAMESPACES, namespace)))
        .singleElement()
        .asString()
        .startsWith("metadata.name: Invalid value: \"team.a\": a DNS-1123 label");
  }

  @Test
  void clusterScopedObjectsHaveNoNamespace() {
    ObjectNode namespace =
        clusterYaml("{kind: Namespace, metadata: {name: a, namespace: default}}");

    assertThat(problems(() -> chain.admitCreate(ResourceTypes.NAMESPACES, namespace)))
        .containsExactly("metadata.namespace: Forbidden: not allowed on this type");
  }

  @Test
  void anUpdateCannotRemoveTheNamespaceFinalizerNorForgeTheNameLabel() {
    ObjectNode stored =
        chain.admitCreate(
            ResourceTypes.NAMESPACES, clusterYaml("{kind: Namespace, metadata: {name: a}}"));
    ObjectNode update =
        clusterYaml(
            "{kind: Namespace, metadata: {name: a, labels: {kubernetes.io/metadata.name: b}}, spec:"
                + " {finalizers: []}}");

    ObjectNode admitted = chain.admitUpdate(ResourceTypes.NAMESPACES, update, stored);

    assertThat(admitted.at("/spec/finalizers")).isEqualTo(stored.at("/spec/finalizers"));
    assertThat(admitted.at("/metadata/labels/kubernetes.io~1metadata.name").stringValue())
        .isEqualTo("a");
    assertThat(admitted.at("/status/phase").stringValue()).isEqualTo("Active");
  }

  @Test
  void nodeKeepsItsRegisteredStatusWithAllocatableFromCapacity() {
    ObjectNode node =
        clusterYaml(
            """
            apiVersion: v1
            kind: Node
            metadata: {name: node-1, labels: {kubernetes.io/hostname: node-1}}
            status:
              capacity: {cpu: 4, memory: 8Gi, pods: 110}
              addresses: [{type: InternalIP, address: 172.18.0.2}]
              conditions: [{type: Ready, status: 'True'}]
            """);

    ObjectNode admitted = chain.admitCreate(ResourceTypes.NODES, node);

    assertThat(admitted.at("/status/capacity"))
        .isEqualTo(clusterYaml("{cpu: '4', memory: 8Gi, pods: '110'}"));
    assertThat(admitted.at("/status/allocatable")).isEqualTo(admitted.at("/status/capacity"));
    assertThat(admitted.at("/status/conditions/0/type").stringValue()).isEqualTo("Ready");
  }

  @Test
  void nodeTaintsAndStatusAreChecked() {
    ObjectNode node =
        clusterYaml(
            """
            kind: Node
            metadata: {name: node-1}
            spec: {taints: [{key: dedicated, value: gpu, effect: Never}]}
            status:
              capacity: {cpu: lots}
              conditions: [{type: Ready, status: Yes}]
            """);

    assertThat(problems(() -> chain.admitCreate(ResourceTypes.NODES, node)))
        .containsExactlyInAnyOrder(
            "spec.taints[0].effect: Unsupported value: \"Never\": supported values:"
                + " \"NoSchedule\", \"PreferNoSchedule\", \"NoExecute\"",
            "status.capacity[cpu]: Invalid value: \"lots\": " + Quantities.FORMAT,
            "status.allocatable[cpu]: Invalid value: \"lots\": " + Quantities.FORMAT,
            "status.conditions[0].status: Unsupported value: \"Yes\": supported values:"
                + " \"True\", \"False\", \"Unknown\"");
  }

  @Test
  void nodeHeartbeatsGoThroughTheStatusSubresource() {
    ObjectNode stored =
        chain.admitCreate(
            ResourceTypes.NODES,
            clusterYaml("{kind: Node, metadata: {name: n}, spec: {unschedulable: true}}"));
    ObjectNode heartbeat = stored.deepCopy();
    heartbeat.set(
        "status",
        clusterYaml(
            "{capacity: {cpu: '2'}, conditions: [{type: Ready, status: 'True', lastHeartbeatTime:"
                + " '2026-01-01T00:00:00Z'}]}"));
    ((ObjectNode) heartbeat.get("spec")).put("unschedulable", false);

    ObjectNode admitted = chain.admitStatusUpdate(ResourceTypes.NODES, heartbeat, stored);

    assertThat(admitted.at("/spec/unschedulable").booleanValue()).isTrue();
    assertThat(admitted.at("/status/allocatable/cpu").stringValue()).isEqualTo("2");
  }

  @Test
  void namespacedObjectsNeedANamespace() {
    ObjectNode configMap = clusterYaml("{kind: ConfigMap, metadata: {name: c}}");
    ObjectNode badNamespace = yaml("{kind: ConfigMap, metadata: {name: c, namespace: Team_A}}");

    assertThat(problems(() -> chain.admitCreate(ResourceTypes.CONFIG_MAPS, configMap)))
        .containsExactly("metadata.namespace: Required value");
    assertThat(problems(() -> chain.admitCreate(ResourceTypes.CONFIG_MAPS, badNamespace)))
        .singleElement()
        .asString()
        .startsWith("metadata.namespace: Invalid value: \"Team_A\": a DNS-1123 label");
  }
}
