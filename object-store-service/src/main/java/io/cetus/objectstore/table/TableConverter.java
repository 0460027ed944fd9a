package io.cetus.objectstore.table;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import io.cetus.api.errors.ApiException;
import io.cetus.api.resource.ResourceType;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders objects as a {@code meta.k8s.io/v1 Table}, the form kubectl asks for with {@code Accept:
 * application/json;as=Table;v=v1;g=meta.k8s.io} and prints column by column.
 *
 * <p>Columns per kind are Kubernetes' own (pods: Name, Ready, Status, Restarts, Age, and with
 * {@code -o wide} IP, Node, Nominated Node, Readiness Gates; deployments, replicasets, services,
 * nodes, namespaces, configmaps, secrets, endpoints, events, jobs, cronjobs, daemonsets,
 * statefulsets, leases likewise); other kinds get Name and Age. Ages are computed against the
 * injected {@link Clock}. Each row carries the object as {@link IncludeObject} asks.
 *
 * <p>Stateless apart from the clock; thread-safe. Objects are never modified.
 */
@Component
public class TableConverter {

  /** What each row's {@code object} holds; from the {@code includeObject} query parameter. */
  public enum IncludeObject {
    /** No object. */
    NONE,
    /** A {@code PartialObjectMetadata} with the object's metadata (the default). */
    METADATA,
    /** The whole object (kubectl asks for it with {@code --sort-by}). */
    OBJECT;

    /**
     * {@code None}, {@code Metadata} or {@code Object}, in any case; null or empty is {@link
     * #METADATA}.
     *
     * @throws ApiException BadRequest for any other value
     */
    public static IncludeObject fromQueryParameter(@Nullable String value) {
      if (value == null || value.isEmpty()) {
        return METADATA;
      }
      for (IncludeObject include : values()) {
        if (include.name().equalsIgnoreCase(value)) {
          return include;
        }
      }
      throw ApiException.badRequest(
          "includeObject: unsupported value \""
              + value
              + "\": supported values: None, Metadata, Object");
    }
  }

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final Clock clock;

  public TableConverter(Clock clock) {
    this.clock = clock;
  }

  /** Uses the application's {@link Clock} bean, or the system clock in UTC when there is none. */
  @Autowired
  public TableConverter(ObjectProvider<Clock> clock) {
    this(clock.getIfAvailable(Clock::systemUTC));
  }

  /**
   * The Table of {@code objects}, one row each, in order.
   *
   * @param listResourceVersion the table's {@code metadata.resourceVersion} (a list's, or the one
   *     object's); omitted when null
   * @param continueToken the table's {@code metadata.continue}; omitted when null or empty
   * @param withColumnDefinitions false for watch events after the first, which kubectl prints
   *     without headers
   */
  public ObjectNode table(
      ResourceType type,
      List<ObjectNode> objects,
      @Nullable String listResourceVersion,
      @Nullable String continueToken,
      IncludeObject include,
      boolean withColumnDefinitions) {
    RowPrinter printer = Printers.forType(type);
    Instant now = clock.instant();
    ObjectNode table = NODES.objectNode();
    table.put("kind", "Table");
    table.put("apiVersion", "meta.k8s.io/v1");
    ObjectNode metadata = table.putObject("metadata");
    if (listResourceVersion != null) {
      metadata.put("resourceVersion", listResourceVersion);
    }
    if (continueToken != null && !continueToken.isEmpty()) {
      metadata.put("continue", continueToken);
    }
    if (withColumnDefinitions) {
      ArrayNode columns = table.putArray("columnDefinitions");
      for (TableColumn column : printer.columns()) {
        columns
            .addObject()
            .put("name", column.name())
            .put("type", column.type())
            .put("format", column.format())
            .put("description", column.description())
            .put("priority", column.priority());
      }
    }
    ArrayNode rows = table.putArray("rows");
    for (ObjectNode object : objects) {
      ObjectNode row = rows.addObject();
      ArrayNode cells = row.putArray("cells");
      for (Object cell : printer.cells(object, now)) {
        switch (cell) {
          case Integer number -> cells.add(number.intValue());
          case Long number -> cells.add(number.longValue());
          default -> cells.add(String.valueOf(cell));
        }
      }
      switch (include) {
        case NONE -> {}
        case METADATA -> row.set("object", partialMetadata(object));
        case OBJECT -> row.set("object", withTypeMeta(type, object));
      }
    }
    return table;
  }

  /**
   * Whether an {@code Accept} header asks for a Table: one of its media ranges has {@code as=Table}
   * and {@code g=meta.k8s.io}.
   */
  public static boolean wantsTable(@Nullable String acceptHeader) {
    if (acceptHeader == null) {
      return false;
    }
    for (String mediaRange : acceptHeader.split(",")) {
      Map<String, String> parameters = mediaParameters(mediaRange);
      if ("table".equals(parameters.get("as")) && "meta.k8s.io".equals(parameters.get("g"))) {
        return true;
      }
    }
    return false;
  }

  private static ObjectNode partialMetadata(ObjectNode object) {
    ObjectNode partial = NODES.objectNode();
    partial.put("kind", "PartialObjectMetadata");
    partial.put("apiVersion", "meta.k8s.io/v1");
    ObjectNode metadata =
        object.get("metadata") instanceof ObjectNode m ? m.deepCopy() : NODES.objectNode();
    metadata.remove("managedFields");
    partial.set("metadata", metadata);
    return partial;
  }

  private static ObjectNode withTypeMeta(ResourceType type, ObjectNode object) {
    ObjectNode full = NODES.objectNode();
    full.put("kind", type.kind());
    full.put("apiVersion", type.apiVersion());
    full.setAll(object);
    return full.deepCopy();
  }

  /** The parameters of one media range, names and values lower-cased. */
  private static Map<String, String> mediaParameters(String mediaRange) {
    Map<String, String> parameters = new HashMap<>();
    String[] parts = mediaRange.split(";");
    for (int i = 1; i < parts.length; i++) {
      int equals = parts[i].indexOf('=');
      if (equals > 0) {
        parameters.put(
            parts[i].substring(0, equals).trim().toLowerCase(Locale.ROOT),
            parts[i].substring(equals + 1).trim().toLowerCase(Locale.ROOT));
      }
    }
    return parameters;
  }
}
