package io.cetus.objectstore.admission;

import java.util.List;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Pods: pod-spec defaults and checks, a new pod's status ({@code Pending} with its QoS class), and
 * Kubernetes' rule that a pod's spec is fixed once created except for a few fields. Binding a pod
 * to a node is the {@code binding} subresource's business, not an update's.
 */
final class PodAdmission implements KindAdmission {

  private static final String IMMUTABLE_SPEC =
      "pod updates may not change fields other than `spec.containers[*].image`,"
          + " `spec.initContainers[*].image`, `spec.activeDeadlineSeconds`, `spec.tolerations`"
          + " (only additions to existing tolerations), `spec.terminationGracePeriodSeconds` or"
          + " `spec.schedulingGates` (only removals)";

  @Override
  public void applyDefaults(ObjectNode object) {
    ObjectNode spec = JsonDefaults.objectOrCreate(object, "spec");
    if (spec != null) {
      PodSpecDefaults.apply(spec, PodSpecOwner.POD);
    }
  }

  @Override
  public ObjectNode initialStatus(ObjectNode object) {
    ObjectNode status = JsonNodeFactory.instance.objectNode();
    status.put("phase", "Pending");
    ObjectNode spec = JsonDefaults.object(object, "spec");
    if (spec != null) {
      status.put("qosClass", PodQos.of(spec));
    }
    return status;
  }

  @Override
  public void validate(Field object) {
    PodSpecValidation.validate(object.child("spec"), PodSpecOwner.POD);
  }

  @Override
  public void validateUpdate(Field object, ObjectNode existing) {
    ObjectNode spec = object.child("spec").object();
    ObjectNode oldSpec = JsonDefaults.object(existing, "spec");
    if (spec == null || oldSpec == null) {
      return;
    }
    ObjectNode comparable = spec.deepCopy();
    for (String list : List.of("containers", "initContainers")) {
      copyImages(comparable.get(list), oldSpec.get(list));
    }
    for (String mutable :
        List.of(
            "activeDeadlineSeconds",
            "tolerations",
            "terminationGracePeriodSeconds",
            "schedulingGates")) {
      JsonTrees.copyField(oldSpec, comparable, mutable);
    }
    if (!JsonTrees.semanticallyEqual(comparable, oldSpec)) {
      object.problems().forbidden(object.path().child("spec"), IMMUTABLE_SPEC);
    }
    tolerationsOnlyAdded(object.child("spec", "tolerations"), oldSpec.get("tolerations"));
  }

  @Override
  public void validateStatus(Field status) {
    if (status.object() == null) {
      return;
    }
    status.child("phase").string();
    status.child("qosClass").string();
    status.child("message").string();
    status.child("reason").string();
    IpAddresses.check(status.child("podIP"));
    IpAddresses.check(status.child("hostIP"));
    for (String list : List.of("podIPs", "hostIPs")) {
      for (Field ip : status.child(list).items()) {
        IpAddresses.check(ip.child("ip"));
      }
    }
    for (Field condition : status.child("conditions").items()) {
      Checks.requiredString(condition.child("type"));
      Checks.oneOf(condition.child("status"), List.of("True", "False", "Unknown"));
    }
    for (String list :
        List.of("containerStatuses", "initContainerStatuses", "ephemeralContainerStatuses")) {
      for (Field container : status.child(list).items()) {
        Checks.requiredString(container.child("name"));
        Checks.nonNegative(container.child("restartCount"));
        container.child("ready").bool();
        container.child("state").object();
        container.child("lastState").object();
      }
    }
  }

  private static void copyImages(@Nullable JsonNode containers, @Nullable JsonNode oldContainers) {
    if (containers instanceof ArrayNode list
        && oldContainers instanceof ArrayNode oldList
        && list.size() == oldList.size()) {
      for (int i = 0; i < list.size(); i++) {
        if (list.get(i) instanceof ObjectNode container
            && oldList.get(i) instanceof ObjectNode oldContainer) {
          JsonTrees.copyField(oldContainer, container, "image");
        }
      }
    }
  }

  private static void tolerationsOnlyAdded(Field tolerations, @Nullable JsonNode oldTolerations) {
    if (!(oldTolerations instanceof ArrayNode old)) {
      return;
    }
    List<Field> current = tolerations.items();
    for (JsonNode oldToleration : old) {
      boolean kept =
          current.stream().anyMatch(t -> JsonTrees.semanticallyEqual(t.node(), oldToleration));
      if (!kept) {
        tolerations
            .problems()
            .forbidden(
                tolerations.path(),
                "existing toleration can not be modified except its tolerationSeconds");
        return;
      }
    }
  }
}
