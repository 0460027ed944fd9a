package io.cetus.objectstore.service;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A namespace's lifecycle fields: {@code status.phase} ({@code Active}, then {@code Terminating})
 * and the {@code kubernetes} entry of {@code spec.finalizers}, which holds the namespace until its
 * content is gone.
 */
public final class NamespacePhases {

  public static final String KUBERNETES_FINALIZER = "kubernetes";
  public static final String ACTIVE = "Active";
  public static final String TERMINATING = "Terminating";

  private NamespacePhases() {}

  static void defaultForCreate(ObjectNode namespace) {
    ObjectNode spec =
        namespace.get("spec") instanceof ObjectNode s ? s : namespace.putObject("spec");
    if (!(spec.get("finalizers") instanceof ArrayNode)) {
      spec.putArray("finalizers").add(KUBERNETES_FINALIZER);
    }
    ObjectNode status =
        namespace.get("status") instanceof ObjectNode s ? s : namespace.putObject("status");
    status.put("phase", ACTIVE);
  }

  static void markTerminating(ObjectNode namespace) {
    ObjectNode status =
        namespace.get("status") instanceof ObjectNode s ? s : namespace.putObject("status");
    status.put("phase", TERMINATING);
  }

  /** Whether {@code spec.finalizers} still holds the {@code kubernetes} entry. */
  public static boolean hasKubernetesFinalizer(ObjectNode namespace) {
    JsonNode finalizers = namespace.path("spec").get("finalizers");
    if (finalizers != null && finalizers.isArray()) {
      for (JsonNode finalizer : finalizers) {
        if (KUBERNETES_FINALIZER.equals(finalizer.asString(""))) {
          return true;
        }
      }
    }
    return false;
  }

  /** Removes the {@code kubernetes} entry of {@code spec.finalizers}. */
  public static void removeKubernetesFinalizer(ObjectNode namespace) {
    if (namespace.get("spec") instanceof ObjectNode spec
        && spec.get("finalizers") instanceof ArrayNode finalizers) {
      ArrayNode kept = spec.putArray("finalizers");
      for (JsonNode finalizer : finalizers) {
        if (!KUBERNETES_FINALIZER.equals(finalizer.asString(""))) {
          kept.add(finalizer);
        }
      }
    }
  }
}
