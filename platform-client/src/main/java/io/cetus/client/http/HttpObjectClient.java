package io.cetus.client.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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
      return Optional.of(decode(send(api.request(paths.object(namespace, name)).GET())));
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
    byte[] body = send(api.request(paths.collection(namespace) + query).GET());
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
        send(
            api.request(paths.createCollection(namespace))
                .header("Content-Type", JSON)
                .POST(json(object))));
  }

  @Override
  public T update(T object) {
    return decode(
        send(
            api.request(paths.object(object.metadata().namespace(), nameOf(object)))
                .header("Content-Type", JSON)
                .PUT(json(object))));
  }

  @Override
  public T updateStatus(T object) {
    return decode(
        send(
            api.request(paths.subresource(object.metadata().namespace(), nameOf(object), "status"))
                .header("Content-Type", JSON)
                .PUT(json(object))));
  }

  @Override
  public T patch(@Nullable String namespace, String name, PatchType patchType, String body) {
    String query =
        patchType == PatchType.APPLY
            ? new QueryString().add("fieldManager", api.fieldManager()).toString()
            : "";
    return decode(
        send(
            api.request(paths.object(namespace, name) + query)
                .header("Content-Type", patchType.contentType())
                .method("PATCH", BodyPublishers.ofString(body))));
  }

  @Override
  public void createSubresource(
      @Nullable String namespace, String name, String subresource, ApiObject body) {
    send(
        api.request(paths.subresource(namespace, name, subresource))
            .header("Content-Type", JSON)
            .POST(BodyPublishers.ofByteArray(Json.mapper().writeValueAsBytes(body))));
  }

  @Override
  public void delete(@Nullable String namespace, String name, DeleteOptions options) {
    HttpRequest.Builder request = api.request(paths.object(namespace, name));
    if (options.isDefault()) {
      request.DELETE();
    } else {
      request.header("Content-Type", JSON).method("DELETE", deleteBody(options));
    }
    send(request);
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

  private byte[] send(HttpRequest.Builder request) {
    HttpRequest built = request.build();
    String what = built.method() + " " + built.uri().getPath();
    // The request timeout of HttpClient ends at the response headers; the deadline here also
    // covers a body that stalls.
    CompletableFuture<HttpResponse<byte[]>> answer =
        api.http().sendAsync(built, BodyHandlers.ofByteArray());
    HttpResponse<byte[]> response;
    try {
      response = answer.get(api.requestTimeout().toNanos(), TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw ErrorDecoder.unreachable(what, io);
      }
      throw new IllegalStateException(what + " failed", e.getCause());
    } catch (TimeoutException e) {
      answer.cancel(true);
      throw ErrorDecoder.unreachable(
          what, new HttpTimeoutException("no answer within " + api.requestTimeout()));
    } catch (InterruptedException e) {
      answer.cancel(true);
      throw ErrorDecoder.interrupted(what, e);
    }
    if (response.statusCode() / 100 != 2) {
      throw ErrorDecoder.fromResponse(response.statusCode(), response.body());
    }
    return response.body();
  }

  private T decode(byte[] body) {
    try {
      return ClientJson.mapper().readValue(body, javaType);
    } catch (JacksonException e) {
      throw ErrorDecoder.undecodable(type.qualifiedPlural(), e);
    }
  }

  private BodyPublisher json(T object) {
    return BodyPublishers.ofByteArray(Json.mapper().writeValueAsBytes(object));
  }

  private static String nameOf(ApiObject object) {
    String name = object.metadata().name();
    return name == null ? "" : name;
  }

  private static BodyPublisher deleteBody(DeleteOptions options) {
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
    return BodyPublishers.ofByteArray(Json.mapper().writeValueAsBytes(body));
  }
}
