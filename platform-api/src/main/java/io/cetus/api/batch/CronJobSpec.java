package io.cetus.api.batch;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The desired state of a {@link CronJob}; {@code concurrencyPolicy} is {@code Allow} (default),
 * {@code Forbid} or {@code Replace}.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record CronJobSpec(
    String schedule,
    @Nullable String timeZone,
    @Nullable Long startingDeadlineSeconds,
    @Nullable String concurrencyPolicy,
    @Nullable Boolean suspend,
    JobTemplateSpec jobTemplate,
    @Nullable Integer successfulJobsHistoryLimit,
    @Nullable Integer failedJobsHistoryLimit) {

  /** The zero value, which a manifest that leaves this out stands for. */
  public static final CronJobSpec EMPTY =
      new CronJobSpec(null, null, null, null, null, null, null, null);

  public CronJobSpec {
    schedule = Objects.requireNonNullElse(schedule, "");
    jobTemplate = Objects.requireNonNullElse(jobTemplate, JobTemplateSpec.EMPTY);
  }
}
