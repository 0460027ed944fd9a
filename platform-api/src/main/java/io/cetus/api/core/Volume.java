package io.cetus.api.core;

import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.cetus.api.internal.Copies;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A volume of a pod; exactly one source is set. {@code downwardAPI} and {@code projected} are kept
 * as read-only JSON.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Volume(
    String name,
    @Nullable HostPathVolumeSource hostPath,
    @Nullable EmptyDirVolumeSource emptyDir,
    @Nullable SecretVolumeSource secret,
    @Nullable PersistentVolumeClaimVolumeSource persistentVolumeClaim,
    @Nullable ConfigMapVolumeSource configMap,
    @Nullable Map<String, Object> downwardAPI,
    @Nullable Map<String, Object> projected) {

  public Volume {
    name = Objects.requireNonNullElse(name, "");
    downwardAPI = Copies.json(downwardAPI);
    projected = Copies.json(projected);
  }
}
