package io.cetus.objectstore.admission;

import java.util.List;

import tools.jackson.databind.node.ObjectNode;

/**
 * Events ({@code core/v1}): stored as written. An event about a namespaced object lives in that
 * object's namespace.
 */
final class EventAdmission implements KindAdmission {

  @Override
  public void applyDefaults(ObjectNode object) {}

  @Override
  public void validate(Field object) {
    Field involved = object.child("involvedObject");
    for (String name : List.of("kind", "namespace", "name", "uid", "apiVersion", "fieldPath")) {
      involved.child(name).string();
    }
    Field namespaceField = involved.child("namespace");
    String involvedNamespace = namespaceField.nonEmptyString();
    String namespace = object.child("metadata", "namespace").string();
    if (involvedNamespace != null && !involvedNamespace.equals(namespace)) {
      object
          .problems()
          .invalid(namespaceField.path(), involvedNamespace, "does not match event.namespace");
    }
    for (String text : List.of("reason", "message", "type", "firstTimestamp", "lastTimestamp")) {
      object.child(text).string();
    }
    Checks.nonNegative(object.child("count"));
    object.child("source").object();
  }
}
