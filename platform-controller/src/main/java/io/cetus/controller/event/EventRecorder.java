package io.cetus.controller.event;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cetus.api.core.Event;
import io.cetus.api.core.EventSource;
import io.cetus.api.core.ObjectReference;
import io.cetus.api.errors.ApiErrors;
import io.cetus.api.errors.ApiException;
import io.cetus.api.meta.ApiObject;
import io.cetus.api.meta.ObjectMeta;
import io.cetus.client.ObjectClient;

/**
 * Writes {@code core/v1} Events about objects, from one component (the {@code source.component}
 * {@code kubectl describe} shows in its "From" column). A repeat of the last event with the same
 * object, type, reason and message raises that event's {@code count} and {@code lastTimestamp}
 * instead of adding another, as Kubernetes' recorder does; if that event expired or changed
 * meanwhile, a new one starts at count 1.
 *
 * <p>Best effort: an event that cannot be written is logged and dropped, never failing the caller.
 * Events of cluster-scoped objects go to namespace {@code default}. Thread-safe.
 */
public final class EventRecorder {

  private static final Logger log = LoggerFactory.getLogger(EventRecorder.class);
  private static final int REMEMBERED = 4096;
  private static final String CLUSTER_EVENTS_NAMESPACE = "default";

  private final ObjectClient<Event> events;
  private final Clock clock;
  private final String component;
  private final @Nullable String host;
  private final Map<Key, Event> recent =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Event> eldest) {
          return size() > REMEMBERED;
        }
      };

  public EventRecorder(ObjectClient<Event> events, Clock clock, String component) {
    this(events, clock, component, null);
  }

  /**
   * @param host the node the component runs on ({@code source.host}), as node agents report it
   */
  public EventRecorder(
      ObjectClient<Event> events, Clock clock, String component, @Nullable String host) {
    this.events = events;
    this.clock = clock;
    this.component = component;
    this.host = host;
  }

  /** Records a {@code Normal} event about {@code about}. */
  public void normal(ApiObject about, String reason, String message) {
    record(about, null, Event.TYPE_NORMAL, reason, message);
  }

  /** Records a {@code Warning} event about {@code about}. */
  public void warning(ApiObject about, String reason, String message) {
    record(about, null, Event.TYPE_WARNING, reason, message);
  }

  /**
   * Records a {@code Normal} event about a part of {@code about}, named by {@code fieldPath} as
   * {@code involvedObject.fieldPath} ({@code spec.containers{web}}).
   */
  public void normal(ApiObject about, String fieldPath, String reason, String message) {
    record(about, fieldPath, Event.TYPE_NORMAL, reason, message);
  }

  /** Records a {@code Warning} event about the part {@code fieldPath} of {@code about}. */
  public void warning(ApiObject about, String fieldPath, String reason, String message) {
    record(about, fieldPath, Event.TYPE_WARNING, reason, message);
  }

  private void record(
      ApiObject about, @Nullable String fieldPath, String type, String reason, String message) {
    ObjectReference involved = withFieldPath(ObjectReference.of(about), fieldPath);
    Key key = new Key(involved, type, reason, message);
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    try {
      Event last;
      synchronized (recent) {
        last = recent.get(key);
      }
      Event written = last == null ? create(involved, key, now) : repeat(last, involved, key, now);
      synchronized (recent) {
        recent.put(key, written);
      }
    } catch (RuntimeException e) {
      log.warn(
          "Could not record event {} about {} {}/{}: {}",
          reason,
          involved.kind(),
          involved.namespace(),
          involved.name(),
          e.toString());
    }
  }

  private Event repeat(Event last, ObjectReference involved, Key key, Instant now) {
    try {
      return events.update(last.recurred(now));
    } catch (ApiException e) {
      if (ApiErrors.isNotFound(e) || ApiErrors.isConflict(e)) {
        return create(involved, key, now);
      }
      throw e;
    }
  }

  private Event create(ObjectReference involved, Key key, Instant now) {
    String namespace =
        involved.namespace() == null || involved.namespace().isEmpty()
            ? CLUSTER_EVENTS_NAMESPACE
            : involved.namespace();
    ObjectMeta metadata =
        new ObjectMeta(
            null,
            involved.name() + ".",
            namespace,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null);
    return events.create(
        new Event(
            null,
            null,
            metadata,
            involved,
            key.reason(),
            key.message(),
            new EventSource(component, host),
            now,
            now,
            1,
            key.type(),
            null,
            null,
            null,
            null,
            component,
            host));
  }

  private static ObjectReference withFieldPath(
      ObjectReference reference, @Nullable String fieldPath) {
    return fieldPath == null
        ? reference
        : new ObjectReference(
            reference.kind(),
            reference.namespace(),
            reference.name(),
            reference.uid(),
            reference.apiVersion(),
            reference.resourceVersion(),
            fieldPath);
  }

  private record Key(ObjectReference involved, String type, String reason, String message) {}
}
