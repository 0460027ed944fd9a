package io.cetus.objectstore.service;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Component;

import io.cetus.api.errors.ApiException;
import io.cetus.api.errors.StatusCause;
import io.cetus.api.json.Json;
import io.cetus.api.resource.ResourceTypes;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code binding} subresource of pods: assigns a pod to a node, once. Sets {@code
 * spec.nodeName} (which no ordinary update may change) and the {@code PodScheduled} condition.
 */
@Component
class PodBinding {

  private final Updates updates;
  private final Clock clock;

  PodBinding(Updates updates, Clock clock) {
    this.updates = updates;
    this.clock = clock;
  }

  /**
   * @throws ApiException 404 for a missing pod, 409 when it is bound already or being deleted, 422
   *     for a binding without a target node
   */
  void bind(String namespace, String name, ObjectNode binding, WriteOptions options) {
    MetadataShape.checkTypeMeta(binding, "v1", "Binding");
    MetadataShape.checkMetadata(binding);
    Identity.requireName(binding, name);
    String node = Meta.nonEmpty(binding.get("target"), "name");
    String targetKind = Meta.nonEmpty(binding.get("target"), "kind");
    if (node == null) {
      throw ApiException.invalid("Binding", name, List.of(StatusCause.required("target.name")));
    }
    if (targetKind != null && !targetKind.equals("Node")) {
      throw ApiException.invalid(
          "Binding",
          name,
          List.of(StatusCause.notSupported("target.kind", targetKind, List.of("Node"))));
    }
    String uid = Meta.uid(binding);
    String resource = ResourceTypes.PODS.qualifiedPlural() + "/binding";
    updates.updateInternally(
        ResourceTypes.PODS,
        namespace,
        name,
        options.dryRun(),
        "update",
        pod -> {
          if (uid != null && !uid.equals(Meta.uid(pod))) {
            throw ApiException.conflict(
                resource,
                name,
                "Precondition failed: UID in precondition: "
                    + uid
                    + ", UID in object meta: "
                    + Meta.uid(pod));
          }
          if (Meta.isDeleting(pod)) {
            throw ApiException.conflict(
                resource, name, "pod " + name + " is being deleted, cannot be assigned to a host");
          }
          String current = Meta.nonEmpty(pod.get("spec"), "nodeName");
          if (current != null) {
            throw ApiException.conflict(
                resource, name, "pod " + name + " is already assigned to node \"" + current + "\"");
          }
          ObjectNode spec =
              pod.get("spec") instanceof ObjectNode existing ? existing : pod.putObject("spec");
          spec.put("nodeName", node);
          markScheduled(pod);
          return pod;
        });
  }

  private void markScheduled(ObjectNode pod) {
    ObjectNode status =
        pod.get("status") instanceof ObjectNode existing ? existing : pod.putObject("status");
    ArrayNode conditions = Json.mapper().createArrayNode();
    JsonNode existing = status.get("conditions");
    if (existing != null && existing.isArray()) {
      for (JsonNode condition : existing) {
        if (!"PodScheduled".equals(Meta.string(condition, "type"))) {
          conditions.add(condition);
        }
      }
    }
    ObjectNode scheduled = conditions.addObject();
    scheduled.put("type", "PodScheduled");
    scheduled.put("status", "True");
    scheduled.putNull("lastProbeTime");
    scheduled.put("lastTransitionTime", Timestamps.now(clock));
    status.set("conditions", conditions);
  }
}
