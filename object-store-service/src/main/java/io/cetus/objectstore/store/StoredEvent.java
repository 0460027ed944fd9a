package io.cetus.objectstore.store;

import tools.jackson.databind.node.ObjectNode;

/** One change of one object, as the store's streams record it. */
public record StoredEvent(Type type, ObjectNode object, long revision) {

  public enum Type {
    ADDED,
    MODIFIED,
    DELETED
  }
}
