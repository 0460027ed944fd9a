package io.cetus.api.core;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.cetus.api.internal.Copies;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A config map's keys as files; {@code items} picks and renames keys. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ConfigMapVolumeSource(
    @Nullable String name,
    List<KeyToPath> items,
    @Nullable Integer defaultMode,
    @Nullable Boolean optional) {

  public ConfigMapVolumeSource {
    items = Copies.list(items);
  }
}
