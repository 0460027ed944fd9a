package io.cetus.client;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.cetus.api.meta.ApiObject;
import io.cetus.api.meta.ObjectMeta;

/** A minimal kind for tests of generic client code, shaped like a ConfigMap. */
public record TestObject(
    String apiVersion, String kind, ObjectMeta metadata, Map<String, String> data)
    implements ApiObject {

  public TestObject {
    apiVersion = apiVersion == null ? "v1" : apiVersion;
    kind = kind == null ? "ConfigMap" : kind;
    data = data == null ? Map.of() : Map.copyOf(data);
  }

  public static TestObject of(@Nullable String namespace, String name, String resourceVersion) {
    return new TestObject(
        null, null, ObjectMeta.named(namespace, name).withResourceVersion(resourceVersion), null);
  }

  public TestObject withLabels(Map<String, String> labels) {
    return new TestObject(apiVersion, kind, metadata.withLabels(labels), data);
  }

  public TestObject withData(Map<String, String> newData) {
    return new TestObject(apiVersion, kind, metadata, newData);
  }
}
