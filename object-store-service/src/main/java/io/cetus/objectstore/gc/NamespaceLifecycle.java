package io.cetus.objectstore.gc;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import io.cetus.api.errors.ApiErrors;
import io.cetus.api.errors.ApiException;
import io.cetus.api.resource.ResourceType;
import io.cetus.api.resource.ResourceTypes;
import io.cetus.objectstore.service.ApiServerProperties;
import io.cetus.objectstore.service.DeleteOptions;
import io.cetus.objectstore.service.Meta;
import io.cetus.objectstore.service.NamespacePhases;
import io.cetus.objectstore.service.ObjectService;
import io.cetus.objectstore.service.PropagationPolicy;
import io.cetus.objectstore.store.ObjectStore;
import io.cetus.objectstore.store.StoredEvent;
import io.cetus.objectstore.store.WatchListener;
import io.cetus.objectstore.store.WatchSubscription;

import tools.jackson.databind.node.ObjectNode;

/**
 * What happens to a namespace after it is deleted, which turned it {@code Terminating}: every
 * object in it is deleted (pods with their grace period, so their node agents stop them), and once
 * none is left the {@code kubernetes} entry of {@code spec.finalizers} is removed, which removes
 * the namespace unless other finalizers hold it. Also creates the default namespaces at startup,
 * before the server takes requests.
 *
 * <p>Follows the namespaces' change stream and re-checks every terminating namespace each {@code
 * gc-sweep-interval}; all work runs on one background thread.
 */
@Component
public class NamespaceLifecycle implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(NamespaceLifecycle.class);

  /**
   * How soon a namespace still holding objects that wait (grace, finalizers) is looked at again.
   */
  private static final Duration RECHECK = Duration.ofSeconds(1);

  private final ObjectStore store;
  private final ObjectService objects;
  private final DefaultNamespaces defaults;
  private final ApiServerProperties properties;
  private final Set<String> scheduled = new HashSet<>();
  private @Nullable ScheduledExecutorService executor;
  private @Nullable WatchSubscription subscription;
  private volatile boolean running;

  NamespaceLifecycle(
      ObjectStore store,
      ObjectService objects,
      DefaultNamespaces defaults,
      ApiServerProperties properties) {
    this.store = store;
    this.objects = objects;
    this.defaults = defaults;
    this.properties = properties;
  }

  @Override
  public synchronized void start() {
    try {
      defaults.ensure();
    } catch (RuntimeException e) {
      log.warn("could not create the default namespaces yet; retrying in the background", e);
    }
    ScheduledExecutorService worker =
        Executors.newSingleThreadScheduledExecutor(
            task -> Thread.ofPlatform().daemon().name("cetus-namespaces").unstarted(task));
    executor = worker;
    running = true;
    long interval = properties.gcSweepInterval().toMillis();
    worker.scheduleWithFixedDelay(() -> safely(this::sweep), 0, interval, TimeUnit.MILLISECONDS);
  }

  /** Early, so that the default namespaces exist before the web server opens. */
  @Override
  public int getPhase() {
    return SmartLifecycle.DEFAULT_PHASE - 4096;
  }

  @Override
  public synchronized void stop() {
    running = false;
    ScheduledExecutorService worker = executor;
    if (worker != null) {
      worker.shutdownNow();
    }
    WatchSubscription current = subscription;
    if (current != null) {
      current.close();
    }
    // a stopped context may be started again (Spring pauses inactive test contexts)
    subscription = null;
    scheduled.clear();
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private void subscribe() {
    WatchSubscription previous = subscription;
    if (previous != null) {
      previous.close();
    }
    subscription = null;
    for (int attempt = 1; subscription == null; attempt++) {
      try {
        subscription =
            store.watch(ResourceTypes.NAMESPACES, null, store.currentRevision(), listener());
      } catch (ApiException e) {
        // the compactor passed the revision just read: read it again
        if (!ApiErrors.isGone(e) || attempt == 3) {
          throw e;
        }
      }
    }
  }

  private WatchListener listener() {
    return new WatchListener() {
      @Override
      public void onEvent(StoredEvent event) {
        if (event.type() != StoredEvent.Type.DELETED && Meta.isDeleting(event.object())) {
          String name = Meta.name(event.object());
          if (name != null) {
            submit(() -> drain(name));
          }
        }
      }

      @Override
      public void onClose(Throwable cause) {
        submit(
            () -> {
              subscribe();
              sweep();
            });
      }
    };
  }

  /** Re-checks every terminating namespace; also (re)subscribes and creates missing defaults. */
  private void sweep() {
    if (subscription == null) {
      subscribe();
    }
    defaults.ensure();
    for (ObjectNode namespace : store.list(ResourceTypes.NAMESPACES, null, null, 0).items()) {
      String name = Meta.name(namespace);
      if (name != null && Meta.isDeleting(namespace)) {
        drain(name);
      }
    }
  }

  /** Deletes what is left in a terminating namespace; removes the namespace once it is empty. */
  private void drain(String name) {
    ObjectNode namespace = store.get(ResourceTypes.NAMESPACES, null, name).orElse(null);
    if (namespace == null || !Meta.isDeleting(namespace)) {
      return;
    }
    for (ResourceType type : ResourceTypes.all()) {
      if (!type.namespaced()) {
        continue;
      }
      for (ObjectNode object : store.list(type, name, null, 0).items()) {
        String objectName = Meta.name(object);
        if (objectName == null) {
          continue;
        }
        boolean leftover =
            Meta.isDeleting(object)
                && Meta.finalizers(object).isEmpty()
                && isZero(Meta.deletionGracePeriodSeconds(object));
        if (!Meta.isDeleting(object) || leftover) {
          ignoreGone(
              () ->
                  objects.delete(
                      type,
                      name,
                      objectName,
                      new DeleteOptions(
                          PropagationPolicy.BACKGROUND,
                          leftover ? 0L : null,
                          Meta.uid(object),
                          null,
                          false)));
        }
      }
    }
    if (isEmpty(name)) {
      ignoreGone(
          () ->
              objects.updateInternally(
                  ResourceTypes.NAMESPACES,
                  null,
                  name,
                  current -> {
                    NamespacePhases.removeKubernetesFinalizer(current);
                    return current;
                  }));
    } else {
      recheck(name);
    }
  }

  private boolean isEmpty(String namespace) {
    for (ResourceType type : ResourceTypes.all()) {
      if (type.namespaced() && !store.list(type, namespace, null, 1).items().isEmpty()) {
        return false;
      }
    }
    return true;
  }

  private void recheck(String name) {
    ScheduledExecutorService worker = executor;
    if (worker == null || !scheduled.add(name)) {
      return;
    }
    try {
      worker.schedule(
          () ->
              safely(
                  () -> {
                    scheduled.remove(name);
                    drain(name);
                  }),
          RECHECK.toMillis(),
          TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      scheduled.remove(name);
    }
  }

  private static boolean isZero(@Nullable Long grace) {
    return grace == null || grace == 0;
  }

  private static void ignoreGone(Runnable write) {
    try {
      write.run();
    } catch (ApiException e) {
      if (!ApiErrors.isNotFound(e) && !ApiErrors.isConflict(e)) {
        throw e;
      }
    }
  }

  private void submit(Runnable task) {
    ScheduledExecutorService worker = executor;
    if (running && worker != null) {
      try {
        worker.execute(() -> safely(task));
      } catch (RejectedExecutionException e) {
        // stopping: the work is moot
      }
    }
  }

  private static void safely(Runnable task) {
    try {
      task.run();
    } catch (RuntimeException e) {
      log.warn("namespace lifecycle step failed; the next sweep retries", e);
    }
  }
}
