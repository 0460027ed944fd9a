package io.cetus.testsupport.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A controller service ({@code scheduler-service}, {@code replication-service}, ...) as a child
 * process: {@code java -jar} of a copy of the jar its module built, on a free port of {@code
 * 127.0.0.1}, against the object store and Redis a test owns ({@code --platform.api-url}, {@code
 * --platform.redis-url}).
 *
 * <p>Contract: {@link #start} returns once {@code /actuator/health} answers 200 with this replica
 * leading (its informers synced and controllers running), or fails with {@link
 * IllegalStateException} carrying the tail of the process's log (kept under {@code
 * target/<module>-logs/} of the module running the test) if it exits or is not healthy within 90
 * seconds. {@link #close()} stops the process and waits for it; a process a test forgets is killed
 * when the JVM exits. Extra arguments are Spring Boot command-line properties.
 *
 * <pre>{@code
 * var replication = ControllerServiceProcess.start(
 *     "replication-service", store.baseUrl(), redis.uri(), "--platform.leader-election.lease-duration=3s");
 * }</pre>
 */
public final class ControllerServiceProcess implements AutoCloseable {

  private final ServiceJarProcess process;

  private ControllerServiceProcess(ServiceJarProcess process) {
    this.process = process;
  }

  /**
   * Starts {@code module}'s jar against the object store and Redis given, and waits until it leads.
   */
  public static ControllerServiceProcess start(
      String module, String apiUrl, String redisUri, String... properties) {
    List<String> arguments = new ArrayList<>();
    arguments.add("--platform.api-url=" + apiUrl);
    arguments.add("--platform.redis-url=" + redisUri);
    arguments.addAll(List.of(properties));
    ServiceJarProcess process = ServiceJarProcess.start(module, Map.of(), arguments);
    try {
      process.awaitAnswer(
          "/actuator/health",
          answer -> answer.statusCode() == 200 && answer.body().contains("\"role\":\"leader\""),
          "become a healthy leader");
      return new ControllerServiceProcess(process);
    } catch (RuntimeException e) {
      process.close();
      throw e;
    }
  }

  /** {@code http://127.0.0.1:<port>}: its actuator endpoints. */
  public String baseUrl() {
    return process.baseUrl();
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
