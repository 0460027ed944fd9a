package io.cetus.client;

import org.jspecify.annotations.Nullable;

/**
 * Kubernetes' {@code DeleteOptions}; {@code null} fields are left to the server's defaults.
 *
 * @param gracePeriodSeconds how long a pod gets to stop; {@code 0} deletes at once
 * @param preconditionUid delete only if the object still has this uid
 * @param preconditionResourceVersion delete only if the object is still at this revision
 */
public record DeleteOptions(
    @Nullable PropagationPolicy propagationPolicy,
    @Nullable Long gracePeriodSeconds,
    @Nullable String preconditionUid,
    @Nullable String preconditionResourceVersion) {

  /** The server's defaults: background propagation, the object's own grace period. */
  public static final DeleteOptions DEFAULT = new DeleteOptions(null, null, null, null);

  public static DeleteOptions propagation(PropagationPolicy policy) {
    return new DeleteOptions(policy, null, null, null);
  }

  public DeleteOptions withGracePeriodSeconds(@Nullable Long seconds) {
    return new DeleteOptions(
        propagationPolicy, seconds, preconditionUid, preconditionResourceVersion);
  }

  public DeleteOptions withPreconditions(@Nullable String uid, @Nullable String resourceVersion) {
    return new DeleteOptions(propagationPolicy, gracePeriodSeconds, uid, resourceVersion);
  }

  /** Whether every field is left to the server, so no request body is needed. */
  public boolean isDefault() {
    return equals(DEFAULT);
  }
}
