package io.cetus.client.informer;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.cetus.api.meta.ApiObject;
import io.cetus.api.watch.WatchEvent;
import io.cetus.client.ObjectList;
import io.cetus.client.WatchStream;

import static org.awaitility.Awaitility.await;

/**
 * A lister-watcher whose answers the test scripts: the list to return next (or a failure), and what
 * each opened watch delivers, event by event. For tests that need exact control over what a
 * reflector sees and when.
 */
final class ScriptedListerWatcher<T extends ApiObject> implements ListerWatcher<T> {

  private volatile ObjectList<T> nextList = new ObjectList<>(List.of(), "0", null);
  private final ArrayDeque<RuntimeException> listFailures = new ArrayDeque<>();
  private final List<String> listedAt = new CopyOnWriteArrayList<>();
  private final List<ScriptedWatch<T>> watches = new CopyOnWriteArrayList<>();

  /** What every following list returns. */
  void willList(String resourceVersion, List<T> items) {
    nextList = new ObjectList<>(items, resourceVersion, null);
  }

  /** The next list fails with {@code failure}. */
  synchronized void failNextList(RuntimeException failure) {
    listFailures.add(failure);
  }

  @Override
  public ObjectList<T> list() {
    synchronized (this) {
      RuntimeException failure = listFailures.poll();
      if (failure != null) {
        listedAt.add("failed");
        throw failure;
      }
    }
    ObjectList<T> list = nextList;
    listedAt.add(list.resourceVersion());
    return list;
  }

  @Override
  public WatchStream<T> watch(String resourceVersion) {
    var watch = new ScriptedWatch<T>(resourceVersion);
    watches.add(watch);
    return watch;
  }

  /** How many lists were answered (including failed ones). */
  int lists() {
    return listedAt.size();
  }

  /** The revisions watches were opened from, in order. */
  List<String> watchedFrom() {
    return watches.stream().map(ScriptedWatch::from).toList();
  }

  /** Waits for the {@code n}th watch (1-based) to be opened. */
  ScriptedWatch<T> awaitWatch(int n) {
    await().atMost(5, TimeUnit.SECONDS).until(() -> watches.size() >= n);
    return watches.get(n - 1);
  }

  /** One watch; events and failures are delivered in the order the test gives them. */
  static final class ScriptedWatch<T> implements WatchStream<T> {

    private static final Object END = new Object();

    private final String from;
    private final LinkedBlockingQueue<Object> script = new LinkedBlockingQueue<>();
    private volatile boolean closed;

    ScriptedWatch(String from) {
      this.from = from;
    }

    String from() {
      return from;
    }

    boolean isClosed() {
      return closed;
    }

    ScriptedWatch<T> emit(String type, T object) {
      script.add(new WatchEvent<>(type, object));
      return this;
    }

    /** The stream fails with {@code failure}, as an ERROR event or a broken connection does. */
    void fail(RuntimeException failure) {
      script.add(failure);
    }

    /** The server ends the stream, as when its timeout passes. */
    void end() {
      script.add(END);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Optional<WatchEvent<T>> next() {
      try {
        Object step = script.take();
        if (step == END || closed) {
          return Optional.empty();
        }
        if (step instanceof RuntimeException failure) {
          throw failure;
        }
        return Optional.of((WatchEvent<T>) step);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.empty();
      }
    }

    @Override
    public void close() {
      closed = true;
      script.add(END);
    }
  }
}
