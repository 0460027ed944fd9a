package io.cetus.objectstore.table;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;

/**
 * Event rows: {@code 30s Normal Scheduled pod/web Successfully assigned ...}. Times fall back from
 * {@code lastTimestamp} to {@code firstTimestamp} to {@code eventTime}; a series supplies the last
 * time and count.
 */
final class EventPrinter implements RowPrinter {

  private static final List<TableColumn> COLUMNS =
      List.of(
          TableColumn.string("Last Seen", "How long ago the event last happened."),
          TableColumn.string("Type", "Normal or Warning."),
          TableColumn.string("Reason", "Why the event happened, in UpperCamelCase."),
          TableColumn.string("Object", "The object the event is about, as kind/name."),
          TableColumn.wide("Subobject", "The part of the object, such as a container."),
          TableColumn.wide("Source", "The component that reported the event."),
          TableColumn.string("Message", "What happened."),
          TableColumn.wide("First Seen", "How long ago the event first happened."),
          new TableColumn("Count", "integer", "", "How many times the event happened.", 1),
          new TableColumn("Name", "string", "name", "Name of the event object.", 1));

  @Override
  public List<TableColumn> columns() {
    return COLUMNS;
  }

  @Override
  public List<Object> cells(JsonNode event, Instant now) {
    Instant first = Formats.time(event, "/firstTimestamp");
    if (first == null) {
      first = Formats.time(event, "/eventTime");
    }
    Instant last = Formats.time(event, "/lastTimestamp");
    if (last == null) {
      last = first;
    }
    long count = Formats.number(event, "/count");
    if (event.path("series").isObject()) {
      last = Formats.time(event, "/series/lastObservedTime");
      count = Formats.number(event, "/series/count");
    } else if (count == 0) {
      count = 1;
    }
    String kind = Formats.text(event, "/involvedObject/kind").toLowerCase(Locale.ROOT);
    String name = Formats.text(event, "/involvedObject/name");
    return List.of(
        seen(last, now),
        Formats.text(event, "/type"),
        Formats.text(event, "/reason"),
        name.isEmpty() ? kind : kind + "/" + name,
        Formats.text(event, "/involvedObject/fieldPath"),
        source(event),
        Formats.text(event, "/message"),
        seen(first, now),
        count,
        Formats.name(event));
  }

  private static String seen(@Nullable Instant time, Instant now) {
    return Formats.since(time, now);
  }

  private static String source(JsonNode event) {
    String component = Formats.text(event, "/source/component");
    if (component.isEmpty()) {
      component = Formats.text(event, "/reportingComponent");
    }
    String host = Formats.text(event, "/source/host");
    if (host.isEmpty()) {
      host = Formats.text(event, "/reportingInstance");
    }
    return host.isEmpty() ? component : component + ", " + host;
  }
}
