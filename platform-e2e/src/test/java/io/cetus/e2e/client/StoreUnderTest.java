package io.cetus.e2e.client;

import java.util.UUID;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import io.cetus.api.core.Namespace;
import io.cetus.api.meta.ObjectMeta;
import io.cetus.client.http.ApiClient;
import io.cetus.testsupport.platform.ObjectStoreProcess;
import io.cetus.testsupport.redis.RedisServerProcess;

/**
 * A real Redis and a real object store, started once per test JVM and shared by the client tests
 * (each test works in a namespace of its own). The store keeps {@value #WATCH_HISTORY} of watch
 * history and compacts every 250 ms, so tests can see a revision expire within seconds.
 */
final class StoreUnderTest implements ParameterResolver {

  static final String WATCH_HISTORY = "3s";

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Running.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context
        .getRoot()
        .getStore(ExtensionContext.Namespace.GLOBAL)
        .computeIfAbsent(Running.class, key -> Running.start(), Running.class);
  }

  /** The running pair; closed by JUnit when the JVM's tests are done. */
  record Running(RedisServerProcess redis, ObjectStoreProcess store) implements AutoCloseable {

    static Running start() {
      RedisServerProcess redis = RedisServerProcess.start();
      try {
        return new Running(
            redis,
            ObjectStoreProcess.start(
                redis.uri(),
                "--platform.object-store.watch-history=" + WATCH_HISTORY,
                "--platform.object-store.compaction-interval=250ms"));
      } catch (RuntimeException e) {
        redis.close();
        throw e;
      }
    }

    ApiClient apiClient() {
      return ApiClient.create(store.baseUrl());
    }

    /** Creates a namespace with a fresh name and returns the name. */
    static String newNamespace(ApiClient api) {
      String name = "it-" + UUID.randomUUID().toString().substring(0, 8);
      api.forType(Namespace.class)
          .create(new Namespace(null, null, ObjectMeta.named(null, name), null, null));
      return name;
    }

    @Override
    public void close() {
      store.close();
      redis.close();
    }
  }
}
