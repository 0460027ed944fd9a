package io.cetus.testsupport.client;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

import io.cetus.api.errors.ApiException;
import io.cetus.api.errors.Reason;
import io.cetus.api.json.Json;
import io.cetus.api.meta.ApiObject;
import io.cetus.api.resource.ResourceType;
import io.cetus.api.resource.ResourceTypes;
import io.cetus.client.DeleteOptions;
import io.cetus.client.ListOptions;
import io.cetus.client.ObjectClient;
import io.cetus.client.ObjectList;
import io.cetus.client.PatchType;
import io.cetus.client.WatchOptions;
import io.cetus.client.WatchStream;

import tools.jackson.databind.node.ObjectNode;

/** The typed view of one kind of a {@link FakeApiClient}: objects go in and out as JSON trees. */
final class FakeObjectClient<T extends ApiObject> implements ObjectClient<T> {

  private final FakeApiClient store;
  private final ResourceType type;
  private final Class<T> javaType;

  FakeObjectClient(FakeApiClient store, ResourceType type, Class<T> javaType) {
    this.store = store;
    this.type = type;
    this.javaType = javaType;
  }

  @Override
  public ResourceType resourceType() {
    return type;
  }

  @Override
  public Optional<T> get(@Nullable String namespace, String name) {
    requireNamespace(namespace, name);
    return store.get(type, namespace, name).map(this::decode);
  }

  @Override
  public ObjectList<T> list(@Nullable String namespace, ListOptions options) {
    ObjectList<ObjectNode> page = store.list(type, namespace, options);
    return new ObjectList<>(
        page.items().stream().map(this::decode).toList(),
        page.resourceVersion(),
        page.continueToken());
  }

  @Override
  public T create(T object) {
    requireNamespace(object.metadata().namespace(), "(new)");
    return decode(store.create(type, encode(object)));
  }

  @Override
  public T update(T object) {
    requireNamespace(object.metadata().namespace(), String.valueOf(object.metadata().name()));
    return decode(store.update(type, encode(object)));
  }

  @Override
  public T updateStatus(T object) {
    requireNamespace(object.metadata().namespace(), String.valueOf(object.metadata().name()));
    return decode(store.updateStatus(type, encode(object)));
  }

  @Override
  public T patch(@Nullable String namespace, String name, PatchType patchType, String body) {
    requireNamespace(namespace, name);
    return decode(store.patch(type, namespace, name, patchType, body));
  }

  @Override
  public void createSubresource(
      @Nullable String namespace, String name, String subresource, ApiObject body) {
    requireNamespace(namespace, name);
    if (!type.equals(ResourceTypes.PODS) || !subresource.equals("binding")) {
      throw new ApiException(
          Reason.NOT_FOUND,
          "the fake API client serves no "
              + subresource
              + " subresource of "
              + type.qualifiedPlural());
    }
    store.bind(String.valueOf(namespace), name, Json.mapper().valueToTree(body));
  }

  @Override
  public void delete(@Nullable String namespace, String name, DeleteOptions options) {
    requireNamespace(namespace, name);
    store.delete(type, namespace, name, options);
  }

  @Override
  public WatchStream<T> watch(@Nullable String namespace, WatchOptions options) {
    return store.watch(type, namespace, options, this::decode);
  }

  private ObjectNode encode(T object) {
    return Json.mapper().valueToTree(object);
  }

  private T decode(ObjectNode object) {
    return Json.mapper().treeToValue(object, javaType);
  }

  /** As the HTTP client does before sending anything. */
  private void requireNamespace(@Nullable String namespace, String name) {
    if (name.isEmpty()) {
      throw ApiException.badRequest("name is required for " + type.qualifiedPlural());
    }
    if (type.namespaced() && (namespace == null || namespace.isEmpty())) {
      throw ApiException.badRequest(
          "metadata.namespace is required for " + type.qualifiedPlural() + " \"" + name + "\"");
    }
  }
}
