package io.cetus.api.meta;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Points from a dependent to its owner; the garbage collector deletes dependents whose owners are
 * gone, and {@code controller=true} marks the one owner that manages the object.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OwnerReference(
    String apiVersion,
    String kind,
    String name,
    String uid,
    @Nullable Boolean controller,
    @Nullable Boolean blockOwnerDeletion) {

  /** The controller reference a workload controller puts on what it creates. */
  public static OwnerReference controllerOf(ApiObject owner) {
    return new OwnerReference(
        owner.apiVersion(),
        owner.kind(),
        owner.metadata().name(),
        owner.metadata().uid(),
        true,
        true);
  }

  public boolean isController() {
    return Boolean.TRUE.equals(controller);
  }
}
