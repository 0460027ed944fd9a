package io.cetus.objectstore.admission;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** ReplicaSets: one replica by default; the rules every workload shares. */
final class ReplicaSetAdmission extends WorkloadAdmission {

  ReplicaSetAdmission() {
    super("ReplicaSet");
  }

  @Override
  void applySpecDefaults(ObjectNode spec) {
    JsonDefaults.setIfAbsent(spec, "replicas", 1);
  }

  @Override
  public ObjectNode initialStatus(ObjectNode object) {
    return JsonNodeFactory.instance.objectNode().put("replicas", 0);
  }

  @Override
  void validateSpec(Field spec) {
    Field templateDeadline = spec.child("template", "spec", "activeDeadlineSeconds");
    if (templateDeadline.isPresent()) {
      spec.problems()
          .forbidden(
              templateDeadline.path(), "activeDeadlineSeconds in ReplicaSet is not Supported");
    }
  }
}
