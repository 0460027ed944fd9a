package io.cetus.objectstore.openapi;

import java.util.ArrayList;
import java.util.List;

import io.cetus.api.resource.ResourceType;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static io.cetus.objectstore.openapi.Operations.emptyResponse;
import static io.cetus.objectstore.openapi.Operations.jsonResponse;
import static io.cetus.objectstore.openapi.Operations.query;

/**
 * The paths and operations of one kind: list, create and delete-collection on the collection; read,
 * replace, patch and delete on an object; the list across namespaces; and the subresources ({@code
 * status}, {@code scale}, pod {@code log}, {@code binding}, {@code eviction}, {@code exec}, {@code
 * attach}, {@code portforward}).
 *
 * <p>Every operation carries {@code x-kubernetes-group-version-kind} and {@code
 * x-kubernetes-action}; every PATCH declares the {@code fieldValidation} query parameter among its
 * own parameters, which tells kubectl the server validates fields (kubectl-wire.md §2.4).
 */
final class ApiPaths {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final Audience audience;

  ApiPaths(Audience audience) {
    this.audience = audience;
  }

  /** Adds the paths of {@code type} to {@code paths}. */
  void add(ResourceType type, ObjectNode paths) {
    String collection =
        type.groupVersionPath()
            + (type.namespaced() ? "/namespaces/{namespace}/" : "/")
            + type.plural();
    String item = collection + "/{name}";
    String kind = type.kind();
    String plural = type.plural();
    String list = SchemaCatalog.listName(type);

    ObjectNode collectionPath = pathItem(paths, collection, type.namespaced(), false);
    ObjectNode listOp = operation(type, "list", "list", "List or watch " + plural, kind, "");
    parameters(listOp, listParameters());
    responses(listOp, "200", jsonResponse("OK", list));
    errors(listOp);
    collectionPath.set("get", listOp);

    ObjectNode create = operation(type, "create", "post", "Create " + article(kind), kind, "");
    parameters(create, writeParameters());
    create.set("requestBody", Operations.objectBody(kind, Examples.object(type), true));
    responses(
        create,
        "200",
        jsonResponse("OK", kind),
        "201",
        jsonResponse("Created", kind),
        "202",
        jsonResponse("Accepted", kind));
    errors(create, "409", "422");
    collectionPath.set("post", create);

    ObjectNode deleteAll =
        operation(
            type,
            "deletecollection",
            "deletecollection",
            "Delete a collection of " + plural,
            kind,
            "");
    parameters(deleteAll, concat(listParameters(), deleteParameters()));
    responses(deleteAll, "200", jsonResponse("OK", SchemaCatalog.STATUS));
    errors(deleteAll);
    collectionPath.set("delete", deleteAll);

    ObjectNode itemPath = pathItem(paths, item, type.namespaced(), true);
    ObjectNode read = operation(type, "read", "get", "Read " + article(kind), kind, "");
    responses(read, "200", jsonResponse("OK", kind));
    errors(read, "404");
    itemPath.set("get", read);

    ObjectNode replace = operation(type, "replace", "put", "Replace " + article(kind), kind, "");
    parameters(replace, writeParameters());
    replace.set("requestBody", Operations.objectBody(kind, Examples.object(type), true));
    responses(replace, "200", jsonResponse("OK", kind), "201", jsonResponse("Created", kind));
    errors(replace, "404", "409", "422");
    itemPath.set("put", replace);

    itemPath.set(
        "patch",
        patch(
            type,
            "",
            "Patch " + article(kind),
            kind,
            Examples.strategicMergePatch(type),
            Examples.mergePatch(),
            Examples.object(type)));

    ObjectNode delete = operation(type, "delete", "delete", "Delete " + article(kind), kind, "");
    parameters(delete, deleteParameters());
    if (audience == Audience.SWAGGER) {
      delete.set("requestBody", deleteBody());
    }
    responses(
        delete,
        "200",
        jsonResponse("OK: the object, or a Status when it is gone", kind),
        "202",
        jsonResponse("Accepted: deletion will finish later", kind));
    errors(delete, "404", "409");
    itemPath.set("delete", delete);

    if (type.namespaced()) {
      ObjectNode everywhere = pathItem(paths, type.groupVersionPath() + "/" + plural, false, false);
      ObjectNode listAll =
          operation(
              type,
              "list",
              "list",
              "List or watch " + plural + " in all namespaces",
              kind,
              "ForAllNamespaces");
      parameters(listAll, listParameters());
      responses(listAll, "200", jsonResponse("OK", list));
      errors(listAll);
      everywhere.set("get", listAll);
    }

    for (String subresource : type.subresources().stream().sorted().toList()) {
      addSubresource(type, item + "/" + subresource, subresource, paths);
    }
  }

  private void addSubresource(
      ResourceType type, String path, String subresource, ObjectNode paths) {
    String kind = type.kind();
    switch (subresource) {
      case "status" -> {
        ObjectNode status = pathItem(paths, path, type.namespaced(), true);
        ObjectNode read =
            operation(type, "read", "get", "Read the status of " + article(kind), kind, "Status");
        responses(read, "200", jsonResponse("OK", kind));
        errors(read, "404");
        status.set("get", read);
        ObjectNode replace =
            operation(
                type, "replace", "put", "Replace the status of " + article(kind), kind, "Status");
        parameters(replace, writeParameters());
        replace.set("requestBody", Operations.objectBody(kind, Examples.object(type), true));
        responses(replace, "200", jsonResponse("OK", kind));
        errors(replace, "404", "409", "422");
        status.set("put", replace);
        status.set(
            "patch",
            patch(
                type,
                "Status",
                "Patch the status of " + article(kind),
                kind,
                Examples.mergePatch(),
                Examples.mergePatch(),
                Examples.object(type)));
      }
      case "scale" -> {
        String scaleKind = SchemaCatalog.SCALE;
        ObjectNode scale = pathItem(paths, path, type.namespaced(), true);
        ObjectNode read =
            operation(
                type, "read", "get", "Read the scale of " + article(kind), scaleKind, "Scale");
        gvk(read, "autoscaling", "v1", scaleKind);
        responses(read, "200", jsonResponse("OK", scaleKind));
        errors(read, "404");
        scale.set("get", read);
        ObjectNode replace =
            operation(
                type,
                "replace",
                "put",
                "Replace the scale of " + article(kind),
                scaleKind,
                "Scale");
        gvk(replace, "autoscaling", "v1", scaleKind);
        parameters(replace, writeParameters());
        replace.set("requestBody", Operations.objectBody(scaleKind, Examples.scale(type), true));
        responses(replace, "200", jsonResponse("OK", scaleKind));
        errors(replace, "404", "409", "422");
        scale.set("put", replace);
        ObjectNode patch =
            patch(
                type,
                "Scale",
                "Patch the scale of " + article(kind),
                scaleKind,
                Examples.scalePatch(),
                Examples.scalePatch(),
                Examples.scale(type));
        gvk(patch, "autoscaling", "v1", scaleKind);
        scale.set("patch", patch);
      }
      case "log" -> {
        ObjectNode read =
            operation(
                type,
                "read",
                "get",
                "Read the log of a container of " + article(kind),
                kind,
                "Log");
        parameters(read, logParameters());
        ObjectNode ok = emptyResponse("The log, as plain text");
        ok.putObject("content").putObject("text/plain").putObject("schema").put("type", "string");
        responses(read, "200", ok);
        errors(read, "400", "404");
        pathItem(paths, path, type.namespaced(), true).set("get", read);
      }
      case "binding" ->
          pathItem(paths, path, type.namespaced(), true)
              .set(
                  "post",
                  subresourceCreate(
                      type,
                      "Binding",
                      "Bind " + article(kind) + " to a node",
                      "",
                      SchemaCatalog.BINDING,
                      Examples.binding(),
                      "409"));
      case "eviction" ->
          pathItem(paths, path, type.namespaced(), true)
              .set(
                  "post",
                  subresourceCreate(
                      type,
                      "Eviction",
                      "Evict " + article(kind),
                      "policy",
                      SchemaCatalog.EVICTION,
                      Examples.eviction(),
                      "429"));
      case "exec", "attach", "portforward" -> {
        ObjectNode connect = pathItem(paths, path, type.namespaced(), true);
        for (String method : List.of("get", "post")) {
          connect.set(method, connectOperation(type, subresource, method));
        }
      }
      default -> {}
    }
  }

  private ObjectNode subresourceCreate(
      ResourceType type,
      String suffix,
      String summary,
      String group,
      String bodyKind,
      JsonNode example,
      String extraError) {
    ObjectNode create = operation(type, "create", "post", summary, bodyKind, suffix);
    gvk(create, group, "v1", bodyKind);
    parameters(create, writeParameters());
    create.set("requestBody", Operations.objectBody(bodyKind, example, true));
    responses(create, "201", jsonResponse("Created", SchemaCatalog.STATUS));
    errors(create, "404", extraError);
    return create;
  }

  private ObjectNode connectOperation(ResourceType type, String subresource, String method) {
    String options =
        switch (subresource) {
          case "exec" -> "PodExecOptions";
          case "attach" -> "PodAttachOptions";
          default -> "PodPortForwardOptions";
        };
    String summary =
        switch (subresource) {
          case "exec" -> "Run a command in a container of " + article(type.kind());
          case "attach" -> "Attach to the process of a container of " + article(type.kind());
          default -> "Forward ports of " + article(type.kind());
        };
    String suffix = capitalize(subresource);
    ObjectNode op =
        operation(type, "connect" + capitalize(method), "connect", summary, options, suffix);
    gvk(op, "", "v1", options);
    op.put(
        "description",
        subresource.equals("portforward")
            ? "Upgrades the connection to WebSocket (subprotocol SPDY/3.1+portforward.k8s.io) or"
                + " SPDY/3.1; ports travel in stream headers, as kubectl port-forward sends them."
            : "Upgrades the connection to WebSocket (subprotocol v5.channel.k8s.io) or SPDY/3.1;"
                + " stdin, stdout, stderr and the exit status travel on channels, as kubectl "
                + subresource
                + " uses them.");
    parameters(op, connectParameters(subresource));
    responses(op, "101", emptyResponse("Switching protocols"));
    errors(op, "400", "404");
    return op;
  }

  private ObjectNode patch(
      ResourceType type,
      String suffix,
      String summary,
      String schema,
      JsonNode strategic,
      JsonNode merge,
      JsonNode apply) {
    ObjectNode op = operation(type, "patch", "patch", summary, schema, suffix);
    parameters(op, patchParameters());
    if (audience == Audience.SWAGGER) {
      op.set(
          "requestBody",
          Operations.patchBody(schema, strategic, merge, Examples.jsonPatch(), apply));
    }
    responses(op, "200", jsonResponse("OK", schema), "201", jsonResponse("Created", schema));
    errors(op, "400", "404", "409", "422");
    return op;
  }

  /**
   * An operation with its id ({@code listCoreV1NamespacedPod}, {@code
   * readAppsV1NamespacedDeploymentScale}), summary, tag and GVK.
   */
  private ObjectNode operation(
      ResourceType type,
      String verb,
      String action,
      String summary,
      String gvkKind,
      String suffix) {
    ObjectNode op = NODES.objectNode();
    op.putArray("tags").add(tag(type));
    op.put("summary", summary);
    op.put("operationId", verb + operationName(type, suffix));
    gvk(op, type.group(), type.version(), gvkKind);
    op.put("x-kubernetes-action", action);
    return op;
  }

  private static String operationName(ResourceType type, String suffix) {
    String group = type.group().isEmpty() ? "core" : type.group().split("\\.")[0];
    String scope = type.namespaced() && !suffix.equals("ForAllNamespaces") ? "Namespaced" : "";
    return capitalize(group) + capitalize(type.version()) + scope + type.kind() + suffix;
  }

  private String tag(ResourceType type) {
    return audience == Audience.SWAGGER
        ? type.kind()
        : (type.group().isEmpty() ? "core" : type.group().split("\\.")[0]) + "_" + type.version();
  }

  private static ObjectNode pathItem(
      ObjectNode paths, String path, boolean namespaced, boolean named) {
    ObjectNode item = paths.putObject(path);
    ArrayNode parameters = item.putArray("parameters");
    if (named) {
      parameters.add(Operations.path("name", "The name of the object."));
    }
    if (namespaced) {
      parameters.add(Operations.path("namespace", "The namespace of the object."));
    }
    if (parameters.isEmpty()) {
      item.remove("parameters");
    }
    return item;
  }

  private static void gvk(ObjectNode op, String group, String version, String kind) {
    op.putObject("x-kubernetes-group-version-kind")
        .put("group", group)
        .put("version", version)
        .put("kind", kind);
  }

  private static void parameters(ObjectNode op, List<ObjectNode> parameters) {
    ArrayNode array = op.putArray("parameters");
    parameters.forEach(array::add);
  }

  private static void responses(ObjectNode op, Object... codesAndResponses) {
    ObjectNode responses =
        op.get("responses") instanceof ObjectNode existing ? existing : op.putObject("responses");
    for (int i = 0; i < codesAndResponses.length; i += 2) {
      responses.set((String) codesAndResponses[i], (JsonNode) codesAndResponses[i + 1]);
    }
  }

  /** Error responses, each a Status; every operation also gets a default one. */
  private void errors(ObjectNode op, String... codes) {
    ObjectNode responses =
        op.get("responses") instanceof ObjectNode existing ? existing : op.putObject("responses");
    if (audience == Audience.SWAGGER) {
      for (String code : codes) {
        responses.set(code, jsonResponse(errorDescription(code), SchemaCatalog.STATUS));
      }
    }
    responses.set("default", jsonResponse("An error, as a Status", SchemaCatalog.STATUS));
  }

  private static String errorDescription(String code) {
    return switch (code) {
      case "400" -> "BadRequest: the request is malformed";
      case "404" -> "NotFound: no such object or namespace";
      case "409" -> "AlreadyExists or Conflict: the name is taken or the resourceVersion is stale";
      case "422" -> "Invalid: the object fails validation; causes name the fields";
      case "429" -> "TooManyRequests: a disruption budget forbids it now";
      default -> "Error";
    };
  }

  private ObjectNode deleteBody() {
    ObjectNode body = NODES.objectNode();
    body.put("required", false);
    ObjectNode media = body.putObject("content").putObject(Operations.JSON);
    media.set("schema", Operations.ref(SchemaCatalog.DELETE_OPTIONS));
    media.set("example", Examples.deleteOptions());
    return body;
  }

  private static List<ObjectNode> listParameters() {
    return List.of(
        query("labelSelector", "string", "Only objects whose labels match, e.g. app=web,tier!=db."),
        query(
            "fieldSelector",
            "string",
            "Only objects whose fields match, e.g. metadata.name=web or spec.nodeName=node-1."),
        query("limit", "integer", "The most objects to return; the rest via continue."),
        query("continue", "string", "The continue token of the previous page."),
        query(
            "resourceVersion",
            "string",
            "List: at least this recent (0: any). Watch: changes after this version."),
        query("resourceVersionMatch", "string", "How resourceVersion applies to a list."),
        query("timeoutSeconds", "integer", "Close a watch after this many seconds."),
        query("watch", "boolean", "Stream changes (ADDED, MODIFIED, DELETED) instead of listing."),
        query("allowWatchBookmarks", "boolean", "Let a watch send BOOKMARK events."));
  }

  private static List<ObjectNode> writeParameters() {
    return List.of(
        Operations.queryArray("dryRun", "string", "All: validate and answer, but store nothing."),
        query("fieldManager", "string", "The name of the actor making the change."),
        Operations.queryEnum(
            "fieldValidation",
            "How to treat unknown or duplicate fields: Ignore, Warn or Strict.",
            List.of("Ignore", "Warn", "Strict")));
  }

  private static List<ObjectNode> patchParameters() {
    return concat(
        writeParameters(),
        List.of(query("force", "boolean", "Server-side apply: take over conflicting fields.")));
  }

  private static List<ObjectNode> deleteParameters() {
    return List.of(
        Operations.queryArray("dryRun", "string", "All: validate and answer, but delete nothing."),
        query("gracePeriodSeconds", "integer", "Seconds the object gets to shut down."),
        Operations.queryEnum(
            "propagationPolicy",
            "What happens to the objects the deleted one owns.",
            List.of("Background", "Foreground", "Orphan")));
  }

  private static List<ObjectNode> logParameters() {
    return List.of(
        query("container", "string", "The container; optional when the pod has one."),
        query("follow", "boolean", "Keep streaming new lines."),
        query("previous", "boolean", "The log of the previous, terminated instance."),
        query("sinceSeconds", "integer", "Only lines from the last this many seconds."),
        query("sinceTime", "string", "Only lines after this RFC 3339 time."),
        query("tailLines", "integer", "Only this many last lines."),
        query("timestamps", "boolean", "Prefix each line with its RFC 3339 time."),
        query("limitBytes", "integer", "Stop after this many bytes."));
  }

  private static List<ObjectNode> connectParameters(String subresource) {
    if (subresource.equals("portforward")) {
      return List.of(Operations.queryArray("ports", "integer", "Ports to forward."));
    }
    List<ObjectNode> parameters = new ArrayList<>();
    if (subresource.equals("exec")) {
      parameters.add(
          Operations.queryArray("command", "string", "The command and its arguments, one each."));
    }
    parameters.add(query("container", "string", "The container."));
    parameters.add(query("stdin", "boolean", "Pass standard input."));
    parameters.add(query("stdout", "boolean", "Return standard output."));
    parameters.add(query("stderr", "boolean", "Return standard error."));
    parameters.add(query("tty", "boolean", "Allocate a terminal."));
    return parameters;
  }

  private static List<ObjectNode> concat(List<ObjectNode> first, List<ObjectNode> second) {
    List<ObjectNode> all = new ArrayList<>(first);
    all.addAll(second);
    return all;
  }

  private static String article(String kind) {
    return ("AEIOU".indexOf(kind.charAt(0)) >= 0 ? "an " : "a ") + kind;
  }

  private static String capitalize(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
