package io.cetus.testsupport.platform;

import java.util.List;
import java.util.Map;

/**
 * The object store as a child process: {@code java -jar object-store-service-*.jar} on a free port
 * of {@code 127.0.0.1}, against the Redis a test owns.
 *
 * <p>Contract: {@link #start} returns once {@code GET /version} answers 200, or fails with {@link
 * IllegalStateException} carrying the tail of the process's log (kept under {@code
 * target/object-store-service-logs/} of the module running the test) if it exits or does not answer
 * within 90 seconds. {@link #close()} stops the process and waits for it; a process a test forgets
 * is killed when the JVM exits. Extra arguments are Spring Boot command-line properties, e.g.
 * {@code --platform.object-store.watch-history=0s}.
 *
 * <pre>{@code
 * redis = RedisServerProcess.start();
 * store = ObjectStoreProcess.start(redis.uri());
 * ApiClient api = ApiClient.create(store.baseUrl());
 * }</pre>
 */
public final class ObjectStoreProcess implements AutoCloseable {

  private final ServiceJarProcess process;

  private ObjectStoreProcess(ServiceJarProcess process) {
    this.process = process;
  }

  /** Starts the store against the Redis at {@code redisUri} and waits until it answers. */
  public static ObjectStoreProcess start(String redisUri, String... properties) {
    ServiceJarProcess process =
        ServiceJarProcess.start(
            "object-store-service", Map.of("CETUS_REDIS_URL", redisUri), List.of(properties));
    try {
      process.awaitAnswer("/version", answer -> answer.statusCode() == 200, "answer /version");
      return new ObjectStoreProcess(process);
    } catch (RuntimeException e) {
      process.close();
      throw e;
    }
  }

  /** {@code http://127.0.0.1:<port>}. */
  public String baseUrl() {
    return process.baseUrl();
  }

  public int port() {
    return process.port();
  }

  /** The process's output so far. */
  public String output() {
    return process.output();
  }

  @Override
  public void close() {
    process.close();
  }
}
