package io.cetus.api.meta;

import java.util.Optional;

/** Looks up the owner references controllers and the garbage collector follow. */
public final class Owners {

  private Owners() {}

  /** The owner reference marked {@code controller: true}, if any; there is at most one. */
  public static Optional<OwnerReference> controllerOf(ApiObject object) {
    for (OwnerReference reference : object.metadata().ownerReferences()) {
      if (reference.isController()) {
        return Optional.of(reference);
      }
    }
    return Optional.empty();
  }

  /**
   * Whether {@code owner} is the controller of {@code dependent}, compared by uid: an object of the
   * same name created after the old one was deleted does not control the old one's dependents.
   */
  public static boolean isControlledBy(ApiObject dependent, ApiObject owner) {
    String uid = owner.metadata().uid();
    return uid != null
        && controllerOf(dependent).map(reference -> uid.equals(reference.uid())).orElse(false);
  }
}
