package io.cetus.api.meta;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.cetus.api.internal.Copies;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Kubernetes' {@code ObjectMeta}. The server sets {@code uid}, {@code resourceVersion}, {@code
 * generation} and the timestamps; clients set the rest. {@code resourceVersion} is opaque: compare
 * it only for equality.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ObjectMeta(
    @Nullable String name,
    @Nullable String generateName,
    @Nullable String namespace,
    @Nullable String uid,
    @Nullable String resourceVersion,
    @Nullable Long generation,
    @Nullable Instant creationTimestamp,
    @Nullable Instant deletionTimestamp,
    @Nullable Long deletionGracePeriodSeconds,
    Map<String, String> labels,
    Map<String, String> annotations,
    List<OwnerReference> ownerReferences,
    List<String> finalizers) {

  public ObjectMeta {
    // sorted copies: an object must serialize the same way in every JVM
    labels = Copies.stringMap(labels);
    annotations = Copies.stringMap(annotations);
    ownerReferences = ownerReferences == null ? List.of() : List.copyOf(ownerReferences);
    finalizers = finalizers == null ? List.of() : List.copyOf(finalizers);
  }

  /** Metadata naming an object, for creating it. */
  public static ObjectMeta named(@Nullable String namespace, String name) {
    return new ObjectMeta(
        name, null, namespace, null, null, null, null, null, null, null, null, null, null);
  }

  @JsonIgnore
  public boolean isBeingDeleted() {
    return deletionTimestamp != null;
  }

  public ObjectMeta withName(@Nullable String newName) {
    return new ObjectMeta(
        newName,
        generateName,
        namespace,
        uid,
        resourceVersion,
        generation,
        creationTimestamp,
        deletionTimestamp,
        deletionGracePeriodSeconds,
        labels,
        annotations,
        ownerReferences,
        finalizers);
  }

  public ObjectMeta withGenerateName(@Nullable String prefix) {
    return new ObjectMeta(
        name,
        prefix,
        namespace,
        uid,
        resourceVersion,
        generation,
        creationTimestamp,
        deletionTimestamp,
        deletionGracePeriodSeconds,
        labels,
        annotations,
        ownerReferences,
        finalizers);
  }

  public ObjectMeta withNamespace(@Nullable String newNamespace) {
    return new ObjectMeta(
        name,
        generateName,
        newNamespace,
        uid,
        resourceVersion,
        generation,
        creationTimestamp,
        deletionTimestamp,
        deletionGracePeriodSeconds,
        labels,
        annotations,
        ownerReferences,
        finalizers);
  }

  public ObjectMeta withResourceVersion(@Nullable String newResourceVersion) {
    return new ObjectMeta(
        name,
        generateName,
        namespace,
        uid,
        newResourceVersion,
        generation,
        creationTimestamp,
        deletionTimestamp,
        deletionGracePeriodSeconds,
        labels,
        annotations,
        ownerReferences,
        finalizers);
  }

  public ObjectMeta withLabels(Map<String, String> newLabels) {
    return new ObjectMeta(
        name,
        generateName,
        namespace,
        uid,
        resourceVersion,
        generation,
        creationTimestamp,
        deletionTimestamp,
        deletionGracePeriodSeconds,
        newLabels,
        annotations,
        ownerReferences,
        finalizers);
  }

  /** A copy with {@code key=value} added to the labels, replacing any earlier value. */
  public ObjectMeta withLabel(String key, String value) {
    Map<String, String> merged = new HashMap<>(labels);
    merged.put(key, value);
    return withLabels(merged);
  }

  public ObjectMeta withAnnotations(Map<String, String> newAnnotations) {
    return new ObjectMeta(
        name,
        generateName,
        namespace,
        uid,
        resourceVersion,
        generation,
        creationTimestamp,
        deletionTimestamp,
        deletionGracePeriodSeconds,
        labels,
        newAnnotations,
        ownerReferences,
        finalizers);
  }

  public ObjectMeta withOwnerReferences(List<OwnerReference> newOwnerReferences) {
    return new ObjectMeta(
        name,
        generateName,
        namespace,
        uid,
        resourceVersion,
        generation,
        creationTimestamp,
        deletionTimestamp,
        deletionGracePeriodSeconds,
        labels,
        annotations,
        newOwnerReferences,
        finalizers);
  }

  public ObjectMeta withFinalizers(List<String> newFinalizers) {
    return new ObjectMeta(
        name,
        generateName,
        namespace,
        uid,
        resourceVersion,
        generation,
        creationTimestamp,
        deletionTimestamp,
        deletionGracePeriodSeconds,
        labels,
        annotations,
        ownerReferences,
        newFinalizers);
  }
}
