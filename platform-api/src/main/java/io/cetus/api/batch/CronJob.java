package io.cetus.api.batch;

import java.util.Objects;

import io.cetus.api.internal.Copies;
import io.cetus.api.meta.ApiObject;
import io.cetus.api.meta.ObjectMeta;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** Creates a {@link Job} from {@code spec.jobTemplate} on a cron {@code spec.schedule}. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"apiVersion", "kind", "metadata", "spec", "status"})
public record CronJob(
    String apiVersion, String kind, ObjectMeta metadata, CronJobSpec spec, CronJobStatus status)
    implements ApiObject {

  public static final String API_VERSION = "batch/v1";
  public static final String KIND = "CronJob";

  public CronJob {
    apiVersion = Objects.requireNonNullElse(apiVersion, API_VERSION);
    kind = Objects.requireNonNullElse(kind, KIND);
    metadata = Copies.metadata(metadata);
    spec = Objects.requireNonNullElse(spec, CronJobSpec.EMPTY);
    status = Objects.requireNonNullElse(status, CronJobStatus.EMPTY);
  }

  public CronJob withMetadata(ObjectMeta newMetadata) {
    return new CronJob(apiVersion, kind, newMetadata, spec, status);
  }

  public CronJob withSpec(CronJobSpec newSpec) {
    return new CronJob(apiVersion, kind, metadata, newSpec, status);
  }

  public CronJob withStatus(CronJobStatus newStatus) {
    return new CronJob(apiVersion, kind, metadata, spec, newStatus);
  }
}
