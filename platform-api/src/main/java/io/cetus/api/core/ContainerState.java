package io.cetus.api.core;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

/** What a container is doing; at most one field is set, none while unknown. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ContainerState(
    @Nullable ContainerStateWaiting waiting,
    @Nullable ContainerStateRunning running,
    @Nullable ContainerStateTerminated terminated) {

  /** The zero value, which a manifest that leaves this out stands for. */
  public static final ContainerState EMPTY = new ContainerState(null, null, null);
}
