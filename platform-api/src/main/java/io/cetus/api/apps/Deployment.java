package io.cetus.api.apps;

import java.util.Objects;

import io.cetus.api.internal.Copies;
import io.cetus.api.meta.ApiObject;
import io.cetus.api.meta.ObjectMeta;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Rolls a pod template out through replica sets, one per template revision, by the {@code
 * RollingUpdate} or {@code Recreate} strategy.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"apiVersion", "kind", "metadata", "spec", "status"})
public record Deployment(
    String apiVersion,
    String kind,
    ObjectMeta metadata,
    DeploymentSpec spec,
    DeploymentStatus status)
    implements ApiObject {

  public static final String API_VERSION = "apps/v1";
  public static final String KIND = "Deployment";

  public Deployment {
    apiVersion = Objects.requireNonNullElse(apiVersion, API_VERSION);
    kind = Objects.requireNonNullElse(kind, KIND);
    metadata = Copies.metadata(metadata);
    spec = Objects.requireNonNullElse(spec, DeploymentSpec.EMPTY);
    status = Objects.requireNonNullElse(status, DeploymentStatus.EMPTY);
  }

  public Deployment withMetadata(ObjectMeta newMetadata) {
    return new Deployment(apiVersion, kind, newMetadata, spec, status);
  }

  public Deployment withSpec(DeploymentSpec newSpec) {
    return new Deployment(apiVersion, kind, metadata, newSpec, status);
  }

  public Deployment withStatus(DeploymentStatus newStatus) {
    return new Deployment(apiVersion, kind, metadata, spec, newStatus);
  }
}
