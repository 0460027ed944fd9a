package io.cetus.objectstore.store;

import java.util.List;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.node.ObjectNode;

/**
 * One page of a list.
 *
 * @param revision the revision the page was read at; a watch from it misses nothing
 * @param continueAfter where the next page starts, or null when this was the last page
 */
public record StoreList(List<ObjectNode> items, long revision, @Nullable String continueAfter) {

  public StoreList {
    items = List.copyOf(items);
  }
}
