package io.cetus.nodeagent.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.jspecify.annotations.Nullable;

/**
 * An {@link InputStream} that a producer feeds chunk by chunk from another thread, as a runtime
 * does with streamed container output. For runtime implementations; callers only read and close.
 *
 * <ul>
 *   <li>The producer {@link #push pushes} chunks, then calls {@link #finish()} for end-of-stream or
 *       {@link #fail} to make the reader see an {@link IOException}.
 *   <li>With a bounded capacity, {@code push} blocks while the reader is that many chunks behind,
 *       so a slow reader slows the producer rather than filling memory.
 *   <li>{@link #close()} by the reader, or reaching the byte limit, discards what is queued, makes
 *       further pushes return false and runs the {@code onClose} action once, so the producer can
 *       stop its source.
 * </ul>
 */
public final class QueueInputStream extends InputStream {

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final ArrayDeque<byte[]> chunks = new ArrayDeque<>();
  private final int capacity;
  private final long limitBytes;
  private final Runnable onClose;
  private byte @Nullable [] current;
  private int position;
  private long delivered;
  private boolean finished;
  private boolean closed;
  private @Nullable IOException failure;
  private final AtomicBoolean stopped = new AtomicBoolean();

  /**
   * @param capacity chunks queued before {@code push} blocks; {@link Integer#MAX_VALUE} for none
   * @param limitBytes bytes delivered before the stream ends by itself; 0 or less for no limit
   * @param onClose run once when the reader no longer wants data
   */
  public QueueInputStream(int capacity, long limitBytes, Runnable onClose) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive");
    }
    this.capacity = capacity;
    this.limitBytes = limitBytes;
    this.onClose = Objects.requireNonNull(onClose, "onClose");
  }

  /**
   * Queues a chunk for the reader.
   *
   * @return false if the reader has closed the stream or the stream has ended (the chunk is
   *     dropped): stop producing
   * @throws InterruptedIOException if interrupted while waiting for room
   */
  public boolean push(byte[] chunk) throws InterruptedIOException {
    if (chunk.length == 0) {
      return !isClosed();
    }
    lock.lock();
    try {
      while (!closed && !finished && chunks.size() >= capacity) {
        changed.await();
      }
      if (closed || finished) {
        return false;
      }
      chunks.addLast(chunk);
      changed.signalAll();
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while queueing output");
    } finally {
      lock.unlock();
    }
  }

  /** Ends the stream once the reader has drained what is queued. */
  public void finish() {
    lock.lock();
    try {
      finished = true;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Ends the stream with an error the reader sees after draining what is queued. */
  public void fail(IOException error) {
    lock.lock();
    try {
      if (!finished) {
        failure = error;
        finished = true;
      }
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  public boolean isClosed() {
    lock.lock();
    try {
      return closed;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    Objects.checkFromIndexSize(offset, length, buffer.length);
    if (length == 0) {
      return 0;
    }
    boolean limitReached;
    int n;
    lock.lock();
    try {
      while (true) {
        if (closed) {
          throw new IOException("stream closed");
        }
        if (current != null && position < current.length) {
          break;
        }
        byte[] next = chunks.pollFirst();
        if (next != null) {
          current = next;
          position = 0;
          changed.signalAll();
          continue;
        }
        if (finished) {
          if (failure != null) {
            throw failure;
          }
          return -1;
        }
        if (limitBytes > 0 && delivered >= limitBytes) {
          return -1;
        }
        changed.await();
      }
      byte[] chunk = Objects.requireNonNull(current);
      n = Math.min(length, chunk.length - position);
      if (limitBytes > 0) {
        n = (int) Math.min(n, limitBytes - delivered);
      }
      if (n <= 0) {
        return -1;
      }
      System.arraycopy(chunk, position, buffer, offset, n);
      position += n;
      delivered += n;
      limitReached = limitBytes > 0 && delivered >= limitBytes;
      if (limitReached) {
        finished = true;
        chunks.clear();
        current = null;
        changed.signalAll();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for output");
    } finally {
      lock.unlock();
    }
    if (limitReached) {
      stop();
    }
    return n;
  }

  @Override
  public int available() {
    lock.lock();
    try {
      int queued = current == null ? 0 : current.length - position;
      for (byte[] chunk : chunks) {
        queued += chunk.length;
      }
      return queued;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void close() {
    boolean first;
    lock.lock();
    try {
      first = !closed;
      closed = true;
      chunks.clear();
      current = null;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
    if (first) {
      stop();
    }
  }

  private void stop() {
    if (stopped.compareAndSet(false, true)) {
      onClose.run();
    }
  }
}
