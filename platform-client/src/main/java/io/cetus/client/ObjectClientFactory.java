package io.cetus.client;

import io.cetus.api.meta.ApiObject;
import io.cetus.api.resource.ApiTypes;
import io.cetus.api.resource.ResourceType;

/**
 * Makes the {@link ObjectClient} of any kind; {@code client.http.ApiClient} is the HTTP one, and an
 * in-memory store can be another. Informer factories take one of these, so they work over either.
 */
public interface ObjectClientFactory {

  /** The client of {@code type}, whose objects decode as {@code javaType}. */
  <T extends ApiObject> ObjectClient<T> objects(ResourceType type, Class<T> javaType);

  /**
   * The client of the kind {@code javaType} models, e.g. {@code forType(Pod.class)}.
   *
   * @throws IllegalArgumentException for a class that models no served kind
   */
  default <T extends ApiObject> ObjectClient<T> forType(Class<T> javaType) {
    return objects(ApiTypes.typeOf(javaType), javaType);
  }
}
