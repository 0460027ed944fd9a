package io.cetus.nodeagent.runtime.docker;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cetus.nodeagent.runtime.RuntimeUnavailableException;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.EventType;

/**
 * Follows the engine's container events that matter to the runtime: {@code die} (a container
 * exited), {@code oom} (the kernel OOM-killed a process in it), {@code destroy} and {@code start}.
 * One stream serves every container, however many are awaited. If the stream breaks, it is reopened
 * from the last event seen, with back-off, and the listener is told so it can re-check what it
 * waits for. {@link #epoch} tells whether the stream is open, and which opening it is, for what is
 * kept only while every event is seen ({@link InspectCache}).
 */
final class DockerEvents implements AutoCloseable {

  /** Called on the event stream's thread; must not block. */
  interface Listener {
    /** Any of the events, before the more specific call and before any waiter is told. */
    void changed(String containerId, String action);

    void died(String containerId, @Nullable Integer exitCode, Instant at);

    void destroyed(String containerId);

    /** The stream was reopened after a break: events in between may be lost. */
    void resubscribed();
  }

  private static final Logger log = LoggerFactory.getLogger(DockerEvents.class);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
  private static final Duration OOM_MEMORY = Duration.ofHours(1);

  private enum State {
    IDLE,
    OPEN,
    REOPENING,
    CLOSED
  }

  private final DockerClient client;
  private final Clock clock;
  private final Duration openTimeout;
  private final Listener listener;
  private final Map<String, Instant> oomSeen = new ConcurrentHashMap<>();
  private final Map<String, CompletableFuture<Void>> oomSignals = new ConcurrentHashMap<>();
  private final Object lock = new Object();
  private State state = State.IDLE;
  private @Nullable EventCallback current;
  private @Nullable String resumeFrom;
  private Duration backoff = Duration.ofSeconds(1);
  private long openings;

  /** The number of the current opening while the stream is open; -1 otherwise. */
  private volatile long epoch = -1;

  DockerEvents(DockerClient client, Clock clock, Duration openTimeout, Listener listener) {
    this.client = client;
    this.clock = clock;
    this.openTimeout = openTimeout;
    this.listener = listener;
  }

  /**
   * Opens the stream if it is not open or being reopened. Returns once the engine streams, so any
   * exit after this call is seen.
   *
   * @throws RuntimeUnavailableException if the engine does not answer
   */
  void ensureOpen() {
    synchronized (lock) {
      if (state != State.IDLE) {
        return;
      }
      open();
      state = State.OPEN;
    }
  }

  /**
   * A new number each time the stream opens, while it is open; negative while it is not (never
   * opened, broken and being reopened, or closed), when events may go unseen.
   */
  long epoch() {
    return epoch;
  }

  /** Whether an {@code oom} event was seen for this container. */
  boolean oomSeen(String containerId) {
    return oomSeen.containsKey(containerId);
  }

  /**
   * Completes with true as soon as an {@code oom} event for the container is seen (at once if one
   * was), with false if none comes within {@code grace}.
   */
  CompletableFuture<Boolean> awaitOom(String containerId, Duration grace) {
    CompletableFuture<Void> signal =
        oomSignals.computeIfAbsent(containerId, id -> new CompletableFuture<>());
    if (oomSeen(containerId)) {
      signal.complete(null);
    }
    return signal
        .thenApply(ignored -> true)
        .completeOnTimeout(false, grace.toMillis(), TimeUnit.MILLISECONDS)
        .whenComplete((seen, error) -> oomSignals.remove(containerId, signal));
  }

  @Override
  public void close() {
    EventCallback callback;
    synchronized (lock) {
      state = State.CLOSED;
      epoch = -1;
      callback = current;
      current = null;
    }
    if (callback != null) {
      callback.close();
    }
  }

  /** Opens a stream from {@link #resumeFrom}; called with the lock held. */
  private void open() {
    EventCallback callback = new EventCallback();
    var command =
        client
            .eventsCmd()
            .withEventTypeFilter(EventType.CONTAINER)
            .withEventFilter("die", "oom", "destroy", "start");
    if (resumeFrom != null) {
      command.withSince(resumeFrom);
    }
    command.exec(callback);
    try {
      callback.opened().get(openTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      callback.close();
      throw new RuntimeUnavailableException("interrupted while opening Docker's event stream", e);
    } catch (ExecutionException | TimeoutException e) {
      callback.close();
      Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
      throw new RuntimeUnavailableException(
          "cannot open Docker's event stream: " + DockerErrors.message(cause),
          DockerErrors.ioCause(cause));
    }
    if (resumeFrom == null) {
      resumeFrom = sinceValue(clock.instant().minusSeconds(1));
    }
    current = callback;
    epoch = ++openings;
    callback.done().whenComplete((ignored, error) -> ended(callback, error));
  }

  private void ended(EventCallback callback, @Nullable Throwable error) {
    synchronized (lock) {
      if (state == State.CLOSED || callback != current || callback.closedByUs()) {
        return;
      }
      state = State.REOPENING;
      epoch = -1;
      current = null;
      log.warn(
          "Docker event stream ended ({}); reopening in {}",
          error == null ? "closed by the engine" : DockerErrors.message(error),
          backoff);
    }
    scheduleReopen();
  }

  private void scheduleReopen() {
    Duration delay;
    synchronized (lock) {
      delay = backoff;
      backoff =
          backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0
              ? MAX_BACKOFF
              : backoff.multipliedBy(2);
    }
    CompletableFuture.runAsync(
        this::reopen, CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS));
  }

  private void reopen() {
    synchronized (lock) {
      if (state != State.REOPENING) {
        return;
      }
      try {
        open();
      } catch (RuntimeUnavailableException e) {
        log.debug("Reopening Docker's event stream failed", e);
        scheduleReopen();
        return;
      }
      state = State.OPEN;
      backoff = Duration.ofSeconds(1);
    }
    log.info("Docker event stream reopened");
    listener.resubscribed();
  }

  private void handle(Event event) {
    String action = event.getAction() != null ? event.getAction() : event.getStatus();
    String id =
        event.getId() != null
            ? event.getId()
            : event.getActor() != null ? event.getActor().getId() : null;
    if (action == null || id == null) {
      return;
    }
    Instant at = eventTime(event);
    synchronized (lock) {
      resumeFrom = sinceValue(at);
    }
    listener.changed(id, action);
    switch (action) {
      case "oom" -> {
        Instant now = clock.instant();
        oomSeen.values().removeIf(seen -> seen.isBefore(now.minus(OOM_MEMORY)));
        oomSeen.put(id, now);
        CompletableFuture<Void> signal = oomSignals.get(id);
        if (signal != null) {
          signal.complete(null);
        }
      }
      case "die" -> listener.died(id, exitCode(event), at);
      case "destroy" -> listener.destroyed(id);
      default -> {}
    }
  }

  private Instant eventTime(Event event) {
    if (event.getTimeNano() != null) {
      long nanos = event.getTimeNano();
      return Instant.ofEpochSecond(nanos / 1_000_000_000L, nanos % 1_000_000_000L);
    }
    if (event.getTime() != null) {
      return Instant.ofEpochSecond(event.getTime());
    }
    return clock.instant();
  }

  private static @Nullable Integer exitCode(Event event) {
    if (event.getActor() == null || event.getActor().getAttributes() == null) {
      return null;
    }
    String code = event.getActor().getAttributes().get("exitCode");
    try {
      return code == null ? null : Integer.valueOf(code);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** The engine's {@code since} format: seconds with a nanosecond fraction. */
  private static String sinceValue(Instant at) {
    return at.getEpochSecond() + "." + String.format("%09d", at.getNano());
  }

  private final class EventCallback extends StreamCallback<Event> {
    @Override
    public void onNext(Event event) {
      try {
        handle(event);
      } catch (RuntimeException e) {
        log.warn("Handling Docker event {} failed", event, e);
      }
    }
  }
}
