package io.cetus.controller;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cetus.client.informer.SharedInformer;
import io.cetus.client.informer.SharedInformerFactory;

/**
 * Starts a process's controllers in the only safe order: informers first, then, once every cache
 * has synced, the controllers, so no reconciler ever reads a cache that is still filling. Stops
 * them in the reverse order.
 */
public final class ControllerManager implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ControllerManager.class);

  private final List<SharedInformerFactory> factories = new ArrayList<>();
  private final List<Controller> controllers = new ArrayList<>();
  private boolean started;

  /** Also starts and stops every informer of {@code factory}, watched or not. */
  public synchronized ControllerManager add(SharedInformerFactory factory) {
    factories.add(factory);
    return this;
  }

  public synchronized ControllerManager add(Controller controller) {
    controllers.add(controller);
    return this;
  }

  /**
   * Starts the informers, waits until all have synced, then starts the controllers.
   *
   * @throws IllegalStateException if an informer has not synced within {@code syncTimeout}; the
   *     informers keep running and the controllers stay stopped
   */
  public synchronized void start(Duration syncTimeout) throws InterruptedException {
    if (started) {
      return;
    }
    factories.forEach(SharedInformerFactory::start);
    Set<SharedInformer<?>> informers = informers();
    informers.forEach(SharedInformer::start);
    long deadline = System.nanoTime() + syncTimeout.toNanos();
    for (SharedInformer<?> informer : informers) {
      Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
      if (!informer.awaitSynced(left)) {
        throw new IllegalStateException(informer + " did not sync within " + syncTimeout);
      }
    }
    started = true;
    controllers.forEach(Controller::start);
    log.info(
        "Started {} controllers over {} synced informers", controllers.size(), informers.size());
  }

  /** Stops the controllers (letting running reconciles finish), then the informers. */
  public synchronized void stop() {
    controllers.forEach(Controller::stop);
    informers().forEach(SharedInformer::stop);
    factories.forEach(SharedInformerFactory::stop);
  }

  @Override
  public void close() {
    stop();
  }

  private Set<SharedInformer<?>> informers() {
    Set<SharedInformer<?>> informers = new LinkedHashSet<>();
    factories.forEach(factory -> informers.addAll(factory.informers()));
    controllers.forEach(controller -> informers.addAll(controller.informers()));
    return informers;
  }
}
