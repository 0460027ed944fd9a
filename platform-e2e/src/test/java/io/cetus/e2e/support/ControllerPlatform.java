package io.cetus.e2e.support;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.UUID;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import io.cetus.api.core.Namespace;
import io.cetus.api.meta.ObjectMeta;
import io.cetus.client.http.ApiClient;
import io.cetus.testsupport.platform.ControllerServiceProcess;
import io.cetus.testsupport.platform.ObjectStoreProcess;
import io.cetus.testsupport.redis.RedisServerProcess;

/**
 * A real Redis and object store as child processes, for the controller services one test class runs
 * against them. Registered on a static field, it starts both before the class's {@code @BeforeAll}
 * methods, with an {@link #api() ApiClient} and a namespace of its own; those methods then start
 * the controllers the class needs ({@link #startController}), after making what must exist before a
 * controller starts. Everything stops after the class's tests, controllers first.
 *
 * <pre>{@code
 * @RegisterExtension static final ControllerPlatform platform = new ControllerPlatform("rs");
 *
 * @BeforeAll
 * static void startController() {
 *   replication = platform.startController("replication-service", "--platform.leader-election.lease-duration=3s");
 * }
 * }</pre>
 */
public final class ControllerPlatform implements BeforeAllCallback, AfterAllCallback {

  private final String namespacePrefix;

  /** What runs, the last started first: closed in that order. */
  private final Deque<AutoCloseable> running = new ArrayDeque<>();

  private ObjectStoreProcess store;
  private RedisServerProcess redis;
  private ApiClient api;
  private String namespace;

  /**
   * @param namespacePrefix the start of the namespace's name, a random suffix making it unique
   */
  public ControllerPlatform(String namespacePrefix) {
    this.namespacePrefix = namespacePrefix;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    redis = started(RedisServerProcess.start());
    store = started(ObjectStoreProcess.start(redis.uri()));
    api = started(ApiClient.create(store.baseUrl()));
    namespace = namespacePrefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    api.forType(Namespace.class)
        .create(new Namespace(null, null, ObjectMeta.named(null, namespace), null, null));
  }

  /**
   * Starts {@code module}'s jar against this store and Redis, and waits until it leads.
   *
   * @param properties Spring Boot command-line properties
   */
  public ControllerServiceProcess startController(String module, String... properties) {
    return started(
        ControllerServiceProcess.start(module, store.baseUrl(), redis.uri(), properties));
  }

  /** A client of the store. */
  public ApiClient api() {
    return api;
  }

  /** {@code http://127.0.0.1:<port>} of the store, for requests {@link #api()} does not make. */
  public String storeUrl() {
    return store.baseUrl();
  }

  /** The namespace made for the test class. */
  public String namespace() {
    return namespace;
  }

  /** Stops everything, even when something fails to stop, and then reports the first failure. */
  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    Exception failure = null;
    while (!running.isEmpty()) {
      try {
        running.pop().close();
      } catch (Exception e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  private <T extends AutoCloseable> T started(T process) {
    running.push(process);
    return process;
  }
}
