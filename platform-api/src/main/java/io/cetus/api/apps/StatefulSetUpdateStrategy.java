package io.cetus.api.apps;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

/** How a {@link StatefulSet} replaces pods: {@code RollingUpdate} (default) or {@code OnDelete}. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record StatefulSetUpdateStrategy(
    @Nullable String type, @Nullable RollingUpdateStatefulSetStrategy rollingUpdate) {

  /** The zero value, which a manifest that leaves this out stands for. */
  public static final StatefulSetUpdateStrategy EMPTY = new StatefulSetUpdateStrategy(null, null);
}
