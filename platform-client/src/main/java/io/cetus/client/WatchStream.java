package io.cetus.client;

import java.util.Optional;

import io.cetus.api.errors.ApiException;
import io.cetus.api.watch.WatchEvent;

/**
 * An open watch: a blocking, single-consumer stream of {@link WatchEvent}s in revision order.
 *
 * <pre>
 *   open ──next()──► event ──next()──► ... ──► empty (ended) ──close()
 *                      │
 *                      └── ApiException (Expired/Gone: list again; others: watch again)
 * </pre>
 *
 * <p>{@link #next()} blocks until an event arrives, and returns empty once the stream has ended:
 * the server closed it (its timeout passed) or {@link #close()} was called. The caller then watches
 * again from the last revision it saw. {@code ERROR} events never come out of {@code next()}; they
 * are thrown as the {@link ApiException} their {@code Status} describes. {@link #close()} may be
 * called from any thread, and makes a blocked {@code next()} return empty.
 */
public interface WatchStream<T> extends AutoCloseable {

  /**
   * The next event, blocking until there is one; empty once the stream has ended.
   *
   * @throws ApiException the server sent an {@code ERROR} event (e.g. 410 {@code Expired}) or the
   *     connection failed
   */
  Optional<WatchEvent<T>> next();

  /** Ends the stream; idempotent. */
  @Override
  void close();
}
