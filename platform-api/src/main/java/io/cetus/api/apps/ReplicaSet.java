package io.cetus.api.apps;

import java.util.Objects;

import io.cetus.api.internal.Copies;
import io.cetus.api.meta.ApiObject;
import io.cetus.api.meta.ObjectMeta;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** Keeps {@code spec.replicas} pods matching {@code spec.selector} running. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"apiVersion", "kind", "metadata", "spec", "status"})
public record ReplicaSet(
    String apiVersion,
    String kind,
    ObjectMeta metadata,
    ReplicaSetSpec spec,
    ReplicaSetStatus status)
    implements ApiObject {

  public static final String API_VERSION = "apps/v1";
  public static final String KIND = "ReplicaSet";

  public ReplicaSet {
    apiVersion = Objects.requireNonNullElse(apiVersion, API_VERSION);
    kind = Objects.requireNonNullElse(kind, KIND);
    metadata = Copies.metadata(metadata);
    spec = Objects.requireNonNullElse(spec, ReplicaSetSpec.EMPTY);
    status = Objects.requireNonNullElse(status, ReplicaSetStatus.EMPTY);
  }

  public ReplicaSet withMetadata(ObjectMeta newMetadata) {
    return new ReplicaSet(apiVersion, kind, newMetadata, spec, status);
  }

  public ReplicaSet withSpec(ReplicaSetSpec newSpec) {
    return new ReplicaSet(apiVersion, kind, metadata, newSpec, status);
  }

  public ReplicaSet withStatus(ReplicaSetStatus newStatus) {
    return new ReplicaSet(apiVersion, kind, metadata, spec, newStatus);
  }
}
