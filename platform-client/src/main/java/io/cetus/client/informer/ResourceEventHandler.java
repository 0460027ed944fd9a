package io.cetus.client.informer;

/**
 * Told about every change an informer's cache goes through. All callbacks of one informer run, in
 * order, on that informer's single dispatch thread: keep them cheap (enqueue a key and return) and
 * never block. An exception is logged and does not stop later callbacks. Objects are the cached
 * records: immutable and shared, never to be changed.
 */
public interface ResourceEventHandler<T> {

  /**
   * {@code object} appeared in the cache.
   *
   * @param inInitialList the object was part of the list the informer started with (or the cache
   *     when the handler was added to a running informer), rather than a later change
   */
  default void onAdd(T object, boolean inInitialList) {}

  /**
   * {@code oldObject} was replaced by {@code newObject}. On a periodic resync both are the same
   * cached object: nothing changed, but the handler gets a chance to reconcile again.
   */
  default void onUpdate(T oldObject, T newObject) {}

  /**
   * The object left the cache.
   *
   * @param lastKnown the object as it was deleted, or as last seen when {@code finalStateUnknown}
   * @param finalStateUnknown the deletion was not watched but inferred from a re-list: the object
   *     may have changed between {@code lastKnown} and its deletion
   */
  default void onDelete(T lastKnown, boolean finalStateUnknown) {}
}
