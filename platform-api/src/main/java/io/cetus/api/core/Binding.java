package io.cetus.api.core;

import java.util.Objects;

import io.cetus.api.internal.Copies;
import io.cetus.api.meta.ApiObject;
import io.cetus.api.meta.ObjectMeta;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Binds a pod to a node: posted to a pod's {@code binding} subresource with {@code target} naming
 * the node.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"apiVersion", "kind", "metadata", "spec", "status"})
public record Binding(String apiVersion, String kind, ObjectMeta metadata, ObjectReference target)
    implements ApiObject {

  public static final String API_VERSION = "v1";
  public static final String KIND = "Binding";

  public Binding {
    apiVersion = Objects.requireNonNullElse(apiVersion, API_VERSION);
    kind = Objects.requireNonNullElse(kind, KIND);
    metadata = Copies.metadata(metadata);
    target = Objects.requireNonNullElse(target, ObjectReference.EMPTY);
  }

  public Binding withMetadata(ObjectMeta newMetadata) {
    return new Binding(apiVersion, kind, newMetadata, target);
  }

  public Binding withTarget(ObjectReference newTarget) {
    return new Binding(apiVersion, kind, metadata, newTarget);
  }
}
