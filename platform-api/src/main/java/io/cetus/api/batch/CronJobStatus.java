package io.cetus.api.batch;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.cetus.api.core.ObjectReference;
import io.cetus.api.internal.Copies;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The observed state of a {@link CronJob}: its running jobs and when it last ran. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record CronJobStatus(
    List<ObjectReference> active,
    @Nullable Instant lastScheduleTime,
    @Nullable Instant lastSuccessfulTime) {

  /** The zero value, which a manifest that leaves this out stands for. */
  public static final CronJobStatus EMPTY = new CronJobStatus(null, null, null);

  public CronJobStatus {
    active = Copies.list(active);
  }
}
