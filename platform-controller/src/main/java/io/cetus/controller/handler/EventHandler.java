package io.cetus.controller.handler;

import io.cetus.api.meta.ApiObject;
import io.cetus.client.informer.ResourceEventHandler;
import io.cetus.controller.reconcile.Request;
import io.cetus.controller.workqueue.WorkQueue;

/**
 * Decides which requests an informer's events put on a controller's queue. {@link EventHandlers}
 * has the usual ones; the handler it binds runs on the informer's dispatch thread, so it must only
 * compute keys and enqueue them.
 */
@FunctionalInterface
public interface EventHandler<T extends ApiObject> {

  /** The informer callbacks that enqueue into {@code queue}. */
  ResourceEventHandler<T> enqueuingInto(WorkQueue<Request> queue);
}
