package io.cetus.objectstore.admission;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import io.cetus.api.validation.Names;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Kubernetes' checks of {@code metadata}: name and namespace, labels, annotations, owner references
 * and finalizers, and what an update may not change.
 */
final class MetadataValidation {

  /** Finalizers Kubernetes itself owns; any other finalizer must be a qualified name with a '/'. */
  private static final Set<String> STANDARD_FINALIZERS =
      Set.of("kubernetes", "orphan", "foregroundDeletion");

  private MetadataValidation() {}

  /**
   * Checks an object's {@code metadata}.
   *
   * @param nameRule the naming rule of the kind, e.g. {@link Names#dns1123Subdomain}
   * @param namespaced whether the kind lives in a namespace
   */
  static void validate(
      Field metadata, Function<String, List<String>> nameRule, boolean namespaced) {
    Problems problems = metadata.problems();
    String name = metadata.child("name").string();
    String generateName = metadata.child("generateName").string();
    if (name == null || name.isEmpty()) {
      if (generateName == null || generateName.isEmpty()) {
        problems.required(metadata.path().child("name"), "name or generateName is required");
      }
    } else {
      problems.invalidEach(metadata.path().child("name"), name, nameRule.apply(name));
    }

    Field namespaceField = metadata.child("namespace");
    String namespace = namespaceField.string();
    if (namespaced) {
      if (namespace == null || namespace.isEmpty()) {
        if (!namespaceField.isPresent() || namespace != null) {
          problems.required(namespaceField.path());
        }
      } else {
        problems.invalidEach(namespaceField.path(), namespace, Names.dns1123Label(namespace));
      }
    } else if (namespace != null && !namespace.isEmpty()) {
      problems.forbidden(namespaceField.path(), "not allowed on this type");
    }

    labels(metadata.child("labels"));
    annotations(metadata.child("annotations"));
    ownerReferences(metadata.child("ownerReferences"));
    finalizers(metadata.child("finalizers"));
  }

  /** The labels of an object or template, or a selector's {@code matchLabels}. */
  static Map<String, String> labels(Field labels) {
    Map<String, String> map = labels.stringMap();
    map.forEach(
        (key, value) -> {
          labels.problems().invalidEach(labels.path(), key, Names.qualifiedName(key));
          labels.problems().invalidEach(labels.path(), value, Names.labelValue(value));
        });
    return map;
  }

  static void annotations(Field annotations) {
    Map<String, String> map = annotations.stringMap();
    for (String key : map.keySet()) {
      // Kubernetes lower-cases annotation keys before checking them.
      annotations
          .problems()
          .invalidEach(annotations.path(), key, Names.qualifiedName(key.toLowerCase(Locale.ROOT)));
    }
    if (!Names.annotationsSize(map).isEmpty()) {
      annotations.problems().tooLong(annotations.path(), Names.MAX_ANNOTATIONS_BYTES);
    }
  }

  private static void ownerReferences(Field ownerReferences) {
    List<String> controllers = new ArrayList<>();
    for (Field reference : ownerReferences.items()) {
      for (String required : List.of("apiVersion", "kind", "name", "uid")) {
        Field field = reference.child(required);
        String value = field.string();
        if (value == null ? !field.isPresent() : value.isEmpty()) {
          reference.problems().required(field.path());
        }
      }
      reference.child("blockOwnerDeletion").bool();
      if (Boolean.TRUE.equals(reference.child("controller").bool())) {
        controllers.add(
            Objects.requireNonNullElse(reference.child("kind").string(), "")
                + "/"
                + Objects.requireNonNullElse(reference.child("name").string(), ""));
      }
    }
    if (controllers.size() > 1) {
      ownerReferences
          .problems()
          .invalid(
              ownerReferences.path(),
              ownerReferences.node(),
              "only one reference can have controller set to true, found it on "
                  + String.join(", ", controllers));
    }
  }

  private static void finalizers(Field finalizers) {
    List<Field> items = finalizers.items();
    List<String> names = new ArrayList<>();
    for (Field item : items) {
      String finalizer = item.string();
      if (finalizer == null) {
        continue;
      }
      names.add(finalizer);
      List<String> messages = Names.qualifiedName(finalizer);
      if (!messages.isEmpty()) {
        item.problems().invalidEach(item.path(), finalizer, messages);
      } else if (!finalizer.contains("/") && !STANDARD_FINALIZERS.contains(finalizer)) {
        item.problems()
            .invalid(
                item.path(),
                finalizer,
                "name is neither a standard finalizer name nor is it fully qualified");
      }
    }
    if (names.contains("orphan") && names.contains("foregroundDeletion")) {
      finalizers
          .problems()
          .invalid(
              finalizers.path(),
              finalizers.node(),
              "finalizer orphan and foregroundDeletion cannot be both set");
    }
  }

  /**
   * What an update of {@code metadata} may not do: rename the object, move it to another namespace,
   * or add finalizers once it is being deleted.
   */
  static void validateUpdate(Field metadata, @Nullable ObjectNode existingMetadata) {
    ObjectNode existing =
        existingMetadata == null ? JsonNodeFactory.instance.objectNode() : existingMetadata;
    for (String immutable : List.of("name", "namespace")) {
      Field field = metadata.child(immutable);
      String value = Objects.requireNonNullElse(field.string(), "");
      String old = Objects.requireNonNullElse(JsonDefaults.string(existing, immutable), "");
      if (!value.equals(old)) {
        metadata.problems().invalid(field.path(), value, "field is immutable");
      }
    }
    if (!JsonDefaults.isAbsent(existing, "deletionTimestamp")) {
      List<String> added = new ArrayList<>(metadata.child("finalizers").stringList());
      Field oldFinalizers = Field.of(existing.get("finalizers"), FieldPath.ROOT, new Problems());
      added.removeAll(oldFinalizers.stringList());
      if (!added.isEmpty()) {
        metadata
            .problems()
            .forbidden(
                metadata.path().child("finalizers"),
                "no new finalizers can be added if the object is being deleted, found new"
                    + " finalizers "
                    + added);
      }
    }
  }
}
