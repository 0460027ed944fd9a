package io.cetus.objectstore.openapi;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import io.cetus.api.json.Json;
import io.cetus.api.resource.ResourceType;
import io.cetus.api.resource.ResourceTypes;
import io.cetus.objectstore.discovery.DiscoveryDocuments;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The OpenAPI v3 documents of the API, built once at construction (they never change while the
 * server runs).
 *
 * <ul>
 *   <li>{@link #index()}: {@code /openapi/v3}, naming each group version's document with a {@code
 *       hash} of its content, so clients may cache it for good.
 *   <li>{@link #groupVersion(String)}: {@code /openapi/v3/api/v1}, {@code
 *       /openapi/v3/apis/apps/v1}, ...: every path of the group version's kinds. Each PATCH
 *       declares {@code fieldValidation}, so kubectl trusts the server to validate and {@code
 *       apply}/{@code create -f} work without {@code --validate=false}; no PATCH has a request body
 *       and no component schema names a GVK, so kubectl's client-side apply builds strategic merge
 *       patches from its own compiled-in types (kubectl-wire.md §2.4).
 *   <li>{@link #swaggerDocument()}: the whole API in one document for Swagger UI, with request
 *       bodies, their schemas and an example per kind and patch format.
 * </ul>
 *
 * Every method returns a fresh copy the caller may modify. Thread-safe.
 */
@Component
public class OpenApiDocuments {

  private static final String OPENAPI_VERSION = "3.0.0";
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final Map<String, ObjectNode> byGroupVersion = new LinkedHashMap<>();
  private final ObjectNode index;
  private final ObjectNode swagger;

  public OpenApiDocuments() {
    SchemaCatalog schemas = new SchemaCatalog();
    Map<String, List<ResourceType>> groupVersions = new LinkedHashMap<>();
    for (ResourceType type : ResourceTypes.all()) {
      groupVersions
          .computeIfAbsent(type.groupVersionPath().substring(1), k -> new ArrayList<>())
          .add(type);
    }
    index = NODES.objectNode();
    ObjectNode indexPaths = index.putObject("paths");
    for (Map.Entry<String, List<ResourceType>> entry : groupVersions.entrySet()) {
      ObjectNode document = groupVersionDocument(entry.getValue(), schemas);
      byGroupVersion.put(entry.getKey(), document);
      indexPaths
          .putObject(entry.getKey())
          .put("serverRelativeURL", "/openapi/v3/" + entry.getKey() + "?hash=" + hash(document));
    }
    swagger = swaggerDocument(schemas);
  }

  /** {@code /openapi/v3}: {@code {"paths":{"api/v1":{"serverRelativeURL":"..."}, ...}}}. */
  public ObjectNode index() {
    return index.deepCopy();
  }

  /**
   * The document of one group version, by its path under {@code /openapi/v3/}: {@code api/v1} or
   * {@code apis/apps/v1} (a leading {@code /} is ignored). Empty for any other path.
   */
  public Optional<ObjectNode> groupVersion(String path) {
    String key = path.startsWith("/") ? path.substring(1) : path;
    ObjectNode document = byGroupVersion.get(key);
    return document == null ? Optional.empty() : Optional.of(document.deepCopy());
  }

  /** The whole API as one OpenAPI 3 document, for Swagger UI. */
  public ObjectNode swaggerDocument() {
    return swagger.deepCopy();
  }

  private static ObjectNode groupVersionDocument(List<ResourceType> types, SchemaCatalog schemas) {
    ObjectNode document = NODES.objectNode();
    document.put("openapi", OPENAPI_VERSION);
    document
        .putObject("info")
        .put("title", "Kubernetes")
        .put("version", DiscoveryDocuments.KUBERNETES_VERSION);
    ObjectNode paths = document.putObject("paths");
    ApiPaths builder = new ApiPaths(Audience.KUBECTL);
    for (ResourceType type : types) {
      builder.add(type, paths);
    }
    document.putObject("components").set("schemas", schemas.closure(referencedSchemas(types)));
    return document;
  }

  private static ObjectNode swaggerDocument(SchemaCatalog schemas) {
    ObjectNode document = NODES.objectNode();
    document.put("openapi", "3.0.3");
    ObjectNode info = document.putObject("info");
    info.put("title", "Cetus API");
    info.put("version", DiscoveryDocuments.KUBERNETES_VERSION);
    info.put(
        "description",
        "The Kubernetes API as Cetus serves it: the same paths, objects, errors (Status) and"
            + " patch formats, so kubectl and Kubernetes client libraries work unchanged. Lists"
            + " take labelSelector, fieldSelector, limit and continue, and stream changes with"
            + " watch=true. Bodies may be JSON or YAML.");
    // Relative, so "Try it out" goes to whichever origin served the page: the gateway.
    document.putArray("servers").addObject().put("url", "/");
    ArrayNode tags = document.putArray("tags");
    tags.addObject().put("name", "discovery").put("description", "Version and API discovery.");
    ObjectNode paths = document.putObject("paths");
    addDiscoveryPaths(paths);
    ApiPaths builder = new ApiPaths(Audience.SWAGGER);
    for (ResourceType type : ResourceTypes.all()) {
      tags.addObject()
          .put("name", type.kind())
          .put(
              "description",
              type.plural() + " (" + type.apiVersion() + "), at " + type.groupVersionPath());
      builder.add(type, paths);
    }
    ObjectNode components = document.putObject("components");
    ObjectNode all = components.putObject("schemas");
    schemas.all().forEach((name, schema) -> all.set(name, schema.deepCopy()));
    return document;
  }

  private static void addDiscoveryPaths(ObjectNode paths) {
    for (String[] discovery :
        new String[][] {
          {"/version", "getCodeVersion", "The Kubernetes version the server implements"},
          {"/api", "getCoreAPIVersions", "The versions of the core API group"},
          {"/apis", "getAPIVersions", "The API groups and their versions"},
          {"/openapi/v3", "getOpenApiIndex", "The OpenAPI v3 documents, one per group version"}
        }) {
      ObjectNode op = paths.putObject(discovery[0]).putObject("get");
      op.putArray("tags").add("discovery");
      op.put("operationId", discovery[1]);
      op.put("summary", discovery[2]);
      ObjectNode ok = op.putObject("responses").putObject("200");
      ok.put("description", "OK");
      ok.putObject("content").putObject(Operations.JSON).putObject("schema").put("type", "object");
    }
  }

  private static Set<String> referencedSchemas(List<ResourceType> types) {
    Set<String> roots = new LinkedHashSet<>(SchemaCatalog.common());
    for (ResourceType type : types) {
      roots.add(type.kind());
      roots.add(SchemaCatalog.listName(type));
      if (type.hasSubresource("scale")) {
        roots.add(SchemaCatalog.SCALE);
      }
      if (type.hasSubresource("binding")) {
        roots.add(SchemaCatalog.BINDING);
      }
      if (type.hasSubresource("eviction")) {
        roots.add(SchemaCatalog.EVICTION);
      }
    }
    return roots;
  }

  /** A stable fingerprint of a document's content: the same document, the same hash. */
  private static String hash(ObjectNode document) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(Json.mapper().writeValueAsBytes(document));
      return HexFormat.of().withUpperCase().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from the JVM", e);
    }
  }
}
