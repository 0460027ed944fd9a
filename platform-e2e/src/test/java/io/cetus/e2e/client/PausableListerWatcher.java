package io.cetus.e2e.client;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.cetus.api.meta.ApiObject;
import io.cetus.client.ObjectList;
import io.cetus.client.WatchStream;
import io.cetus.client.informer.ListerWatcher;

/**
 * Passes lists and watches through, except that the test can cut the informer off: {@link #pause()}
 * ends the open watch and makes new ones wait until {@link #resume()}, as a network partition
 * would. Changes made meanwhile are missed and have to be recovered by the informer.
 */
final class PausableListerWatcher<T extends ApiObject> implements ListerWatcher<T> {

  private final ListerWatcher<T> delegate;
  private final AtomicReference<WatchStream<T>> open = new AtomicReference<>();
  private final AtomicInteger lists = new AtomicInteger();
  private final Object gate = new Object();
  private boolean paused;

  PausableListerWatcher(ListerWatcher<T> delegate) {
    this.delegate = delegate;
  }

  void pause() {
    WatchStream<T> watch;
    synchronized (gate) {
      paused = true;
      watch = open.get();
    }
    if (watch != null) {
      watch.close();
    }
  }

  void resume() {
    synchronized (gate) {
      paused = false;
      gate.notifyAll();
    }
  }

  int lists() {
    return lists.get();
  }

  @Override
  public ObjectList<T> list() {
    lists.incrementAndGet();
    return delegate.list();
  }

  @Override
  public WatchStream<T> watch(String resourceVersion) {
    while (true) {
      awaitResumed();
      WatchStream<T> watch = delegate.watch(resourceVersion);
      synchronized (gate) {
        if (!paused) {
          open.set(watch);
          return watch;
        }
      }
      watch.close(); // paused while it was being opened
    }
  }

  private void awaitResumed() {
    synchronized (gate) {
      while (paused) {
        try {
          gate.wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while paused", e);
        }
      }
    }
  }
}
