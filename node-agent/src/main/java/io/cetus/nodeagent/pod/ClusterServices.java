package io.cetus.nodeagent.pod;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.context.SmartLifecycle;

import io.cetus.api.core.Service;
import io.cetus.api.selector.Selector;
import io.cetus.client.ObjectClientFactory;
import io.cetus.client.informer.ClientListerWatcher;
import io.cetus.client.informer.DefaultSharedInformer;
import io.cetus.client.informer.InformerOptions;
import io.cetus.client.informer.Lister;
import io.cetus.client.informer.SharedInformer;

/**
 * The cluster's Services as a node agent knows them, for the service environment variables ({@link
 * ServiceEnvVars}): an informer of every Service in every namespace (a list and an HTTP watch
 * through the API, as the agent's pods), one per process however many nodes it runs (hollow nodes
 * share it). It starts with the application and runs on its own: the {@code pods} controller does
 * not wait for it, only the creation of a container does ({@link #awaitSynced}), as the kubelet
 * refuses to build a container's environment before it has read the services once.
 */
public final class ClusterServices implements SmartLifecycle {

  private static final Lister<Service> NO_SERVICES =
      new Lister<>() {
        @Override
        public Optional<Service> get(@Nullable String namespace, String name) {
          return Optional.empty();
        }

        @Override
        public List<Service> list(@Nullable String namespace) {
          return List.of();
        }

        @Override
        public List<Service> list(@Nullable String namespace, Selector selector) {
          return List.of();
        }

        @Override
        public List<Service> list() {
          return List.of();
        }
      };

  private final Lister<Service> lister;
  private final @Nullable SharedInformer<Service> informer;
  private volatile boolean running;

  private ClusterServices(Lister<Service> lister, @Nullable SharedInformer<Service> informer) {
    this.lister = lister;
    this.informer = informer;
  }

  /** An informer of every Service through {@code clients}; {@link #start()} starts it. */
  public static ClusterServices watching(ObjectClientFactory clients) {
    SharedInformer<Service> informer =
        new DefaultSharedInformer<>(
            "services",
            ClientListerWatcher.of(clients.forType(Service.class)),
            InformerOptions.DEFAULTS);
    return new ClusterServices(informer.lister(), informer);
  }

  /** The Services {@code lister} reads, always in sync (tests). */
  public static ClusterServices of(Lister<Service> lister) {
    return new ClusterServices(lister, null);
  }

  /** No Services at all: no service environment variables (tests). */
  public static ClusterServices none() {
    return of(NO_SERVICES);
  }

  /** The cache; complete once {@link #awaitSynced} said so. */
  public Lister<Service> lister() {
    return lister;
  }

  /** Whether the Services have been read once; waits up to {@code timeout} for it. */
  public boolean awaitSynced(Duration timeout) throws InterruptedException {
    return informer == null || informer.hasSynced() || informer.awaitSynced(timeout);
  }

  @Override
  public void start() {
    if (informer != null) {
      informer.start();
    }
    running = true;
  }

  @Override
  public void stop() {
    if (informer != null) {
      informer.stop();
    }
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
