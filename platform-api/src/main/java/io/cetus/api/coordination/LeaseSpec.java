package io.cetus.api.coordination;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import io.cetus.api.json.MicroTimeSerializer;

import com.fasterxml.jackson.annotation.JsonInclude;

import tools.jackson.databind.annotation.JsonSerialize;

/**
 * Who holds a {@link Lease} and until when: it is held while {@code renewTime} plus {@code
 * leaseDurationSeconds} is in the future. Times are written with microseconds, as Kubernetes'
 * {@code MicroTime}.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record LeaseSpec(
    @Nullable String holderIdentity,
    @Nullable Integer leaseDurationSeconds,
    @JsonSerialize(using = MicroTimeSerializer.class) @Nullable Instant acquireTime,
    @JsonSerialize(using = MicroTimeSerializer.class) @Nullable Instant renewTime,
    @Nullable Integer leaseTransitions) {

  /** The zero value, which a manifest that leaves this out stands for. */
  public static final LeaseSpec EMPTY = new LeaseSpec(null, null, null, null, null);
}
