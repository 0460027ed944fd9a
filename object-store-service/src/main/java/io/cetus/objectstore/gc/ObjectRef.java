package io.cetus.objectstore.gc;

import org.jspecify.annotations.Nullable;

import io.cetus.api.resource.ResourceType;
import io.cetus.objectstore.service.Meta;

import tools.jackson.databind.node.ObjectNode;

/** Where one object lives, and which incarnation of the name it is ({@code uid}). */
record ObjectRef(ResourceType type, @Nullable String namespace, String name, String uid) {

  /** The reference to a stored object, or null when it lacks a name or uid. */
  static @Nullable ObjectRef of(ResourceType type, ObjectNode object) {
    String name = Meta.name(object);
    String uid = Meta.uid(object);
    return name == null || uid == null
        ? null
        : new ObjectRef(type, Meta.namespace(object), name, uid);
  }
}
