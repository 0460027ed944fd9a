package io.cetus.api.core;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The observed state of one container: what it does now ({@code state}), how it last ended ({@code
 * lastState}), and whether it passes its readiness probe.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ContainerStatus(
    String name,
    ContainerState state,
    ContainerState lastState,
    boolean ready,
    int restartCount,
    String image,
    String imageID,
    @Nullable String containerID,
    @Nullable Boolean started) {

  public ContainerStatus {
    name = Objects.requireNonNullElse(name, "");
    state = Objects.requireNonNullElse(state, ContainerState.EMPTY);
    lastState = Objects.requireNonNullElse(lastState, ContainerState.EMPTY);
    image = Objects.requireNonNullElse(image, "");
    imageID = Objects.requireNonNullElse(imageID, "");
  }
}
