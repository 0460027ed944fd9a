package io.cetus.objectstore.gc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.cetus.api.resource.ResourceType;
import io.cetus.objectstore.service.Meta;

import tools.jackson.databind.node.ObjectNode;

/**
 * The garbage collector's picture of who owns whom: every object by uid, and the dependents of
 * every owner uid. Fed by the store's change streams and rebuilt by each sweep; it only points at
 * candidates, which are checked against the store before anything is deleted. Not thread-safe: used
 * on the collector's thread only.
 */
final class OwnerIndex {

  private final Map<String, ObjectRef> objects = new HashMap<>();
  private final Map<String, Set<String>> dependents = new HashMap<>();
  private final Map<String, List<String>> owners = new HashMap<>();

  void clear() {
    objects.clear();
    dependents.clear();
    owners.clear();
  }

  void put(ResourceType type, ObjectNode object) {
    ObjectRef ref = ObjectRef.of(type, object);
    if (ref == null) {
      return;
    }
    unlink(ref.uid());
    objects.put(ref.uid(), ref);
    List<String> ownerUids = new ArrayList<>();
    for (ObjectNode owner : Meta.ownerReferences(object)) {
      String ownerUid = Meta.nonEmpty(owner, "uid");
      if (ownerUid != null) {
        ownerUids.add(ownerUid);
        dependents.computeIfAbsent(ownerUid, uid -> new HashSet<>()).add(ref.uid());
      }
    }
    if (!ownerUids.isEmpty()) {
      owners.put(ref.uid(), ownerUids);
    }
  }

  /** Forgets an object; the links to its own dependents stay until they are gone too. */
  void remove(String uid) {
    unlink(uid);
    objects.remove(uid);
  }

  boolean knows(String uid) {
    return objects.containsKey(uid);
  }

  @Nullable ObjectRef get(String uid) {
    return objects.get(uid);
  }

  /** The known dependents of an owner. */
  List<ObjectRef> dependentsOf(String ownerUid) {
    List<ObjectRef> refs = new ArrayList<>();
    for (String uid : dependents.getOrDefault(ownerUid, Set.of())) {
      ObjectRef ref = objects.get(uid);
      if (ref != null) {
        refs.add(ref);
      }
    }
    return refs;
  }

  boolean hasDependents(String ownerUid) {
    return !dependentsOf(ownerUid).isEmpty();
  }

  private void unlink(String uid) {
    List<String> previous = owners.remove(uid);
    if (previous == null) {
      return;
    }
    for (String ownerUid : previous) {
      Set<String> set = dependents.get(ownerUid);
      if (set != null) {
        set.remove(uid);
        if (set.isEmpty()) {
          dependents.remove(ownerUid);
        }
      }
    }
  }
}
