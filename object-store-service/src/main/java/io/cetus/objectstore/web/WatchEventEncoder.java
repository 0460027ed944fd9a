package io.cetus.objectstore.web;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.cetus.api.json.Json;
import io.cetus.api.resource.ResourceType;
import io.cetus.api.watch.WatchEvent;
import io.cetus.objectstore.service.Meta;
import io.cetus.objectstore.table.TableConverter;
import io.cetus.objectstore.table.TableConverter.IncludeObject;

import tools.jackson.databind.node.ObjectNode;

/**
 * Writes watch events as Kubernetes does: {@code {"type":...,"object":...}}. For a Table watch
 * every object event becomes a one-row Table, with the column definitions only on the first (as
 * kubectl prints headers once); ERROR events keep their Status. One encoder per watch.
 */
final class WatchEventEncoder {

  private final ResourceType type;
  private final @Nullable TableConverter tables;
  private final IncludeObject include;
  private boolean columnsSent;

  /**
   * @param tables the converter for a Table watch, or null for plain objects
   */
  WatchEventEncoder(ResourceType type, @Nullable TableConverter tables, IncludeObject include) {
    this.type = type;
    this.tables = tables;
    this.include = include;
  }

  byte[] encode(String eventType, ObjectNode object) {
    ObjectNode event = Json.mapper().createObjectNode();
    event.put("type", eventType);
    event.set("object", tables == null ? object : asTable(eventType, object, tables));
    return Json.mapper().writeValueAsBytes(event);
  }

  private ObjectNode asTable(String eventType, ObjectNode object, TableConverter tables) {
    if (eventType.equals(WatchEvent.ERROR)) {
      return object;
    }
    String version = Meta.resourceVersion(object);
    if (eventType.equals(WatchEvent.BOOKMARK)) {
      return tables.table(type, List.of(), version, null, include, false);
    }
    ObjectNode table = tables.table(type, List.of(object), version, null, include, !columnsSent);
    columnsSent = true;
    return table;
  }
}
