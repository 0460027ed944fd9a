package io.cetus.controller.reconcile;

import org.jspecify.annotations.Nullable;

import io.cetus.api.meta.ApiObject;

/**
 * Names one object to reconcile. Deliberately carries neither the event nor the object: the
 * reconciler reads the current state from the cache, so many events for one object collapse into
 * one request while it waits in the queue.
 *
 * @param namespace {@code null} for cluster-scoped objects
 */
public record Request(@Nullable String namespace, String name) {

  public static Request of(ApiObject object) {
    return new Request(object.metadata().namespace(), String.valueOf(object.metadata().name()));
  }

  @Override
  public String toString() {
    return namespace == null ? name : namespace + "/" + name;
  }
}
