package io.cetus.client.informer.internal;

import org.jspecify.annotations.Nullable;

import io.cetus.api.meta.ApiObject;

/** Cache keys: {@code namespace/name}, or {@code name} for cluster-scoped objects. */
public final class ObjectKeys {

  private ObjectKeys() {}

  public static String keyOf(ApiObject object) {
    return keyOf(object.metadata().namespace(), String.valueOf(object.metadata().name()));
  }

  public static String keyOf(@Nullable String namespace, String name) {
    return namespace == null || namespace.isEmpty() ? name : namespace + "/" + name;
  }

  /** The index key of an object's namespace; {@code ""} for cluster-scoped objects. */
  static String namespaceOf(ApiObject object) {
    String namespace = object.metadata().namespace();
    return namespace == null ? "" : namespace;
  }
}
