package io.cetus.api.core;

import java.util.Objects;

import io.cetus.api.internal.Copies;
import io.cetus.api.meta.ApiObject;
import io.cetus.api.meta.ObjectMeta;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A stable address for the pods {@code spec.selector} picks, of type {@code ClusterIP}, {@code
 * NodePort}, {@code LoadBalancer} or {@code ExternalName}.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"apiVersion", "kind", "metadata", "spec", "status"})
public record Service(
    String apiVersion, String kind, ObjectMeta metadata, ServiceSpec spec, ServiceStatus status)
    implements ApiObject {

  public static final String API_VERSION = "v1";
  public static final String KIND = "Service";

  public Service {
    apiVersion = Objects.requireNonNullElse(apiVersion, API_VERSION);
    kind = Objects.requireNonNullElse(kind, KIND);
    metadata = Copies.metadata(metadata);
    spec = Objects.requireNonNullElse(spec, ServiceSpec.EMPTY);
    status = Objects.requireNonNullElse(status, ServiceStatus.EMPTY);
  }

  public Service withMetadata(ObjectMeta newMetadata) {
    return new Service(apiVersion, kind, newMetadata, spec, status);
  }

  public Service withSpec(ServiceSpec newSpec) {
    return new Service(apiVersion, kind, metadata, newSpec, status);
  }

  public Service withStatus(ServiceStatus newStatus) {
    return new Service(apiVersion, kind, metadata, spec, newStatus);
  }
}
