package io.cetus.controller.workqueue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The {@link WorkQueue}: one lock guards the queue, the dirty and processing sets and the waiting
 * items. Delays are measured on the injected {@link Clock}; waiting items move to the queue when a
 * worker looks for work ({@link #take}, {@link #length}), and a worker blocked in {@code take}
 * sleeps exactly until the earliest one is due. With a test clock, advance it and call {@code
 * take}: due items are found without any real waiting.
 */
public final class DefaultWorkQueue<T> implements WorkQueue<T> {

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final ArrayDeque<T> queue = new ArrayDeque<>(); // every element dirty, none processing
  private final Set<T> dirty = new HashSet<>(); // needs processing
  private final Set<T> processing = new HashSet<>(); // taken, done() not yet called
  private final PriorityQueue<Waiting<T>> waiting =
      new PriorityQueue<>(
          Comparator.<Waiting<T>, Instant>comparing(Waiting::readyAt)
              .thenComparingLong(Waiting::sequence));
  private final Map<T, Waiting<T>> waitingByItem = new HashMap<>();
  private final Clock clock;
  private final RateLimiter<T> rateLimiter;
  private long sequence;
  private boolean shuttingDown;

  /** System clock; backoff from 5 ms up to 1000 s. */
  public DefaultWorkQueue() {
    this(Clock.systemUTC(), ExponentialFailureRateLimiter.withDefaults());
  }

  public DefaultWorkQueue(Clock clock, RateLimiter<T> rateLimiter) {
    this.clock = clock;
    this.rateLimiter = rateLimiter;
  }

  @Override
  public void add(T item) {
    lock.lock();
    try {
      addLocked(item);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void addAfter(T item, Duration delay) {
    if (delay.isNegative() || delay.isZero()) {
      add(item);
      return;
    }
    lock.lock();
    try {
      if (shuttingDown) {
        return;
      }
      Instant readyAt = clock.instant().plus(delay);
      Waiting<T> existing = waitingByItem.get(item);
      if (existing != null) {
        if (!existing.readyAt().isAfter(readyAt)) {
          return;
        }
        waiting.remove(existing);
      }
      var entry = new Waiting<>(item, readyAt, sequence++);
      waiting.add(entry);
      waitingByItem.put(item, entry);
      changed.signalAll(); // a sleeping worker may need to wake earlier
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void addRateLimited(T item) {
    addAfter(item, rateLimiter.when(item));
  }

  @Override
  public void forget(T item) {
    rateLimiter.forget(item);
  }

  @Override
  public int numRequeues(T item) {
    return rateLimiter.numRequeues(item);
  }

  @Override
  public Optional<T> take() throws InterruptedException {
    lock.lock();
    try {
      while (true) {
        promoteDue();
        T item = queue.poll();
        if (item != null) {
          processing.add(item);
          dirty.remove(item);
          return Optional.of(item);
        }
        if (shuttingDown) {
          return Optional.empty();
        }
        Waiting<T> next = waiting.peek();
        if (next == null) {
          changed.await();
        } else {
          long nanos = Duration.between(clock.instant(), next.readyAt()).toNanos();
          if (nanos > 0) {
            changed.awaitNanos(nanos);
          }
        }
      }
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void done(T item) {
    lock.lock();
    try {
      processing.remove(item);
      if (dirty.contains(item)) {
        queue.addLast(item);
        changed.signal();
      }
    } finally {
      lock.unlock();
    }
  }

  @Override
  public int length() {
    lock.lock();
    try {
      promoteDue();
      return queue.size();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void shutDown() {
    lock.lock();
    try {
      shuttingDown = true;
      waiting.clear();
      waitingByItem.clear();
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public boolean isShuttingDown() {
    lock.lock();
    try {
      return shuttingDown;
    } finally {
      lock.unlock();
    }
  }

  private void addLocked(T item) {
    if (shuttingDown || !dirty.add(item)) {
      return; // already pending
    }
    if (!processing.contains(item)) {
      queue.addLast(item);
      changed.signal();
    } // else: done() queues it again
  }

  private void promoteDue() {
    Instant now = clock.instant();
    Waiting<T> next;
    while ((next = waiting.peek()) != null && !next.readyAt().isAfter(now)) {
      waiting.poll();
      waitingByItem.remove(next.item());
      addLocked(next.item());
    }
  }

  private record Waiting<T>(T item, Instant readyAt, long sequence) {}
}
