package io.cetus.api.core;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Keeps pods off a node unless they tolerate it; {@code effect} is {@code NoSchedule}, {@code
 * PreferNoSchedule} or {@code NoExecute}.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Taint(
    String key, @Nullable String value, String effect, @Nullable Instant timeAdded) {

  public Taint {
    key = Objects.requireNonNullElse(key, "");
    effect = Objects.requireNonNullElse(effect, "");
  }
}
