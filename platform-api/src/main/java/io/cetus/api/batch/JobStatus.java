package io.cetus.api.batch;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.cetus.api.internal.Copies;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The observed state of a {@link Job}; {@code ready} and {@code terminating} are absent when not
 * tracked.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record JobStatus(
    List<JobCondition> conditions,
    @Nullable Instant startTime,
    @Nullable Instant completionTime,
    int active,
    int succeeded,
    int failed,
    @Nullable String completedIndexes,
    @Nullable Integer ready,
    @Nullable Integer terminating) {

  /** The zero value, which a manifest that leaves this out stands for. */
  public static final JobStatus EMPTY = new JobStatus(null, null, null, 0, 0, 0, null, null, null);

  public JobStatus {
    conditions = Copies.list(conditions);
  }
}
