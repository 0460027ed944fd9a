package io.cetus.api.batch;

import java.util.Objects;

import io.cetus.api.internal.Copies;
import io.cetus.api.meta.ObjectMeta;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The job a {@link CronJob} creates. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record JobTemplateSpec(ObjectMeta metadata, JobSpec spec) {

  /** The zero value, which a manifest that leaves this out stands for. */
  public static final JobTemplateSpec EMPTY = new JobTemplateSpec(null, null);

  public JobTemplateSpec {
    metadata = Copies.metadata(metadata);
    spec = Objects.requireNonNullElse(spec, JobSpec.EMPTY);
  }
}
