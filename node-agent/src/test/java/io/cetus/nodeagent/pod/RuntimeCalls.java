package io.cetus.nodeagent.pod;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.cetus.nodeagent.runtime.ContainerRuntime;

/** Counts the calls made to a {@link ContainerRuntime}, by method name. */
final class RuntimeCalls {

  private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

  /** {@code runtime}, with every call counted here. */
  ContainerRuntime wrap(ContainerRuntime runtime) {
    return (ContainerRuntime)
        Proxy.newProxyInstance(
            ContainerRuntime.class.getClassLoader(),
            new Class<?>[] {ContainerRuntime.class},
            (proxy, method, args) -> {
              counts
                  .computeIfAbsent(method.getName(), name -> new AtomicInteger())
                  .incrementAndGet();
              try {
                return method.invoke(runtime, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  int of(String method) {
    AtomicInteger count = counts.get(method);
    return count == null ? 0 : count.get();
  }

  /** The calls by method, sorted by name. */
  Map<String, Integer> byMethod() {
    Map<String, Integer> snapshot = new TreeMap<>();
    counts.forEach((method, count) -> snapshot.put(method, count.get()));
    return snapshot;
  }

  void reset() {
    counts.clear();
  }
}
