package io.cetus.client.informer.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cetus.client.informer.ResourceEventHandler;

/**
 * Calls an informer's handlers on one dispatch thread, in the order notifications were queued. The
 * handler list is only touched on that thread, so a handler registered with a snapshot sees the
 * snapshot first and then exactly the changes queued after it.
 */
final class EventDistributor<T> {

  private static final Logger log = LoggerFactory.getLogger(EventDistributor.class);

  private final String name;
  private final ExecutorService dispatch;
  private final List<ResourceEventHandler<T>> handlers = new ArrayList<>();

  EventDistributor(String name) {
    this.name = name;
    this.dispatch =
        new ThreadPoolExecutor(
            1,
            1,
            0,
            TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(),
            runnable -> {
              Thread thread = new Thread(runnable, "informer-" + name);
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Adds {@code handler}, first telling it about every object of {@code snapshot}. */
  void register(ResourceEventHandler<T> handler, List<T> snapshot) {
    submit(
        () -> {
          handlers.add(handler);
          for (T object : snapshot) {
            call(handler, h -> h.onAdd(object, true));
          }
        });
  }

  void added(T object, boolean inInitialList) {
    submit(() -> each(h -> h.onAdd(object, inInitialList)));
  }

  void updated(T oldObject, T newObject) {
    submit(() -> each(h -> h.onUpdate(oldObject, newObject)));
  }

  void deleted(T lastKnown, boolean finalStateUnknown) {
    submit(() -> each(h -> h.onDelete(lastKnown, finalStateUnknown)));
  }

  /** Drops pending notifications and ends the dispatch thread. */
  void shutDown() {
    dispatch.shutdownNow();
  }

  private void submit(Runnable notification) {
    try {
      dispatch.execute(notification);
    } catch (RejectedExecutionException e) {
      log.debug("{}: informer stopped; dropping a notification", name);
    }
  }

  private void each(Consumer<ResourceEventHandler<T>> callback) {
    for (ResourceEventHandler<T> handler : handlers) {
      call(handler, callback);
    }
  }

  private void call(ResourceEventHandler<T> handler, Consumer<ResourceEventHandler<T>> callback) {
    try {
      callback.accept(handler);
    } catch (RuntimeException e) {
      // One faulty handler must not starve the others or kill the dispatch thread.
      log.error("{}: event handler {} failed", name, handler, e);
    }
  }
}
