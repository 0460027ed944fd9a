package io.cetus.objectstore.service;

import org.jspecify.annotations.Nullable;

/**
 * Kubernetes' {@code DeleteOptions}.
 *
 * @param propagationPolicy null for the default ({@link PropagationPolicy#BACKGROUND})
 * @param gracePeriodSeconds null for the object's own default (a pod's {@code
 *     terminationGracePeriodSeconds}); 0 deletes at once
 * @param preconditionUid the delete happens only if the object still has this uid
 * @param preconditionResourceVersion the delete happens only if the object still has this version
 */
public record DeleteOptions(
    @Nullable PropagationPolicy propagationPolicy,
    @Nullable Long gracePeriodSeconds,
    @Nullable String preconditionUid,
    @Nullable String preconditionResourceVersion,
    boolean dryRun) {

  public static final DeleteOptions DEFAULTS = new DeleteOptions(null, null, null, null, false);

  public static DeleteOptions background() {
    return new DeleteOptions(PropagationPolicy.BACKGROUND, null, null, null, false);
  }

  public DeleteOptions withPreconditionUid(@Nullable String uid) {
    return new DeleteOptions(
        propagationPolicy, gracePeriodSeconds, uid, preconditionResourceVersion, dryRun);
  }
}
