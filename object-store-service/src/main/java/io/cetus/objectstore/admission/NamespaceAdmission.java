package io.cetus.objectstore.admission;

import java.util.List;
import java.util.function.Function;

import io.cetus.api.validation.Names;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Namespaces: DNS-label names, the {@code kubernetes.io/metadata.name} label, the {@code
 * kubernetes} finalizer and phase {@code Active} on creation. Like Kubernetes, an update leaves
 * {@code spec.finalizers} alone: they change through the namespace's finalize step.
 */
final class NamespaceAdmission implements KindAdmission {

  static final String NAME_LABEL = "kubernetes.io/metadata.name";
  private static final String FINALIZER = "kubernetes";

  @Override
  public Function<String, List<String>> nameRule() {
    return Names::dns1123Label;
  }

  @Override
  public void applyDefaults(ObjectNode object) {
    ObjectNode metadata = JsonDefaults.object(object, "metadata");
    String name = metadata == null ? null : JsonDefaults.string(metadata, "name");
    if (name != null && !name.isEmpty()) {
      ObjectNode labels = JsonDefaults.objectOrCreate(metadata, "labels");
      if (labels != null) {
        labels.put(NAME_LABEL, name);
      }
    }
  }

  @Override
  public void prepareForCreate(ObjectNode object) {
    ObjectNode spec = JsonDefaults.objectOrCreate(object, "spec");
    if (spec == null) {
      return;
    }
    JsonNode finalizers = spec.get("finalizers");
    if (finalizers == null || finalizers.isNull()) {
      spec.putArray("finalizers").add(FINALIZER);
    } else if (finalizers instanceof ArrayNode list
        && list.valueStream().noneMatch(f -> f.isString() && f.stringValue().equals(FINALIZER))) {
      list.add(FINALIZER);
    }
  }

  @Override
  public ObjectNode initialStatus(ObjectNode object) {
    return JsonNodeFactory.instance.objectNode().put("phase", "Active");
  }

  @Override
  public void applyStatusDefaults(ObjectNode object) {
    ObjectNode status = JsonDefaults.object(object, "status");
    if (status != null) {
      JsonDefaults.setIfEmpty(status, "phase", "Active");
    }
  }

  @Override
  public void prepareForUpdate(ObjectNode object, ObjectNode existing) {
    ObjectNode spec = JsonDefaults.objectOrCreate(object, "spec");
    ObjectNode oldSpec = JsonDefaults.object(existing, "spec");
    if (spec != null && oldSpec != null) {
      JsonTrees.copyField(oldSpec, spec, "finalizers");
    }
  }

  @Override
  public void validate(Field object) {
    for (Field finalizer : object.child("spec", "finalizers").items()) {
      String name = Checks.requiredString(finalizer);
      if (name != null && !name.equals(FINALIZER)) {
        finalizer.problems().invalidEach(finalizer.path(), name, Names.qualifiedName(name));
      }
    }
  }

  @Override
  public void validateStatus(Field status) {
    Checks.oneOf(status.child("phase"), List.of("Active", "Terminating"));
    for (Field condition : status.child("conditions").items()) {
      Checks.requiredString(condition.child("type"));
    }
  }
}
