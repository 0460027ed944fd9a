package io.cetus.objectstore.web;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.cetus.api.errors.ApiException;
import io.cetus.api.errors.Reason;
import io.cetus.api.errors.Status;
import io.cetus.api.json.Json;
import io.cetus.api.resource.ResourceType;
import io.cetus.objectstore.discovery.DiscoveryDocuments;
import io.cetus.objectstore.patch.PatchType;
import io.cetus.objectstore.service.DeleteOptions;
import io.cetus.objectstore.service.DeleteOptionsReader;
import io.cetus.objectstore.service.DryRun;
import io.cetus.objectstore.service.ListOptions;
import io.cetus.objectstore.service.ListResult;
import io.cetus.objectstore.service.Meta;
import io.cetus.objectstore.service.ObjectService;
import io.cetus.objectstore.service.PatchResult;
import io.cetus.objectstore.service.Selection;
import io.cetus.objectstore.service.Watch;
import io.cetus.objectstore.service.WatchQuery;
import io.cetus.objectstore.service.WatchRequest;
import io.cetus.objectstore.service.WriteOptions;
import io.cetus.objectstore.table.TableConverter;
import io.cetus.objectstore.table.TableConverter.IncludeObject;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every request under {@code /api} and {@code /apis}: the paths are parsed here ({@link
 * ApiPathParser}) rather than by Spring, since which segment is a namespace, a kind, a name or a
 * subresource depends on the kinds served. Discovery documents, list/watch/create/deletecollection
 * on collections, and get/replace/patch/delete on objects and their subresources.
 */
@RestController
class ApiResource {

  private static final String NOT_ALLOWED =
      "the server does not allow this method on the requested resource";

  private final ObjectService objects;
  private final WatchQuery watches;
  private final DiscoveryDocuments discovery;
  private final TableConverter tables;
  private final BodyReader bodies;

  ApiResource(
      ObjectService objects,
      WatchQuery watches,
      DiscoveryDocuments discovery,
      TableConverter tables,
      BodyReader bodies) {
    this.objects = objects;
    this.watches = watches;
    this.discovery = discovery;
    this.tables = tables;
    this.bodies = bodies;
  }

  @RequestMapping({"/api", "/api/**", "/apis", "/apis/**"})
  void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
    ResponseEntity<byte[]> answer = answer(request, response);
    if (answer != null) {
      JsonResponses.write(answer, response);
    }
  }

  /** The answer to write, or null when the response has been written already (a watch). */
  private @Nullable ResponseEntity<byte[]> answer(
      HttpServletRequest request, HttpServletResponse response) throws IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    ApiPath target = ApiPathParser.parse(path);
    Query query = Query.parse(request.getQueryString());
    String method = request.getMethod();
    String accept = request.getHeader(HttpHeaders.ACCEPT);
    return switch (target) {
      case ApiPath.CoreRoot root ->
          discoveryDocument(method, accept, discovery::aggregatedCore, discovery::legacyCore);
      case ApiPath.GroupsRoot root ->
          discoveryDocument(method, accept, discovery::aggregatedGroups, discovery::legacyGroups);
      case ApiPath.Group group -> {
        requireGet(method);
        yield JsonResponses.ok(discovery.group(group.group()).orElseThrow(ApiPathParser::notFound));
      }
      case ApiPath.GroupVersion groupVersion -> {
        requireGet(method);
        yield JsonResponses.ok(
            discovery
                .resourceList(groupVersion.group(), groupVersion.version())
                .orElseThrow(ApiPathParser::notFound));
      }
      case ApiPath.Collection collection ->
          collection(collection, method, accept, query, request, response);
      case ApiPath.Item item -> item(item, method, accept, query, request);
    };
  }

  private ResponseEntity<byte[]> discoveryDocument(
      String method,
      @Nullable String accept,
      Supplier<ObjectNode> aggregated,
      Supplier<ObjectNode> legacy) {
    requireGet(method);
    if (DiscoveryDocuments.wantsAggregated(accept)) {
      return JsonResponses.of(200, DiscoveryDocuments.AGGREGATED_CONTENT_TYPE, aggregated.get());
    }
    return JsonResponses.ok(legacy.get());
  }

  private @Nullable ResponseEntity<byte[]> collection(
      ApiPath.Collection collection,
      String method,
      @Nullable String accept,
      Query query,
      HttpServletRequest request,
      HttpServletResponse response)
      throws IOException {
    ResourceType type = collection.type();
    String namespace = collection.namespace();
    switch (method) {
      case "GET" -> {
        if (query.flag("watch")) {
          watch(collection, accept, query, response);
          return null;
        }
        return list(type, namespace, accept, query);
      }
      case "POST" -> {
        requireNamespaceGiven(collection);
        ObjectNode created =
            objects.create(type, namespace, bodies.object(request), writeOptions(query));
        return JsonResponses.of(201, created);
      }
      case "DELETE" -> {
        requireNamespaceGiven(collection);
        DeleteOptions options =
            DeleteOptionsReader.read(bodies.optionalObject(request), query::get);
        List<ObjectNode> deleted =
            objects.deleteCollection(type, namespace, selection(query), options);
        return JsonResponses.ok(listDocument(type, deleted, null, null));
      }
      default -> throw methodNotAllowed();
    }
  }

  private ResponseEntity<byte[]> list(
      ResourceType type, @Nullable String namespace, @Nullable String accept, Query query) {
    ListOptions options =
        new ListOptions(selection(query), query.longValue("limit", 0), query.get("continue"));
    boolean table = TableConverter.wantsTable(accept);
    IncludeObject include =
        table ? IncludeObject.fromQueryParameter(query.get("includeObject")) : IncludeObject.NONE;
    ListResult result = objects.list(type, namespace, options);
    if (table) {
      return JsonResponses.ok(
          tables.table(
              type,
              result.items(),
              result.resourceVersion(),
              result.continueToken(),
              include,
              true));
    }
    return JsonResponses.ok(
        listDocument(type, result.items(), result.resourceVersion(), result.continueToken()));
  }

  private void watch(
      ApiPath.Collection collection,
      @Nullable String accept,
      Query query,
      HttpServletResponse response)
      throws IOException {
    ResourceType type = collection.type();
    WatchEventEncoder encoder =
        new WatchEventEncoder(
            type,
            TableConverter.wantsTable(accept) ? tables : null,
            IncludeObject.fromQueryParameter(query.get("includeObject")));
    try (Watch watch = watches.open(watchRequest(collection, query))) {
      response.setStatus(200);
      response.setContentType(MediaType.APPLICATION_JSON_VALUE);
      response.flushBuffer();
      OutputStream out = response.getOutputStream();
      watch.stream(
          (eventType, object) -> {
            out.write(encoder.encode(eventType, object));
            out.write('\n');
            out.flush();
          });
    } catch (IOException e) {
      // the client went away; the watch has been closed
    }
  }

  static WatchRequest watchRequest(ApiPath.Collection collection, Query query) {
    return new WatchRequest(
        collection.type(),
        collection.namespace(),
        selection(query),
        query.get("resourceVersion"),
        query.seconds("timeoutSeconds"),
        query.flag("allowWatchBookmarks"));
  }

  private ResponseEntity<byte[]> item(
      ApiPath.Item item,
      String method,
      @Nullable String accept,
      Query query,
      HttpServletRequest request)
      throws IOException {
    ResourceType type = item.type();
    String namespace = item.namespace();
    String name = item.name();
    String subresource = item.subresource();
    if (subresource == null) {
      return switch (method) {
        case "GET" -> single(type, objects.get(type, namespace, name), accept, query);
        case "PUT" ->
            JsonResponses.ok(
                objects.replace(
                    type, namespace, name, bodies.object(request), writeOptions(query)));
        case "PATCH" -> {
          PatchType patchType = bodies.patchType(request);
          PatchResult result =
              objects.patch(
                  type, namespace, name, patchType, bodies.bytes(request), writeOptions(query));
          yield JsonResponses.of(result.created() ? 201 : 200, result.object());
        }
        case "DELETE" ->
            JsonResponses.ok(
                objects.delete(
                    type,
                    namespace,
                    name,
                    DeleteOptionsReader.read(bodies.optionalObject(request), query::get)));
        default -> throw methodNotAllowed();
      };
    }
    return switch (subresource) {
      case "status" ->
          switch (method) {
            case "GET" -> single(type, objects.get(type, namespace, name), accept, query);
            case "PUT" ->
                JsonResponses.ok(
                    objects.replaceStatus(
                        type, namespace, name, bodies.object(request), writeOptions(query)));
            case "PATCH" -> {
              PatchType patchType = bodies.patchType(request);
              yield JsonResponses.ok(
                  objects
                      .patchStatus(
                          type,
                          namespace,
                          name,
                          patchType,
                          bodies.bytes(request),
                          writeOptions(query))
                      .object());
            }
            default -> throw methodNotAllowed();
          };
      case "scale" ->
          switch (method) {
            case "GET" -> JsonResponses.ok(objects.getScale(type, namespace, name));
            case "PUT" ->
                JsonResponses.ok(
                    objects.replaceScale(
                        type, namespace, name, bodies.object(request), writeOptions(query)));
            case "PATCH" -> {
              PatchType patchType = bodies.patchType(request);
              yield JsonResponses.ok(
                  objects.patchScale(
                      type,
                      namespace,
                      name,
                      patchType,
                      bodies.bytes(request),
                      writeOptions(query)));
            }
            default -> throw methodNotAllowed();
          };
      case "binding" -> {
        requirePost(method);
        objects.bind(
            requireNamespace(namespace), name, bodies.object(request), writeOptions(query));
        yield created();
      }
      case "eviction" -> {
        requirePost(method);
        objects.evict(
            requireNamespace(namespace), name, bodies.object(request), writeOptions(query));
        yield created();
      }
      // log, exec, attach and portforward are the node agents', reached through the gateway
      default -> throw ApiPathParser.notFound();
    };
  }

  private ResponseEntity<byte[]> single(
      ResourceType type, ObjectNode object, @Nullable String accept, Query query) {
    if (TableConverter.wantsTable(accept)) {
      return JsonResponses.ok(
          tables.table(
              type,
              List.of(object),
              Meta.resourceVersion(object),
              null,
              IncludeObject.fromQueryParameter(query.get("includeObject")),
              true));
    }
    return JsonResponses.ok(object);
  }

  private static ObjectNode listDocument(
      ResourceType type,
      List<ObjectNode> items,
      @Nullable String resourceVersion,
      @Nullable String continueToken) {
    ObjectNode list = Json.mapper().createObjectNode();
    list.put("kind", type.listKind());
    list.put("apiVersion", type.apiVersion());
    ObjectNode metadata = list.putObject("metadata");
    metadata.put("resourceVersion", resourceVersion == null ? "" : resourceVersion);
    if (continueToken != null) {
      metadata.put("continue", continueToken);
    }
    ArrayNode array = list.putArray("items");
    items.forEach(array::add);
    return list;
  }

  private static ResponseEntity<byte[]> created() {
    return JsonResponses.of(
        201, new Status(null, null, null, Status.SUCCESS, null, null, null, 201));
  }

  private static Selection selection(Query query) {
    return Selection.parse(query.get("labelSelector"), query.get("fieldSelector"));
  }

  private static WriteOptions writeOptions(Query query) {
    return new WriteOptions(DryRun.parse(query.get("dryRun")));
  }

  private static void requireNamespaceGiven(ApiPath.Collection collection) {
    if (collection.allNamespaces()) {
      throw methodNotAllowed();
    }
  }

  private static String requireNamespace(@Nullable String namespace) {
    if (namespace == null) {
      throw ApiPathParser.notFound();
    }
    return namespace;
  }

  private static void requireGet(String method) {
    if (!method.equals("GET")) {
      throw methodNotAllowed();
    }
  }

  private static void requirePost(String method) {
    if (!method.equals("POST")) {
      throw methodNotAllowed();
    }
  }

  static ApiException methodNotAllowed() {
    return new ApiException(Reason.METHOD_NOT_ALLOWED, NOT_ALLOWED);
  }
}
