package io.cetus.objectstore.service;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The value of a field-selector path ({@code metadata.name}, {@code spec.nodeName}, {@code
 * involvedObject.uid}, {@code type}, ...) in an object. Every kind supports every dotted path into
 * its JSON, which covers the fields Kubernetes offers per kind; a missing field, or one that holds
 * an object or a list, has no value.
 */
final class FieldValues {

  private FieldValues() {}

  static @Nullable String valueOf(ObjectNode object, String path) {
    JsonNode node = object;
    for (String part : path.split("\\.", -1)) {
      if (node == null || !node.isObject()) {
        return null;
      }
      node = node.get(part);
    }
    if (node == null || node.isNull() || node.isContainer()) {
      return null;
    }
    return node.isString() ? node.stringValue() : node.asString();
  }
}
