package io.cetus.objectstore.admission;

import java.util.List;

import io.cetus.api.validation.Names;

import tools.jackson.databind.node.ObjectNode;

/**
 * Nodes: allocatable defaults to capacity; taints and reported resources must make sense. A node
 * keeps the status it registers with (node agents create their Node with it).
 */
final class NodeAdmission implements KindAdmission {

  private static final List<String> TAINT_EFFECTS =
      List.of("NoSchedule", "PreferNoSchedule", "NoExecute");
  private static final List<String> CONDITION_STATUSES = List.of("True", "False", "Unknown");

  @Override
  public void applyDefaults(ObjectNode object) {}

  @Override
  public void applyStatusDefaults(ObjectNode object) {
    ObjectNode status = JsonDefaults.object(object, "status");
    if (status == null) {
      return;
    }
    ObjectNode capacity = JsonDefaults.object(status, "capacity");
    ObjectNode allocatable = JsonDefaults.object(status, "allocatable");
    if (capacity != null) {
      Quantities.normalize(capacity);
      if (allocatable == null && JsonDefaults.isAbsent(status, "allocatable")) {
        status.set("allocatable", capacity.deepCopy());
      }
    }
    if (allocatable != null) {
      Quantities.normalize(allocatable);
    }
  }

  @Override
  public void validate(Field object) {
    Field spec = object.child("spec");
    spec.child("unschedulable").bool();
    spec.child("providerID").string();
    spec.child("podCIDR").string();
    for (Field taint : spec.child("taints").items()) {
      Field keyField = taint.child("key");
      String key = Checks.requiredString(keyField);
      if (key != null) {
        taint.problems().invalidEach(keyField.path(), key, Names.qualifiedName(key));
      }
      Field valueField = taint.child("value");
      String value = valueField.nonEmptyString();
      if (value != null) {
        taint.problems().invalidEach(valueField.path(), value, Names.labelValue(value));
      }
      Checks.requiredOneOf(taint.child("effect"), TAINT_EFFECTS);
    }
    validateStatus(object.child("status"));
  }

  @Override
  public void validateStatus(Field status) {
    for (String list : List.of("capacity", "allocatable")) {
      status.child(list).entries().values().forEach(Quantities::nonNegative);
    }
    for (Field address : status.child("addresses").items()) {
      Checks.requiredString(address.child("type"));
      Checks.requiredString(address.child("address"));
    }
    for (Field condition : status.child("conditions").items()) {
      Checks.requiredString(condition.child("type"));
      Checks.requiredOneOf(condition.child("status"), CONDITION_STATUSES);
    }
    status.child("nodeInfo").object();
  }
}
