package io.cetus.api.meta;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

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
    // named explicitly so that ignoring isController() below does not hide the field
    @JsonProperty("controller") @Nullable Boolean controller,
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

  @JsonIgnore
  public boolean isController() {
    return Boolean.TRUE.equals(controller);
  }
}
