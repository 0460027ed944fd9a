package io.cetus.api.meta;

import java.util.Objects;

import io.cetus.api.internal.Copies;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * {@code autoscaling/v1 Scale}: the {@code scale} subresource of Deployments, ReplicaSets and
 * StatefulSets, as {@code kubectl scale} reads and writes it. {@code status.selector} is the
 * workload's label selector in text form.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"apiVersion", "kind", "metadata", "spec", "status"})
public record Scale(
    String apiVersion, String kind, ObjectMeta metadata, ScaleSpec spec, ScaleStatus status)
    implements ApiObject {

  public static final String API_VERSION = "autoscaling/v1";
  public static final String KIND = "Scale";

  public Scale {
    apiVersion = Objects.requireNonNullElse(apiVersion, API_VERSION);
    kind = Objects.requireNonNullElse(kind, KIND);
    metadata = Copies.metadata(metadata);
    spec = Objects.requireNonNullElse(spec, new ScaleSpec(null));
    status = Objects.requireNonNullElse(status, new ScaleStatus(0, null));
  }

  public Scale withMetadata(ObjectMeta newMetadata) {
    return new Scale(apiVersion, kind, newMetadata, spec, status);
  }

  public Scale withSpec(ScaleSpec newSpec) {
    return new Scale(apiVersion, kind, metadata, newSpec, status);
  }

  public Scale withStatus(ScaleStatus newStatus) {
    return new Scale(apiVersion, kind, metadata, spec, newStatus);
  }
}
