package io.cetus.client.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import io.cetus.api.errors.ApiErrors;
import io.cetus.api.errors.ApiException;
import io.cetus.api.json.Json;
import io.cetus.api.meta.ApiObject;
import io.cetus.api.resource.ResourceType;
import io.cetus.client.DeleteOptions;
import io.cetus.client.ListOptions;
import io.cetus.client.ObjectClient;
import io.cetus.client.ObjectList;
import io.cetus.client.PatchType;
import io.cetus.client.WatchOptions;
import io.cetus.client.WatchStream;
import io.cetus.client.json.ClientJson;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@link ObjectClient} over the Kubernetes REST API. Made by {@link ApiClient#objects};
 * thread-safe. Requests carry JSON, answers are decoded with {@link Json#mapper()}.
 */
public final class HttpObjectClient<T extends ApiObject> implements ObjectClient<T> {

  private static final String JSON = "application/json";

  private final ApiClient api;
  private final ResourceType type;
  private final Class<T> javaType;
  private final ResourcePaths paths;

  HttpObjectClient(ApiClient api, ResourceType type, Class<T> javaType) {
    this.api = api;
    this.type = type;
    this.javaType = javaType;
    this.paths = new ResourcePaths(type);
  }

  @Override
  public ResourceType resourceType() {
    return type;
  }

  @Override
  public Optional<T> get(@Nullable String namespace, String name) {
    try {
      return Optional.of(decode(api.send(ApiRequest.get(paths.object(namespace, name)))));
    } catch (ApiException e) {
      if (ApiErrors.isNotFound(e)) {
        return Optional.empty();
      }
      throw e;
    }
  }

  @Override
  public ObjectList<T> list(@Nullable String namespace, ListOptions options) {
    String query =
        new QueryString()
            .add("labelSelector", options.labelSelector())
            .add("fieldSelector", options.fieldSelector())
            .add("limit", options.limit())
            .add("continue", options.continueToken())
            .toString();
    byte[] body = api.send(ApiRequest.get(paths.collection(namespace) + query));
    try {
      JsonNode root = Json.mapper().readTree(body);
      List<T> items = new ArrayList<>();
      for (JsonNode item : root.path("items")) {
        items.add(ClientJson.mapper().treeToValue(item, javaType));
      }
      JsonNode metadata = root.path("metadata");
      String continueToken = metadata.path("continue").asString("");
      return new ObjectList<>(
          items,
          metadata.path("resourceVersion").asString(""),
          continueToken.isEmpty() ? null : continueToken);
    } catch (JacksonException e) {
      throw ErrorDecoder.undecodable("list " + type.qualifiedPlural(), e);
    }
  }

  @Override
  public T create(T object) {
    String namespace = object.metadata().namespace();
    return decode(
        api.send(
            ApiRequest.withBody("POST", paths.createCollection(namespace), JSON, json(object))));
  }

  @Override
  public T update(T object) {
    String path = paths.object(object.metadata().namespace(), nameOf(object));
    return decode(api.send(ApiRequest.withBody("PUT", path, JSON, json(object))));
  }

  @Override
  public T updateStatus(T object) {
    String path = paths.subresource(object.metadata().namespace(), nameOf(object), "status");
    return decode(api.send(ApiRequest.withBody("PUT", path, JSON, json(object))));
  }

  @Override
  public T patch(@Nullable String namespace, String name, PatchType patchType, String body) {
    String query =
        patchType == PatchType.APPLY
            ? new QueryString().add("fieldManager", api.fieldManager()).toString()
            : "";
    return decode(
        api.send(
            ApiRequest.withBody(
                "PATCH",
                paths.object(namespace, name) + query,
                patchType.contentType(),
                body.getBytes(StandardCharsets.UTF_8))));
  }

  @Override
  public void createSubresource(
      @Nullable String namespace, String name, String subresource, ApiObject body) {
    api.send(
        ApiRequest.withBody(
            "POST",
            paths.subresource(namespace, name, subresource),
            JSON,
            Json.mapper().writeValueAsBytes(body)));
  }

  @Override
  public void delete(@Nullable String namespace, String name, DeleteOptions options) {
    String path = paths.object(namespace, name);
    api.send(
        options.isDefault()
            ? ApiRequest.delete(path)
            : ApiRequest.withBody("DELETE", path, JSON, deleteBody(options)));
  }

  @Override
  public WatchStream<T> watch(@Nullable String namespace, WatchOptions options) {
    String query =
        new QueryString()
            .add("watch", "true")
            .add("resourceVersion", options.resourceVersion())
            .add("labelSelector", options.labelSelector())
            .add("fieldSelector", options.fieldSelector())
            .add("timeoutSeconds", options.timeoutSeconds())
            .add("allowWatchBookmarks", options.allowWatchBookmarks() ? "true" : null)
            .toString();
    HttpRequest request = api.request(paths.collection(namespace) + query).GET().build();
    String what = "watch " + type.qualifiedPlural();
    HttpResponse<InputStream> response;
    try {
      response = api.http().send(request, BodyHandlers.ofInputStream());
    } catch (IOException e) {
      throw ErrorDecoder.unreachable(what, e);
    } catch (InterruptedException e) {
      throw ErrorDecoder.interrupted(what, e);
    }
    if (response.statusCode() / 100 != 2) {
      try (InputStream body = response.body()) {
        throw ErrorDecoder.fromResponse(response.statusCode(), body.readAllBytes());
      } catch (IOException e) {
        throw ErrorDecoder.unreachable(what, e);
      }
    }
    return new HttpWatchStream<>(response.body(), javaType, what);
  }

  private T decode(byte[] body) {
    try {
      return ClientJson.mapper().readValue(body, javaType);
    } catch (JacksonException e) {
      throw ErrorDecoder.undecodable(type.qualifiedPlural(), e);
    }
  }

  private byte[] json(T object) {
    return Json.mapper().writeValueAsBytes(object);
  }

  private static String nameOf(ApiObject object) {
    String name = object.metadata().name();
    return name == null ? "" : name;
  }

  private static byte[] deleteBody(DeleteOptions options) {
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("kind", "DeleteOptions");
    body.put("apiVersion", "v1");
    if (options.propagationPolicy() != null) {
      body.put("propagationPolicy", options.propagationPolicy().wireName());
    }
    if (options.gracePeriodSeconds() != null) {
      body.put("gracePeriodSeconds", options.gracePeriodSeconds());
    }
    if (options.preconditionUid() != null || options.preconditionResourceVersion() != null) {
      ObjectNode preconditions = body.putObject("preconditions");
      if (options.preconditionUid() != null) {
        preconditions.put("uid", options.preconditionUid());
      }
      if (options.preconditionResourceVersion() != null) {
        preconditions.put("resourceVersion", options.preconditionResourceVersion());
      }
    }
    return Json.mapper().writeValueAsBytes(body);
  }
}
