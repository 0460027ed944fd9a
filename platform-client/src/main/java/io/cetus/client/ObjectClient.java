package io.cetus.client;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

import io.cetus.api.errors.ApiException;
import io.cetus.api.errors.Reason;
import io.cetus.api.meta.ApiObject;
import io.cetus.api.resource.ResourceType;
import io.cetus.api.selector.Selector;

/**
 * Reads and writes the objects of one kind through the API. Flat on purpose: one method per verb,
 * so a fake is a small class and a test never deep-stubs a fluent chain.
 *
 * <p>{@code namespace} is ignored for cluster-scoped kinds; for namespaced kinds {@code null} means
 * all namespaces on {@link #list} and {@link #watch}, and is an error on single-object calls. Every
 * failure the server reports surfaces as an {@link ApiException} carrying the server's {@code
 * Status} (test it with {@link io.cetus.api.errors.ApiErrors}); a server that cannot be reached
 * gives an {@code ApiException} with reason {@code ServiceUnavailable}. Implementations are
 * thread-safe.
 */
public interface ObjectClient<T extends ApiObject> {

  /** The kind this client reads and writes. */
  ResourceType resourceType();

  /** The object, or empty if it does not exist. */
  Optional<T> get(@Nullable String namespace, String name);

  /** One page of objects, with the revision it was read at (watch from it to miss nothing). */
  ObjectList<T> list(@Nullable String namespace, ListOptions options);

  /** Every object in {@code namespace} (all namespaces for {@code null}), in one page. */
  default ObjectList<T> list(@Nullable String namespace) {
    return list(namespace, ListOptions.ALL);
  }

  /** The objects in {@code namespace} whose labels match {@code selector}, in one page. */
  default ObjectList<T> list(@Nullable String namespace, Selector selector) {
    return list(namespace, ListOptions.ALL.withLabelSelector(selector.toString()));
  }

  /**
   * Creates the object; the answer carries the fields the server set (uid, resourceVersion, ...).
   *
   * @throws ApiException {@code AlreadyExists} if the name is taken, {@code Invalid} for a bad
   *     object
   */
  T create(T object);

  /**
   * Replaces the object.
   *
   * @throws ApiException {@code Conflict} if {@code metadata.resourceVersion} is not the current
   *     one, {@code NotFound} if the object does not exist
   */
  T update(T object);

  /**
   * Replaces the object's status through the {@code status} subresource; the server ignores changes
   * to anything else.
   *
   * @throws ApiException {@code Conflict} on a stale {@code metadata.resourceVersion}
   */
  T updateStatus(T object);

  /**
   * Patches the object with {@code body}, whose format {@code type} names.
   *
   * @throws ApiException {@code NotFound}, or {@code Conflict} if the patch carries a stale
   *     resourceVersion
   */
  T patch(@Nullable String namespace, String name, PatchType type, String body);

  /**
   * Posts {@code body} to a subresource that only takes creates, such as a pod's {@code binding}
   * ({@code POST .../pods/{name}/binding} with a {@code Binding}) or {@code eviction}. The server's
   * answer is a {@code Status}, so nothing is returned; the effect shows on the object.
   *
   * <p>The default implementation supports no subresource: clients that are not HTTP clients of a
   * real server override it for the subresources they model.
   *
   * @throws ApiException as the server reports it: for a binding, {@code NotFound} for a missing
   *     pod, {@code Conflict} when it is already bound or being deleted
   */
  default void createSubresource(
      @Nullable String namespace, String name, String subresource, ApiObject body) {
    throw new ApiException(
        Reason.METHOD_NOT_ALLOWED,
        "the "
            + subresource
            + " subresource of "
            + resourceType().qualifiedPlural()
            + " is not supported by "
            + getClass().getSimpleName());
  }

  /**
   * Deletes the object with the server's default propagation (background).
   *
   * @throws ApiException {@code NotFound} if the object does not exist
   */
  default void delete(@Nullable String namespace, String name) {
    delete(namespace, name, DeleteOptions.DEFAULT);
  }

  /**
   * Deletes the object. The call returns once the server accepted the deletion; an object with
   * finalizers or a grace period stays visible, with {@code deletionTimestamp} set, until they are
   * done.
   *
   * @throws ApiException {@code NotFound} if the object does not exist, {@code Conflict} if a
   *     precondition fails
   */
  void delete(@Nullable String namespace, String name, DeleteOptions options);

  /**
   * Opens a watch: every change after {@code options.resourceVersion()}, in revision order.
   *
   * @throws ApiException {@code Expired}/{@code Gone} (here or from {@link WatchStream#next()}) if
   *     that revision has been compacted away: list again and watch from the list's revision
   */
  WatchStream<T> watch(@Nullable String namespace, WatchOptions options);
}
