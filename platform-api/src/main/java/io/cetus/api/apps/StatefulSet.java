package io.cetus.api.apps;

import java.util.Objects;

import io.cetus.api.internal.Copies;
import io.cetus.api.meta.ApiObject;
import io.cetus.api.meta.ObjectMeta;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Runs pods with stable names ({@code <name>-0}, {@code <name>-1}, ...) and, through {@code
 * volumeClaimTemplates}, stable storage.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"apiVersion", "kind", "metadata", "spec", "status"})
public record StatefulSet(
    String apiVersion,
    String kind,
    ObjectMeta metadata,
    StatefulSetSpec spec,
    StatefulSetStatus status)
    implements ApiObject {

  public static final String API_VERSION = "apps/v1";
  public static final String KIND = "StatefulSet";

  public StatefulSet {
    apiVersion = Objects.requireNonNullElse(apiVersion, API_VERSION);
    kind = Objects.requireNonNullElse(kind, KIND);
    metadata = Copies.metadata(metadata);
    spec = Objects.requireNonNullElse(spec, StatefulSetSpec.EMPTY);
    status = Objects.requireNonNullElse(status, StatefulSetStatus.EMPTY);
  }

  public StatefulSet withMetadata(ObjectMeta newMetadata) {
    return new StatefulSet(apiVersion, kind, newMetadata, spec, status);
  }

  public StatefulSet withSpec(StatefulSetSpec newSpec) {
    return new StatefulSet(apiVersion, kind, metadata, newSpec, status);
  }

  public StatefulSet withStatus(StatefulSetStatus newStatus) {
    return new StatefulSet(apiVersion, kind, metadata, spec, newStatus);
  }
}
