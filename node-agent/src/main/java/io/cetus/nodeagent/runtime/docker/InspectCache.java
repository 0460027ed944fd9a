package io.cetus.nodeagent.runtime.docker;

import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

import org.jspecify.annotations.Nullable;

import com.github.dockerjava.api.command.InspectContainerResponse;

/**
 * The engine's last inspect answer for each container, kept only while the engine's event stream
 * vouches for it, so that listing a pod's containers costs one list rather than one inspect per
 * container (and per namespace owner) every time.
 *
 * <p>The rules that keep an answer from going stale:
 *
 * <ul>
 *   <li>An answer is kept only while the event stream is open, and only for the stream it was read
 *       under ({@link #epoch}: a new number each time the stream opens, negative while it is closed
 *       or being reopened, when events may be lost).
 *   <li>An event that can change a container ({@code die}, {@code oom}, {@code destroy}, a {@code
 *       start} of a container kept as not running) drops its answer, and so does every change the
 *       runtime makes itself (stop, removal). Answers of containers not started yet are not kept.
 *   <li>An answer is stored only if nothing changed the container since the request for it was sent
 *       ({@link #token} before the request, {@link #put} after), so an answer overtaken by an event
 *       is never kept.
 * </ul>
 *
 * Readers that list containers also compare the listed state with the kept one ({@link #get(String,
 * String)}), which catches what no event reports. Thread-safe.
 */
final class InspectCache {

  /** Past this many remembered changes, they are forgotten and older tokens refused. */
  private static final int MAX_CHANGES = 10_000;

  /** Past this many answers, those of earlier streams are dropped. */
  private static final int MAX_ENTRIES = 10_000;

  /** Docker's state of a container not started yet: about to change, so never kept. */
  private static final String CREATED = "created";

  /** When a request was sent: the stream it was sent under and the last change then. */
  record Token(long epoch, long sequence) {}

  private record Entry(InspectContainerResponse response, long epoch) {}

  private final LongSupplier epoch;
  private final Map<String, Entry> entries = new HashMap<>();

  /** Container id → the sequence number of its last change. */
  private final Map<String, Long> changes = new HashMap<>();

  private long sequence;

  /** Tokens older than this are refused: the changes after them were forgotten. */
  private long floor;

  /**
   * @param epoch the event stream's current epoch, negative while it is not open
   */
  InspectCache(LongSupplier epoch) {
    this.epoch = epoch;
  }

  /** Take before sending an inspect request; hand to {@link #put} with its answer. */
  synchronized Token token() {
    return new Token(epoch.getAsLong(), sequence);
  }

  /**
   * Keeps an answer, unless the stream was not open, the container changed since {@code token}, or
   * it has not been started yet.
   */
  synchronized void put(Token token, InspectContainerResponse response) {
    String id = response.getId();
    if (id == null
        || token.epoch() < 0
        || token.epoch() != epoch.getAsLong()
        || response.getState() == null
        || CREATED.equals(response.getState().getStatus())) {
      return;
    }
    Long changed = changes.get(id);
    if (token.sequence() < floor || changed != null && changed > token.sequence()) {
      return;
    }
    if (entries.size() >= MAX_ENTRIES) {
      entries.values().removeIf(entry -> entry.epoch() != token.epoch());
    }
    entries.put(id, new Entry(response, token.epoch()));
  }

  /** The kept answer for a container (by its full id), if it still holds. */
  synchronized @Nullable InspectContainerResponse get(String id) {
    Entry entry = entries.get(id);
    if (entry == null) {
      return null;
    }
    long current = epoch.getAsLong();
    if (current < 0 || entry.epoch() != current) {
      entries.remove(id);
      return null;
    }
    return entry.response();
  }

  /**
   * The kept answer, if it still holds and shows the container in {@code listedState} (the {@code
   * State} a container list gave for it just now).
   */
  synchronized @Nullable InspectContainerResponse get(String id, @Nullable String listedState) {
    InspectContainerResponse response = get(id);
    if (response == null) {
      return null;
    }
    String kept = response.getState() == null ? null : response.getState().getStatus();
    if (listedState == null || !listedState.equals(kept)) {
      entries.remove(id);
      return null;
    }
    return response;
  }

  /**
   * An engine event about a container. A {@code start} drops only an answer that shows the
   * container not running: one that shows it running is that start's own or older than a {@code
   * die} that came first, and a {@code start} overtaking an inspect request cannot leave a stale
   * answer, since answers of containers not started yet are never kept. Anything else drops the
   * kept answer.
   */
  synchronized void event(String id, String action) {
    if ("start".equals(action)) {
      Entry entry = entries.get(id);
      if (entry == null || running(entry.response())) {
        return;
      }
    }
    changed(id);
  }

  /** The container may have changed (the runtime stopped or removed it, or an event said so). */
  synchronized void changed(String id) {
    if (changes.size() >= MAX_CHANGES) {
      changes.clear();
      floor = sequence + 1;
    }
    changes.put(id, ++sequence);
    entries.remove(id);
  }

  /** Forgets every answer: something changed a container known by a name or short id only. */
  synchronized void clear() {
    changes.clear();
    entries.clear();
    floor = ++sequence;
  }

  private static boolean running(InspectContainerResponse response) {
    return response.getState() != null && Boolean.TRUE.equals(response.getState().getRunning());
  }
}
