package io.cetus.api.coordination;

import java.util.Objects;

import io.cetus.api.internal.Copies;
import io.cetus.api.meta.ApiObject;
import io.cetus.api.meta.ObjectMeta;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A lock with a holder and an expiry: node agents renew one per node in {@code kube-node-lease} as
 * a heartbeat, and controllers hold one to elect a leader.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"apiVersion", "kind", "metadata", "spec", "status"})
public record Lease(String apiVersion, String kind, ObjectMeta metadata, LeaseSpec spec)
    implements ApiObject {

  public static final String API_VERSION = "coordination.k8s.io/v1";
  public static final String KIND = "Lease";

  public Lease {
    apiVersion = Objects.requireNonNullElse(apiVersion, API_VERSION);
    kind = Objects.requireNonNullElse(kind, KIND);
    metadata = Copies.metadata(metadata);
    spec = Objects.requireNonNullElse(spec, LeaseSpec.EMPTY);
  }

  public Lease withMetadata(ObjectMeta newMetadata) {
    return new Lease(apiVersion, kind, newMetadata, spec);
  }

  public Lease withSpec(LeaseSpec newSpec) {
    return new Lease(apiVersion, kind, metadata, newSpec);
  }
}
