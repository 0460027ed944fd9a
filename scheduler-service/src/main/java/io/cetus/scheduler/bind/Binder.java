package io.cetus.scheduler.bind;

import io.cetus.api.core.Pod;

/** Assigns a pod to a node. Thread-safe. */
public interface Binder {

  /**
   * Binds {@code pod} (that exact pod: a pod recreated under the same name is not bound) to {@code
   * node}.
   *
   * @throws io.cetus.api.errors.ApiException {@code Conflict} if the pod is bound already, being
   *     deleted or was replaced; {@code NotFound} if it is gone; anything else is worth retrying
   */
  void bind(Pod pod, String node);
}
