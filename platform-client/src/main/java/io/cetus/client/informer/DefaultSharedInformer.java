package io.cetus.client.informer;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

import io.cetus.api.meta.ApiObject;
import io.cetus.client.informer.internal.NotifyingStore;
import io.cetus.client.informer.internal.Reflector;

/**
 * The {@link SharedInformer}: a reflector thread that lists and watches, a cache with a namespace
 * index, one dispatch thread for handlers and, if configured, a resync timer. Usually obtained from
 * a {@link SharedInformerFactory}; construct one directly for a narrowed source, e.g. a node
 * agent's pods with {@code spec.nodeName=<node>}.
 */
public final class DefaultSharedInformer<T extends ApiObject> implements SharedInformer<T> {

  private final String name;
  private final InformerOptions options;
  private final NotifyingStore<T> store;
  private final Reflector<T> reflector;
  private @Nullable ScheduledExecutorService resyncTimer;
  private boolean started;
  private boolean stopped;

  /**
   * @param name names the informer's threads and log lines, e.g. {@code pods}
   */
  public DefaultSharedInformer(String name, ListerWatcher<T> source, InformerOptions options) {
    this.name = name;
    this.options = options;
    this.store = new NotifyingStore<>(name);
    this.reflector =
        new Reflector<>(name, source, store, options.initialBackoff(), options.maxBackoff());
  }

  @Override
  public void addEventHandler(ResourceEventHandler<T> handler) {
    store.addHandler(handler);
  }

  @Override
  public Lister<T> lister() {
    return store.lister();
  }

  @Override
  public synchronized void start() {
    if (started || stopped) {
      return;
    }
    started = true;
    reflector.start();
    Duration period = options.resyncPeriod();
    if (!period.isZero()) {
      ScheduledExecutorService timer =
          Executors.newSingleThreadScheduledExecutor(
              runnable -> {
                Thread thread = new Thread(runnable, "informer-" + name + "-resync");
                thread.setDaemon(true);
                return thread;
              });
      timer.scheduleAtFixedRate(
          this::resyncIfSynced, period.toNanos(), period.toNanos(), TimeUnit.NANOSECONDS);
      resyncTimer = timer;
    }
  }

  @Override
  public void stop() {
    synchronized (this) {
      if (stopped) {
        return;
      }
      stopped = true;
      if (resyncTimer != null) {
        resyncTimer.shutdownNow();
      }
    }
    reflector.stop();
    store.shutDown();
  }

  @Override
  public boolean hasSynced() {
    return store.hasSynced();
  }

  @Override
  public boolean awaitSynced(Duration timeout) throws InterruptedException {
    return store.awaitSynced(timeout);
  }

  @Override
  public @Nullable String lastSyncResourceVersion() {
    return reflector.lastResourceVersion();
  }

  private void resyncIfSynced() {
    if (store.hasSynced()) {
      store.resync();
    }
  }

  @Override
  public String toString() {
    return "SharedInformer[" + name + "]";
  }
}
