package io.cetus.api.apps;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

/** How a {@link DaemonSet} replaces pods: {@code RollingUpdate} (default) or {@code OnDelete}. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record DaemonSetUpdateStrategy(
    @Nullable String type, @Nullable RollingUpdateDaemonSet rollingUpdate) {

  /** The zero value, which a manifest that leaves this out stands for. */
  public static final DaemonSetUpdateStrategy EMPTY = new DaemonSetUpdateStrategy(null, null);
}
