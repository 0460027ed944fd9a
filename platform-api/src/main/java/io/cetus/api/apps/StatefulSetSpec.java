package io.cetus.api.apps;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.cetus.api.core.PodTemplateSpec;
import io.cetus.api.internal.Copies;
import io.cetus.api.meta.LabelSelector;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The desired state of a {@link StatefulSet}. {@code volumeClaimTemplates} and the retention policy
 * are kept as read-only JSON.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record StatefulSetSpec(
    @Nullable Integer replicas,
    @Nullable LabelSelector selector,
    PodTemplateSpec template,
    List<Map<String, Object>> volumeClaimTemplates,
    @Nullable String serviceName,
    @Nullable String podManagementPolicy,
    StatefulSetUpdateStrategy updateStrategy,
    @Nullable Integer revisionHistoryLimit,
    @Nullable Integer minReadySeconds,
    @Nullable Map<String, Object> persistentVolumeClaimRetentionPolicy,
    @Nullable Map<String, Object> ordinals) {

  /** The zero value, which a manifest that leaves this out stands for. */
  public static final StatefulSetSpec EMPTY =
      new StatefulSetSpec(null, null, null, null, null, null, null, null, null, null, null);

  public StatefulSetSpec {
    template = Objects.requireNonNullElse(template, PodTemplateSpec.EMPTY);
    volumeClaimTemplates = Copies.list(volumeClaimTemplates);
    updateStrategy = Objects.requireNonNullElse(updateStrategy, StatefulSetUpdateStrategy.EMPTY);
    persistentVolumeClaimRetentionPolicy = Copies.json(persistentVolumeClaimRetentionPolicy);
    ordinals = Copies.json(ordinals);
  }
}
