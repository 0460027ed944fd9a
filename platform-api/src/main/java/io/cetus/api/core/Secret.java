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
 * Sensitive configuration: {@code data} values are base64-encoded; {@code stringData} is a
 * write-only convenience that the server merges into {@code data}.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"apiVersion", "kind", "metadata", "spec", "status"})
public record Secret(
    String apiVersion,
    String kind,
    ObjectMeta metadata,
    @Nullable Boolean immutable,
    Map<String, String> data,
    Map<String, String> stringData,
    @Nullable String type)
    implements ApiObject {

  public static final String API_VERSION = "v1";
  public static final String KIND = "Secret";

  public static final String TYPE_OPAQUE = "Opaque";

  public Secret {
    apiVersion = Objects.requireNonNullElse(apiVersion, API_VERSION);
    kind = Objects.requireNonNullElse(kind, KIND);
    metadata = Copies.metadata(metadata);
    data = Copies.stringMap(data);
    stringData = Copies.stringMap(stringData);
  }

  public Secret withMetadata(ObjectMeta newMetadata) {
    return new Secret(apiVersion, kind, newMetadata, immutable, data, stringData, type);
  }

  public Secret withData(Map<String, String> newData) {
    return new Secret(apiVersion, kind, metadata, immutable, newData, stringData, type);
  }
}
