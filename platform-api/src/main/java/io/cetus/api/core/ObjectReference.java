package io.cetus.api.core;

import org.jspecify.annotations.Nullable;

import io.cetus.api.meta.ApiObject;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Points at another object, e.g. the object an {@code Event} is about or the node a {@code Binding}
 * assigns a pod to. Every field is optional; which ones matter depends on the use.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ObjectReference(
    @Nullable String kind,
    @Nullable String namespace,
    @Nullable String name,
    @Nullable String uid,
    @Nullable String apiVersion,
    @Nullable String resourceVersion,
    @Nullable String fieldPath) {

  /** The zero value, which a manifest that leaves this out stands for. */
  public static final ObjectReference EMPTY =
      new ObjectReference(null, null, null, null, null, null, null);

  /** A reference to {@code object} by kind, namespace, name, uid and apiVersion. */
  public static ObjectReference of(ApiObject object) {
    return new ObjectReference(
        object.kind(),
        object.metadata().namespace(),
        object.metadata().name(),
        object.metadata().uid(),
        object.apiVersion(),
        null,
        null);
  }
}
