package io.cetus.testsupport.client;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;
import java.util.function.Predicate;

import io.cetus.api.resource.ResourceType;
import io.cetus.api.watch.WatchEvent;
import io.cetus.client.WatchStream;

import tools.jackson.databind.node.ObjectNode;

/**
 * One open watch of a {@link FakeApiClient}: the store offers every change of its kind, the watch
 * keeps those that match its namespace and selectors and hands them out decoded, in order.
 */
final class FakeWatch<T> implements WatchStream<T> {

  private static final Object END = new Object();

  private final ResourceType type;
  private final Predicate<ObjectNode> filter;
  private final Function<ObjectNode, T> decode;
  private final List<FakeWatch<?>> registry;
  private final LinkedBlockingQueue<Object> events = new LinkedBlockingQueue<>();
  private volatile boolean closed;

  FakeWatch(
      ResourceType type,
      Predicate<ObjectNode> filter,
      Function<ObjectNode, T> decode,
      List<FakeWatch<?>> registry) {
    this.type = type;
    this.filter = filter;
    this.decode = decode;
    this.registry = registry;
  }

  ResourceType type() {
    return type;
  }

  void offer(String eventType, ObjectNode object) {
    if (filter.test(object)) {
      events.add(new WatchEvent<>(eventType, object));
    }
  }

  /** Ends the stream after the events already offered, as a server-side timeout does. */
  void end() {
    events.add(END);
  }

  @Override
  @SuppressWarnings("unchecked")
  public Optional<WatchEvent<T>> next() {
    if (closed) {
      return Optional.empty();
    }
    try {
      Object next = events.take();
      if (next == END) {
        close();
        return Optional.empty();
      }
      var event = (WatchEvent<ObjectNode>) next;
      return Optional.of(new WatchEvent<>(event.type(), decode.apply(event.object())));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  @Override
  public void close() {
    closed = true;
    events.add(END);
    registry.remove(this);
  }
}
