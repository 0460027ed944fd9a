package io.cetus.api.core;

import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.cetus.api.internal.Copies;
import io.cetus.api.meta.ApiObject;
import io.cetus.api.meta.ObjectMeta;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Configuration for pods as key-value pairs: text in {@code data}, base64-encoded bytes in {@code
 * binaryData}.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"apiVersion", "kind", "metadata", "spec", "status"})
public record ConfigMap(
    String apiVersion,
    String kind,
    ObjectMeta metadata,
    @Nullable Boolean immutable,
    Map<String, String> data,
    Map<String, String> binaryData)
    implements ApiObject {

  public static final String API_VERSION = "v1";
  public static final String KIND = "ConfigMap";

  public ConfigMap {
    apiVersion = Objects.requireNonNullElse(apiVersion, API_VERSION);
    kind = Objects.requireNonNullElse(kind, KIND);
    metadata = Copies.metadata(metadata);
    data = Copies.stringMap(data);
    binaryData = Copies.stringMap(binaryData);
  }

  public ConfigMap withMetadata(ObjectMeta newMetadata) {
    return new ConfigMap(apiVersion, kind, newMetadata, immutable, data, binaryData);
  }

  public ConfigMap withData(Map<String, String> newData) {
    return new ConfigMap(apiVersion, kind, metadata, immutable, newData, binaryData);
  }
}
