package io.cetus.api.batch;

import java.util.Objects;

import io.cetus.api.internal.Copies;
import io.cetus.api.meta.ApiObject;
import io.cetus.api.meta.ObjectMeta;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** Runs pods until {@code spec.completions} of them succeed. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"apiVersion", "kind", "metadata", "spec", "status"})
public record Job(
    String apiVersion, String kind, ObjectMeta metadata, JobSpec spec, JobStatus status)
    implements ApiObject {

  public static final String API_VERSION = "batch/v1";
  public static final String KIND = "Job";

  public Job {
    apiVersion = Objects.requireNonNullElse(apiVersion, API_VERSION);
    kind = Objects.requireNonNullElse(kind, KIND);
    metadata = Copies.metadata(metadata);
    spec = Objects.requireNonNullElse(spec, JobSpec.EMPTY);
    status = Objects.requireNonNullElse(status, JobStatus.EMPTY);
  }

  public Job withMetadata(ObjectMeta newMetadata) {
    return new Job(apiVersion, kind, newMetadata, spec, status);
  }

  public Job withSpec(JobSpec newSpec) {
    return new Job(apiVersion, kind, metadata, newSpec, status);
  }

  public Job withStatus(JobStatus newStatus) {
    return new Job(apiVersion, kind, metadata, spec, newStatus);
  }
}
