package io.cetus.api.core;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.cetus.api.internal.Copies;
import io.cetus.api.json.MicroTimeSerializer;
import io.cetus.api.meta.ApiObject;
import io.cetus.api.meta.ObjectMeta;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import tools.jackson.databind.annotation.JsonSerialize;

/**
 * A report about another object ({@code involvedObject}), as {@code kubectl describe} lists it.
 * Repeats of the same event raise {@code count} and {@code lastTimestamp}. {@code eventTime} is a
 * microsecond timestamp.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"apiVersion", "kind", "metadata", "spec", "status"})
public record Event(
    String apiVersion,
    String kind,
    ObjectMeta metadata,
    ObjectReference involvedObject,
    @Nullable String reason,
    @Nullable String message,
    EventSource source,
    @Nullable Instant firstTimestamp,
    @Nullable Instant lastTimestamp,
    @Nullable Integer count,
    @Nullable String type,
    @JsonSerialize(using = MicroTimeSerializer.class) @Nullable Instant eventTime,
    @Nullable EventSeries series,
    @Nullable String action,
    @Nullable ObjectReference related,
    @Nullable String reportingComponent,
    @Nullable String reportingInstance)
    implements ApiObject {

  public static final String API_VERSION = "v1";
  public static final String KIND = "Event";

  public static final String TYPE_NORMAL = "Normal";
  public static final String TYPE_WARNING = "Warning";

  public Event {
    apiVersion = Objects.requireNonNullElse(apiVersion, API_VERSION);
    kind = Objects.requireNonNullElse(kind, KIND);
    metadata = Copies.metadata(metadata);
    involvedObject = Objects.requireNonNullElse(involvedObject, ObjectReference.EMPTY);
    source = Objects.requireNonNullElse(source, EventSource.EMPTY);
  }

  public Event withMetadata(ObjectMeta newMetadata) {
    return new Event(
        apiVersion,
        kind,
        newMetadata,
        involvedObject,
        reason,
        message,
        source,
        firstTimestamp,
        lastTimestamp,
        count,
        type,
        eventTime,
        series,
        action,
        related,
        reportingComponent,
        reportingInstance);
  }

  /** A copy that counts one more occurrence, seen {@code at}, as repeated events are recorded. */
  public Event recurred(Instant at) {
    return new Event(
        apiVersion,
        kind,
        metadata,
        involvedObject,
        reason,
        message,
        source,
        firstTimestamp == null ? at : firstTimestamp,
        at,
        (count == null ? 1 : count) + 1,
        type,
        eventTime,
        series,
        action,
        related,
        reportingComponent,
        reportingInstance);
  }
}
