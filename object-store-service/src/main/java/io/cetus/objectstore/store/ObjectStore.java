package io.cetus.objectstore.store;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

import io.cetus.api.resource.ResourceType;

import tools.jackson.databind.node.ObjectNode;

/**
 * Durable, versioned storage of API objects as JSON, with ordered change streams: the etcd of
 * Cetus. It knows nothing of Kubernetes semantics (defaults, validation, generation, uid): the
 * caller hands it whole objects. It owns exactly one field, {@code metadata.resourceVersion}: every
 * write takes the next value of one global revision counter, and the stored object and its change
 * event both carry it.
 *
 * <p>Objects are addressed by type, namespace ({@code null} for cluster-scoped types) and {@code
 * metadata.name}. Implementations are thread-safe; every write is atomic (the object, its index
 * entry and its change event are written together or not at all).
 *
 * <p>Errors are {@link io.cetus.api.errors.ApiException}s: NotFound, AlreadyExists, Conflict (stale
 * resourceVersion), Expired (a watch from before the compacted revision).
 */
public interface ObjectStore {

  /**
   * Stores a new object. Its {@code metadata.resourceVersion} is ignored and set to the revision of
   * this write.
   *
   * @return the object as stored
   * @throws io.cetus.api.errors.ApiException AlreadyExists when the name is taken
   */
  ObjectNode create(ResourceType type, ObjectNode object);

  /**
   * Replaces an existing object.
   *
   * @param expectedResourceVersion when not null, the write happens only if the stored object still
   *     has this resourceVersion (compare-and-set); otherwise it fails with Conflict
   * @throws io.cetus.api.errors.ApiException NotFound, Conflict
   */
  ObjectNode update(ResourceType type, ObjectNode object, @Nullable String expectedResourceVersion);

  /**
   * Removes an object.
   *
   * @param expectedResourceVersion when not null, a precondition as for {@link #update}
   * @return the object as it was, with the resourceVersion of the deletion (what a DELETED watch
   *     event carries)
   * @throws io.cetus.api.errors.ApiException NotFound, Conflict
   */
  ObjectNode delete(
      ResourceType type,
      @Nullable String namespace,
      String name,
      @Nullable String expectedResourceVersion);

  Optional<ObjectNode> get(ResourceType type, @Nullable String namespace, String name);

  /**
   * Lists objects of one type, in one namespace or in all ({@code namespace == null}), ordered by
   * namespace then name, read consistently at one revision.
   *
   * @param continueAfter the {@link StoreList#continueAfter()} of the previous page, or null
   * @param limit the most items to return; 0 for all
   */
  StoreList list(
      ResourceType type, @Nullable String namespace, @Nullable String continueAfter, int limit);

  /**
   * Streams every change of {@code type} (in {@code namespace}, or all when null) with a revision
   * greater than {@code afterRevision}, in revision order, first those already stored and then live
   * ones, without gaps or repeats. Events arrive on a thread of the store's; the listener must not
   * block for long.
   *
   * @throws io.cetus.api.errors.ApiException Expired (410) when {@code afterRevision} is below
   *     {@link #compactedRevision()}
   */
  WatchSubscription watch(
      ResourceType type, @Nullable String namespace, long afterRevision, WatchListener listener);

  /** The revision of the latest write, of any type. */
  long currentRevision();

  /** Changes at or below this revision may be gone from the streams. */
  long compactedRevision();

  /**
   * Drops change history below {@code revision} from every stream and raises {@link
   * #compactedRevision()} to it; objects themselves are untouched.
   */
  void compact(long revision);
}
