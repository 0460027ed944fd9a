package io.cetus.objectstore.admission;

import org.junit.jupiter.api.Test;

import io.cetus.api.resource.ResourceTypes;

import tools.jackson.databind.node.ObjectNode;

import static io.cetus.objectstore.admission.Manifests.problems;
import static io.cetus.objectstore.admission.Manifests.yaml;
import static org.assertj.core.api.Assertions.assertThat;

class PodAdmissionTest {

  private final AdmissionChain chain = new AdmissionChain();

  private final ObjectNode stored =
      chain.admitCreate(ResourceTypes.PODS, Manifests.resource("simple-echo.yaml").get(0));

  @Test
  void anUpdateMayChangeImagesAndLabels() {
    ObjectNode update = Manifests.resource("simple-echo.yaml").get(0);
    ((ObjectNode) update.at("/spec/containers/0")).put("image", "nginx:1.28-alpine");
    ((ObjectNode) update.at("/metadata/labels")).put("tier", "fe");

    ObjectNode admitted = chain.admitUpdate(ResourceTypes.PODS, update, stored);

    assertThat(admitted.at("/spec/containers/0/image").stringValue())
        .isEqualTo("nginx:1.28-alpine");
    assertThat(admitted.at("/status")).isEqualTo(stored.at("/status"));
  }

  @Test
  void anUpdateMayNotChangeTheRestOfTheSpec() {
    ObjectNode update = Manifests.resource("simple-echo.yaml").get(0);
    ((ObjectNode) update.at("/spec/containers/0/env/0")).put("value", "localhost:9090");

    assertThat(problems(() -> chain.admitUpdate(ResourceTypes.PODS, update, stored)))
        .singleElement()
        .asString()
        .startsWith("spec: Forbidden: pod updates may not change fields other than");
  }

  @Test
  void anUpdateCannotBindThePodToANode() {
    ObjectNode bound = Manifests.resource("simple-echo.yaml").get(0);
    ((ObjectNode) bound.get("spec")).put("nodeName", "node-1");

    assertThat(problems(() -> chain.admitUpdate(ResourceTypes.PODS, bound, stored)))
        .singleElement()
        .asString()
        .startsWith("spec: Forbidden: pod updates may not change fields other than");
  }

  @Test
  void tolerationsMayOnlyBeAdded() {
    ObjectNode withToleration = Manifests.resource("nginx-pod.yaml").get(0);
    ((ObjectNode) withToleration.get("spec"))
        .set("tolerations", Manifests.tree("[{key: a, operator: Exists}]"));
    ObjectNode current = chain.admitCreate(ResourceTypes.PODS, withToleration);
    ObjectNode added = current.deepCopy();
    ((ObjectNode) added.get("spec"))
        .set(
            "tolerations",
            Manifests.tree("[{key: a, operator: Exists}, {key: b, operator: Exists}]"));
    ObjectNode removed = current.deepCopy();
    ((ObjectNode) removed.get("spec")).remove("tolerations");

    assertThat(chain.admitUpdate(ResourceTypes.PODS, added, current).at("/spec/tolerations"))
        .hasSize(2);
    assertThat(problems(() -> chain.admitUpdate(ResourceTypes.PODS, removed, current)))
        .containsExactly(
            "spec.tolerations: Forbidden: existing toleration can not be modified except its"
                + " tolerationSeconds");
  }

  @Test
  void statusWritesTakeThePodsConditionsAndAddresses() {
    ObjectNode write = stored.deepCopy();
    write.set(
        "status",
        yaml(
            """
            phase: Running
            podIP: 172.18.0.5
            podIPs: [{ip: 172.18.0.5}]
            conditions: [{type: Ready, status: 'True'}]
            containerStatuses: [{name: nginx, ready: true, restartCount: 0}]
            """));

    ObjectNode admitted = chain.admitStatusUpdate(ResourceTypes.PODS, write, stored);

    assertThat(admitted.at("/status/phase").stringValue()).isEqualTo("Running");
    assertThat(admitted.get("spec")).isEqualTo(stored.get("spec"));
  }

  @Test
  void statusWritesWithBadAddressesOrConditionsAreInvalid() {
    ObjectNode write = stored.deepCopy();
    write.set(
        "status",
        yaml(
            """
            podIP: 300.1.1.1
            conditions: [{status: Maybe}]
            containerStatuses: [{restartCount: -1}]
            """));

    assertThat(problems(() -> chain.admitStatusUpdate(ResourceTypes.PODS, write, stored)))
        .containsExactlyInAnyOrder(
            "status.podIP: Invalid value: \"300.1.1.1\": must be a valid IP address, (e.g."
                + " 10.9.8.7 or 2001:db8::ffff)",
            "status.conditions[0].type: Required value",
            "status.conditions[0].status: Unsupported value: \"Maybe\": supported values:"
                + " \"True\", \"False\", \"Unknown\"",
            "status.containerStatuses[0].name: Required value",
            "status.containerStatuses[0].restartCount: Invalid value: -1: must be greater than or"
                + " equal to 0");
  }
}
