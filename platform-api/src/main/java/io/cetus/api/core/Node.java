package io.cetus.api.core;

import java.util.Objects;

import io.cetus.api.internal.Copies;
import io.cetus.api.meta.ApiObject;
import io.cetus.api.meta.ObjectMeta;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** A machine that runs pods, registered and kept up to date by its node agent. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"apiVersion", "kind", "metadata", "spec", "status"})
public record Node(
    String apiVersion, String kind, ObjectMeta metadata, NodeSpec spec, NodeStatus status)
    implements ApiObject {

  public static final String API_VERSION = "v1";
  public static final String KIND = "Node";

  public Node {
    apiVersion = Objects.requireNonNullElse(apiVersion, API_VERSION);
    kind = Objects.requireNonNullElse(kind, KIND);
    metadata = Copies.metadata(metadata);
    spec = Objects.requireNonNullElse(spec, NodeSpec.EMPTY);
    status = Objects.requireNonNullElse(status, NodeStatus.EMPTY);
  }

  public Node withMetadata(ObjectMeta newMetadata) {
    return new Node(apiVersion, kind, newMetadata, spec, status);
  }

  public Node withSpec(NodeSpec newSpec) {
    return new Node(apiVersion, kind, metadata, newSpec, status);
  }

  public Node withStatus(NodeStatus newStatus) {
    return new Node(apiVersion, kind, metadata, spec, newStatus);
  }
}
