package io.cetus.api.core;

import java.util.Objects;

import io.cetus.api.internal.Copies;
import io.cetus.api.meta.ApiObject;
import io.cetus.api.meta.ObjectMeta;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A group of containers that run together on one node, sharing network and volumes. The scheduler
 * sets {@code spec.nodeName}; the node agent reports {@code status}.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"apiVersion", "kind", "metadata", "spec", "status"})
public record Pod(
    String apiVersion, String kind, ObjectMeta metadata, PodSpec spec, PodStatus status)
    implements ApiObject {

  public static final String API_VERSION = "v1";
  public static final String KIND = "Pod";

  public Pod {
    apiVersion = Objects.requireNonNullElse(apiVersion, API_VERSION);
    kind = Objects.requireNonNullElse(kind, KIND);
    metadata = Copies.metadata(metadata);
    spec = Objects.requireNonNullElse(spec, PodSpec.EMPTY);
    status = Objects.requireNonNullElse(status, PodStatus.EMPTY);
  }

  public Pod withMetadata(ObjectMeta newMetadata) {
    return new Pod(apiVersion, kind, newMetadata, spec, status);
  }

  public Pod withSpec(PodSpec newSpec) {
    return new Pod(apiVersion, kind, metadata, newSpec, status);
  }

  public Pod withStatus(PodStatus newStatus) {
    return new Pod(apiVersion, kind, metadata, spec, newStatus);
  }
}
