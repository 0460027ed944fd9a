package io.cetus.scheduler.cache;

import java.util.Map;
import java.util.Objects;
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
 * <p>Looked up once per node for every pod scheduled, so its hash is computed once and {@code
 * equals} is written out (a record's are method-handle based, slow without the C2 compiler). The
 * {@link SchedulerCache} keeps one instance per key for the pods it counts and hands it out for
 * decisions, so those lookups end at the identity check.
 */
public final class SiblingKey {

  private final @Nullable String namespace;
  private final @Nullable String ownerUid;
  private final boolean owned;
  private final Map<String, String> labels;
  private final int hash;

  private SiblingKey(
      @Nullable String namespace,
      boolean owned,
      @Nullable String ownerUid,
      Map<String, String> labels) {
    this.namespace = namespace;
    this.owned = owned;
    this.ownerUid = ownerUid;
    this.labels = labels;
    this.hash =
        31
                * (31 * (31 * Objects.hashCode(namespace) + Boolean.hashCode(owned))
                    + Objects.hashCode(ownerUid))
            + labels.hashCode();
  }

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

  @Override
  public boolean equals(@Nullable Object other) {
    if (this == other) {
      return true;
    }
    return other instanceof SiblingKey key
        && hash == key.hash
        && owned == key.owned
        && Objects.equals(ownerUid, key.ownerUid)
        && Objects.equals(namespace, key.namespace)
        && labels.equals(key.labels);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public String toString() {
    return owned ? namespace + "/owner=" + ownerUid : namespace + "/labels=" + labels;
  }
}
