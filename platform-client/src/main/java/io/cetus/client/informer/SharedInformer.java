package io.cetus.client.informer;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import io.cetus.api.meta.ApiObject;

/**
 * A cache of one kind, kept up to date by list-then-watch, shared by every controller of a process
 * that needs that kind.
 *
 * <pre>
 *   new ──start()──► listing ──list ok──► synced: watching ◄─┐
 *                      ▲  │                 │  │            │ watch ended / failed:
 *                      │  └─ failed: back off┘  └────────────┘ re-watch from last revision
 *                      └──── watch Expired/Gone: list again, deliver the difference
 *   any ──stop()──► stopped (final)
 * </pre>
 *
 * <p>Guarantees: handlers see every object's changes in revision order, on one dispatch thread per
 * informer; after a re-list they see adds, updates and deletes (with {@code finalStateUnknown})
 * that turn their view into the new list. A handler added to a running informer first gets an
 * {@code onAdd(o, true)} for every cached object. Nothing is lost across watch reconnects.
 */
public interface SharedInformer<T extends ApiObject> extends AutoCloseable {

  /** Registers {@code handler}; may be called before or after {@link #start()}. */
  void addEventHandler(ResourceEventHandler<T> handler);

  /** Reads the cache; empty until {@link #hasSynced()}. */
  Lister<T> lister();

  /** Starts listing and watching in the background; idempotent. */
  void start();

  /** Stops watching and delivering events; final. */
  void stop();

  /** Whether the first list is in the cache: listers are complete from now on. */
  boolean hasSynced();

  /** Waits until {@link #hasSynced()}; {@code false} if {@code timeout} passed first. */
  boolean awaitSynced(Duration timeout) throws InterruptedException;

  /**
   * The revision of the last list or event applied to the cache; {@code null} before the first
   * list, never {@code null} once {@link #hasSynced()}.
   */
  @Nullable String lastSyncResourceVersion();

  @Override
  default void close() {
    stop();
  }
}
