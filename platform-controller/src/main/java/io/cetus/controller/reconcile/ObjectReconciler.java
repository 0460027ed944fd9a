package io.cetus.controller.reconcile;

import java.util.Optional;

import io.cetus.api.meta.ApiObject;
import io.cetus.client.informer.Lister;

/**
 * For reconcilers that want the cached object rather than its key. A request whose object is no
 * longer cached is done: deletion is handled by owner references and finalizers, not here.
 */
@FunctionalInterface
public interface ObjectReconciler<T extends ApiObject> {

  Result reconcile(T object) throws Exception;

  /** The {@link Reconciler} that looks the object up in {@code lister} first. */
  static <T extends ApiObject> Reconciler of(Lister<T> lister, ObjectReconciler<T> reconciler) {
    return request -> {
      Optional<T> object = lister.get(request.namespace(), request.name());
      return object.isPresent() ? reconciler.reconcile(object.get()) : Result.DONE;
    };
  }
}
