package io.cetus.client;

/** What happens to an object's dependents (objects naming it in {@code ownerReferences}). */
public enum PropagationPolicy {
  /** The owner goes at once; the garbage collector deletes the dependents afterwards. */
  BACKGROUND("Background"),
  /** The owner stays, marked deleting, until its blocking dependents are gone. */
  FOREGROUND("Foreground"),
  /** The dependents stay; their owner references to it are removed. */
  ORPHAN("Orphan");

  private final String wireName;

  PropagationPolicy(String wireName) {
    this.wireName = wireName;
  }

  /** As Kubernetes spells it in {@code DeleteOptions.propagationPolicy}. */
  public String wireName() {
    return wireName;
  }
}
