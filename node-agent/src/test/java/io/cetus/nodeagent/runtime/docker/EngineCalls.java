package io.cetus.nodeagent.runtime.docker;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.dockerjava.api.DockerClient;

/**
 * Counts the requests a {@link DockerContainerRuntime} sends to the engine, by docker-java command
 * ({@code inspectContainerCmd}, {@code listContainersCmd}, ...): every command the runtime makes is
 * sent once, so a command is a round trip (a stream, such as the event stream, counts once). For
 * tests that pin how much engine work the agent does, not how long it takes.
 */
public final class EngineCalls {

  private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

  /** A runtime on the engine whose every request is counted here. */
  public DockerContainerRuntime runtime(DockerRuntimeProperties properties, Clock clock) {
    return new DockerContainerRuntime(properties, clock, this::counting);
  }

  /** Requests sent since the last {@link #reset}. */
  public int total() {
    return counts.values().stream().mapToInt(AtomicInteger::get).sum();
  }

  /** Requests of one command ({@code "listContainersCmd"}) since the last {@link #reset}. */
  public int of(String command) {
    AtomicInteger count = counts.get(command);
    return count == null ? 0 : count.get();
  }

  /** The counts by command, sorted by name, for assertion messages. */
  public Map<String, Integer> byCommand() {
    Map<String, Integer> snapshot = new TreeMap<>();
    counts.forEach((command, count) -> snapshot.put(command, count.get()));
    snapshot.values().removeIf(count -> count == 0);
    return snapshot;
  }

  public void reset() {
    counts.clear();
  }

  private DockerClient counting(DockerClient client) {
    return (DockerClient)
        Proxy.newProxyInstance(
            DockerClient.class.getClassLoader(),
            new Class<?>[] {DockerClient.class},
            (proxy, method, args) -> {
              if (method.getName().endsWith("Cmd")) {
                counts
                    .computeIfAbsent(method.getName(), name -> new AtomicInteger())
                    .incrementAndGet();
              }
              try {
                return method.invoke(client, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }
}
