package io.cetus.nodeagent.runtime.docker;

import java.io.Closeable;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;

import com.github.dockerjava.api.async.ResultCallback;

/**
 * A docker-java stream callback that reports through futures and logs nothing itself (docker-java's
 * own template logs every error at ERROR level, including the expected ones). Subclasses handle
 * items in {@link #onNext}.
 */
abstract class StreamCallback<T> implements ResultCallback<T> {

  private final CompletableFuture<Void> opened = new CompletableFuture<>();
  private final CompletableFuture<Void> done = new CompletableFuture<>();
  private volatile @Nullable Closeable stream;
  private volatile boolean closed;

  /** Completes once the engine has answered and the stream is open. */
  CompletableFuture<Void> opened() {
    return opened;
  }

  /** Completes when the stream ends; exceptionally if it broke rather than ended. */
  CompletableFuture<Void> done() {
    return done;
  }

  /** Whether {@link #close()} was called, so the end was asked for. */
  boolean closedByUs() {
    return closed;
  }

  @Override
  public void onStart(Closeable stream) {
    this.stream = stream;
    if (closed) {
      closeQuietly(stream);
    }
    opened.complete(null);
  }

  @Override
  public void onError(Throwable error) {
    opened.completeExceptionally(error);
    done.completeExceptionally(error);
  }

  @Override
  public void onComplete() {
    opened.complete(null);
    done.complete(null);
  }

  @Override
  public void close() {
    closed = true;
    Closeable current = stream;
    if (current != null) {
      closeQuietly(current);
    }
    done.complete(null);
  }

  private static void closeQuietly(Closeable closeable) {
    try {
      closeable.close();
    } catch (IOException | RuntimeException e) {
      // The stream is being abandoned; there is nothing to do about a failed close.
    }
  }
}
