package io.cetus.scheduler.cache;

import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import io.cetus.api.core.Pod;
import io.cetus.api.meta.OwnerReference;
import io.cetus.api.meta.Owners;

/**
 * What makes pods siblings, for spreading: the same namespace and the same controller (by owner
 * uid), or, for pods without a controller, the same namespace and exactly the same labels. Two pods
 * are siblings when their keys are equal, so the cache can count each node's siblings per key.
 *
 * @param ownerUid the controller's uid; {@code null} for an ownerless pod, which is then known by
 *     its {@code labels}
 */
public record SiblingKey(
    @Nullable String namespace,
    boolean owned,
    @Nullable String ownerUid,
    Map<String, String> labels) {

  /** The pod's key; empty for a pod with neither a controller nor labels, which has no siblings. */
  public static Optional<SiblingKey> of(Pod pod) {
    String namespace = pod.metadata().namespace();
    Optional<OwnerReference> owner = Owners.controllerOf(pod);
    if (owner.isPresent()) {
      return Optional.of(new SiblingKey(namespace, true, owner.get().uid(), Map.of()));
    }
    Map<String, String> labels = pod.metadata().labels();
    return labels.isEmpty()
        ? Optional.empty()
        : Optional.of(new SiblingKey(namespace, false, null, Map.copyOf(labels)));
  }
}
