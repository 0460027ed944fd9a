package io.cetus.objectstore.openapi;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.cetus.api.core.Binding;
import io.cetus.api.errors.Status;
import io.cetus.api.meta.ListMeta;
import io.cetus.api.meta.Scale;
import io.cetus.api.resource.ApiTypes;
import io.cetus.api.resource.ResourceType;
import io.cetus.api.resource.ResourceTypes;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverterContextImpl;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.media.Schema;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The component schemas of the API, named by simple class name ({@code Pod}, {@code PodSpec},
 * {@code Status}), generated from the platform-api records with swagger-core and adjusted where the
 * records serialize in their own way: {@code IntOrString} is an integer or a string, {@code
 * Quantity} a string ({@code 500m}, {@code 1Gi}), free-form maps take any value. Each kind also
 * gets its list schema ({@code PodList}). No schema carries {@code
 * x-kubernetes-group-version-kind}: kubectl would then take these schemas for its patch
 * computations, which need merge-key metadata they do not have.
 */
final class SchemaCatalog {

  static final String STATUS = "Status";
  static final String DELETE_OPTIONS = "DeleteOptions";
  static final String EVICTION = "Eviction";
  static final String SCALE = "Scale";
  static final String BINDING = "Binding";
  static final String JSON_PATCH = "JsonPatchOperation";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String REF_PREFIX = "#/components/schemas/";

  private final Map<String, ObjectNode> schemas = new LinkedHashMap<>();

  SchemaCatalog() {
    // one context for every class, so shared types (ObjectMeta, PodSpec, ...) resolve once
    ModelConverterContextImpl context =
        new ModelConverterContextImpl(new ModelConverters(false).getConverters());
    for (ResourceType type : ResourceTypes.all()) {
      context.resolve(new AnnotatedType(ApiTypes.classOf(type)));
    }
    for (Class<?> type : List.of(Status.class, Scale.class, Binding.class, ListMeta.class)) {
      context.resolve(new AnnotatedType(type));
    }
    addGenerated(context.getDefinedModels());
    for (ResourceType type : ResourceTypes.all()) {
      schemas.get(type.kind()).put("description", type.kind() + " (" + type.apiVersion() + ")");
      schemas.put(listName(type), listSchema(type));
    }
    schemas.put(DELETE_OPTIONS, deleteOptions());
    schemas.put(EVICTION, eviction());
    schemas.put(JSON_PATCH, jsonPatchOperation());
    schemas.put(
        "IntOrString",
        object(
            """
            {"description":"An integer or a string, such as a port number or name, or an amount or a percentage.",
             "oneOf":[{"type":"integer","format":"int32"},{"type":"string"}]}
            """));
    schemas.put(
        "Quantity",
        object(
            """
            {"type":"string","description":"An amount of a resource: 500m CPU, 128Mi memory, 2 or 1.5.",
             "example":"500m"}
            """));
    schemas.values().forEach(SchemaCatalog::allowAnyMapValue);
  }

  static String ref(String name) {
    return REF_PREFIX + name;
  }

  static String listName(ResourceType type) {
    return type.kind() + "List";
  }

  /** Every schema, by name, in a stable order. */
  Map<String, ObjectNode> all() {
    return schemas;
  }

  /** The schemas named in {@code roots} and all they reference, by name. */
  ObjectNode closure(Set<String> roots) {
    Set<String> names = new LinkedHashSet<>();
    Deque<String> pending = new ArrayDeque<>(roots);
    while (!pending.isEmpty()) {
      String name = pending.pop();
      ObjectNode schema = schemas.get(name);
      if (schema != null && names.add(name)) {
        collectRefs(schema, pending);
      }
    }
    ObjectNode closure = NODES.objectNode();
    for (String name : schemas.keySet()) {
      if (names.contains(name)) {
        closure.set(name, schemas.get(name).deepCopy());
      }
    }
    return closure;
  }

  private void addGenerated(Map<String, Schema> generated) {
    String json;
    try {
      json = io.swagger.v3.core.util.Json.mapper().writeValueAsString(generated);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize the generated schemas", e);
    }
    JsonNode tree = io.cetus.api.json.Json.mapper().readTree(json);
    for (Map.Entry<String, JsonNode> entry : tree.properties()) {
      schemas.put(entry.getKey(), (ObjectNode) entry.getValue());
    }
  }

  private static ObjectNode listSchema(ResourceType type) {
    ObjectNode list = NODES.objectNode();
    list.put("type", "object");
    list.put("description", "A list of " + type.plural() + ".");
    list.putArray("required").add("items");
    ObjectNode properties = list.putObject("properties");
    properties.putObject("apiVersion").put("type", "string");
    properties.putObject("kind").put("type", "string");
    properties.putObject("metadata").put("$ref", ref("ListMeta"));
    ObjectNode items = properties.putObject("items");
    items.put("type", "array");
    items.putObject("items").put("$ref", ref(type.kind()));
    return list;
  }

  private static ObjectNode deleteOptions() {
    return object(
        """
        {"type":"object","description":"Options of a delete.",
         "properties":{
           "apiVersion":{"type":"string"},"kind":{"type":"string"},
           "gracePeriodSeconds":{"type":"integer","format":"int64",
             "description":"Seconds the object gets to shut down; 0 deletes at once."},
           "propagationPolicy":{"type":"string","enum":["Background","Foreground","Orphan"],
             "description":"What happens to the objects the deleted one owns."},
           "preconditions":{"type":"object","properties":{
             "uid":{"type":"string"},"resourceVersion":{"type":"string"}}},
           "dryRun":{"type":"array","items":{"type":"string"}}}}
        """);
  }

  private static ObjectNode eviction() {
    return object(
        """
        {"type":"object","description":"A request to evict a pod (policy/v1).",
         "properties":{
           "apiVersion":{"type":"string"},"kind":{"type":"string"},
           "metadata":{"$ref":"#/components/schemas/ObjectMeta"},
           "deleteOptions":{"$ref":"#/components/schemas/DeleteOptions"}}}
        """);
  }

  private static ObjectNode jsonPatchOperation() {
    return object(
        """
        {"type":"object","description":"One JSON Patch (RFC 6902) operation.",
         "required":["op","path"],
         "properties":{
           "op":{"type":"string","enum":["add","remove","replace","move","copy","test"]},
           "path":{"type":"string","description":"A JSON pointer, e.g. /metadata/labels/app."},
           "from":{"type":"string","description":"The source pointer of move and copy."},
           "value":{"description":"The value of add, replace and test."}}}
        """);
  }

  /** {@code Map<String, Object>} fields come out as maps of objects; they take any value. */
  private static void allowAnyMapValue(JsonNode node) {
    if (node instanceof ObjectNode object) {
      JsonNode additional = object.get("additionalProperties");
      if (additional != null
          && additional.size() == 1
          && "object".equals(additional.path("type").asString(""))) {
        object.put("additionalProperties", true);
      }
      for (Map.Entry<String, JsonNode> entry : object.properties()) {
        allowAnyMapValue(entry.getValue());
      }
    } else if (node instanceof ArrayNode array) {
      array.forEach(SchemaCatalog::allowAnyMapValue);
    }
  }

  private static void collectRefs(JsonNode node, Deque<String> into) {
    if (node instanceof ObjectNode object) {
      JsonNode ref = object.get("$ref");
      if (ref != null && ref.isString() && ref.asString().startsWith(REF_PREFIX)) {
        into.push(ref.asString().substring(REF_PREFIX.length()));
      }
      for (Map.Entry<String, JsonNode> entry : object.properties()) {
        collectRefs(entry.getValue(), into);
      }
    } else if (node instanceof ArrayNode array) {
      array.forEach(element -> collectRefs(element, into));
    }
  }

  static ObjectNode object(String json) {
    return (ObjectNode) io.cetus.api.json.Json.mapper().readTree(json);
  }

  /** Names of the schemas every document needs besides its kinds'. */
  static List<String> common() {
    return List.of(STATUS, DELETE_OPTIONS);
  }
}
