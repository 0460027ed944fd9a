package io.cetus.objectstore.service;

import io.cetus.api.resource.ResourceType;
import io.cetus.api.resource.ResourceTypes;

/** Per-kind rules of the metadata lifecycle. */
final class Kinds {

  private Kinds() {}

  /**
   * Kinds with a {@code status} subresource split spec from status: the main resource ignores
   * status changes, {@code /status} ignores everything else, and {@code metadata.generation} counts
   * the spec changes.
   */
  static boolean hasStatusSubresource(ResourceType type) {
    return type.hasSubresource("status");
  }

  /**
   * Kinds whose spec is reconciled by a controller count its changes in {@code
   * metadata.generation}; namespaces and nodes, whose spec nobody reconciles that way, do not.
   */
  static boolean tracksGeneration(ResourceType type) {
    return hasStatusSubresource(type)
        && !type.equals(ResourceTypes.NODES)
        && !type.equals(ResourceTypes.NAMESPACES);
  }

  /**
   * Whether a create drops the client's {@code status}: status is the controllers' to write. Nodes
   * keep theirs (their agent registers them with it) and namespaces get a defaulted phase.
   */
  static boolean resetsStatusOnCreate(ResourceType type) {
    return hasStatusSubresource(type)
        && !type.equals(ResourceTypes.NODES)
        && !type.equals(ResourceTypes.NAMESPACES);
  }

  static boolean isPod(ResourceType type) {
    return type.equals(ResourceTypes.PODS);
  }
}
