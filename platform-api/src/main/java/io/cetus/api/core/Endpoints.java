package io.cetus.api.core;

import java.util.List;
import java.util.Objects;

import io.cetus.api.internal.Copies;
import io.cetus.api.meta.ApiObject;
import io.cetus.api.meta.ObjectMeta;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The addresses behind a {@link Service} of the same name, kept by the endpoints controller: ready
 * pods under {@code addresses}, unready ones under {@code notReadyAddresses}.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"apiVersion", "kind", "metadata", "spec", "status"})
public record Endpoints(
    String apiVersion, String kind, ObjectMeta metadata, List<EndpointSubset> subsets)
    implements ApiObject {

  public static final String API_VERSION = "v1";
  public static final String KIND = "Endpoints";

  public Endpoints {
    apiVersion = Objects.requireNonNullElse(apiVersion, API_VERSION);
    kind = Objects.requireNonNullElse(kind, KIND);
    metadata = Copies.metadata(metadata);
    subsets = Copies.list(subsets);
  }

  public Endpoints withMetadata(ObjectMeta newMetadata) {
    return new Endpoints(apiVersion, kind, newMetadata, subsets);
  }

  public Endpoints withSubsets(List<EndpointSubset> newSubsets) {
    return new Endpoints(apiVersion, kind, metadata, newSubsets);
  }
}
