package io.cetus.api.apps;

import java.util.Objects;

import io.cetus.api.internal.Copies;
import io.cetus.api.meta.ApiObject;
import io.cetus.api.meta.ObjectMeta;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** Runs one pod of {@code spec.template} on every eligible node. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"apiVersion", "kind", "metadata", "spec", "status"})
public record DaemonSet(
    String apiVersion, String kind, ObjectMeta metadata, DaemonSetSpec spec, DaemonSetStatus status)
    implements ApiObject {

  public static final String API_VERSION = "apps/v1";
  public static final String KIND = "DaemonSet";

  public DaemonSet {
    apiVersion = Objects.requireNonNullElse(apiVersion, API_VERSION);
    kind = Objects.requireNonNullElse(kind, KIND);
    metadata = Copies.metadata(metadata);
    spec = Objects.requireNonNullElse(spec, DaemonSetSpec.EMPTY);
    status = Objects.requireNonNullElse(status, DaemonSetStatus.EMPTY);
  }

  public DaemonSet withMetadata(ObjectMeta newMetadata) {
    return new DaemonSet(apiVersion, kind, newMetadata, spec, status);
  }

  public DaemonSet withSpec(DaemonSetSpec newSpec) {
    return new DaemonSet(apiVersion, kind, metadata, newSpec, status);
  }

  public DaemonSet withStatus(DaemonSetStatus newStatus) {
    return new DaemonSet(apiVersion, kind, metadata, spec, newStatus);
  }
}
