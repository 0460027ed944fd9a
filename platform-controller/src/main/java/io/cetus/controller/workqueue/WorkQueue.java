package io.cetus.controller.workqueue;

import java.time.Duration;
import java.util.Optional;

/**
 * A work queue with the semantics controllers rely on:
 *
 * <ul>
 *   <li><b>Fair</b>: items are handed out in the order they were added.
 *   <li><b>Stingy</b>: an item added several times before it is taken is taken once.
 *   <li><b>Exclusive</b>: an item taken and not yet {@link #done} is never handed to a second
 *       worker; if it is added meanwhile, it is queued again when {@code done} is called.
 *   <li><b>Multi-consumer</b>: any number of workers may {@link #take} concurrently.
 * </ul>
 *
 * <pre>
 *   add ──► queued ──take()──► processing ──done()──► gone
 *             ▲                   │  add() meanwhile: dirty
 *             └───── done() ──────┘
 *   addAfter / addRateLimited ──► waiting ──delay passed──► add
 *   shutDown(): adds ignored, waiting items dropped, take() drains queued items, then empty
 * </pre>
 *
 * Items must have value semantics ({@code equals}/{@code hashCode}); keys such as {@code Request}
 * records do.
 */
public interface WorkQueue<T> {

  /** Queues {@code item} unless it is already queued. */
  void add(T item);

  /** Queues {@code item} once {@code delay} has passed; an earlier pending delay wins. */
  void addAfter(T item, Duration delay);

  /** Queues {@code item} after its rate limiter's backoff, which grows with every call. */
  void addRateLimited(T item);

  /** Resets {@code item}'s backoff; call after it was processed successfully. */
  void forget(T item);

  /** How often {@code item} was rate-limited since it was last forgotten. */
  int numRequeues(T item);

  /**
   * The next item, blocking until there is one. Empty once the queue is shut down and drained.
   * Every item taken must be passed to {@link #done} exactly once.
   */
  Optional<T> take() throws InterruptedException;

  /** Marks {@code item} processed; queues it again if it was added while being processed. */
  void done(T item);

  /** The number of items ready to be taken (not counting waiting or processing ones). */
  int length();

  /** Stops accepting items; workers drain what is queued, then {@link #take} returns empty. */
  void shutDown();

  boolean isShuttingDown();
}
