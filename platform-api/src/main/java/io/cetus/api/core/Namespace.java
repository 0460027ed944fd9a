package io.cetus.api.core;

import java.util.Objects;

import io.cetus.api.internal.Copies;
import io.cetus.api.meta.ApiObject;
import io.cetus.api.meta.ObjectMeta;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A namespace: the scope of namespaced objects. Deleting it deletes everything in it; {@code
 * spec.finalizers} hold the deletion until that is done.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"apiVersion", "kind", "metadata", "spec", "status"})
public record Namespace(
    String apiVersion, String kind, ObjectMeta metadata, NamespaceSpec spec, NamespaceStatus status)
    implements ApiObject {

  public static final String API_VERSION = "v1";
  public static final String KIND = "Namespace";

  public Namespace {
    apiVersion = Objects.requireNonNullElse(apiVersion, API_VERSION);
    kind = Objects.requireNonNullElse(kind, KIND);
    metadata = Copies.metadata(metadata);
    spec = Objects.requireNonNullElse(spec, NamespaceSpec.EMPTY);
    status = Objects.requireNonNullElse(status, NamespaceStatus.EMPTY);
  }

  public Namespace withMetadata(ObjectMeta newMetadata) {
    return new Namespace(apiVersion, kind, newMetadata, spec, status);
  }

  public Namespace withSpec(NamespaceSpec newSpec) {
    return new Namespace(apiVersion, kind, metadata, newSpec, status);
  }

  public Namespace withStatus(NamespaceStatus newStatus) {
    return new Namespace(apiVersion, kind, metadata, spec, newStatus);
  }
}
