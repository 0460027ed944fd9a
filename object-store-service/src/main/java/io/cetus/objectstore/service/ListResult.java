package io.cetus.objectstore.service;

import java.util.List;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.node.ObjectNode;

/**
 * One page of a list.
 *
 * @param resourceVersion the revision the list was read at; a watch from it misses nothing
 * @param continueToken the token for the next page, or null when this was the last
 */
public record ListResult(
    List<ObjectNode> items, String resourceVersion, @Nullable String continueToken) {

  public ListResult {
    items = List.copyOf(items);
  }
}
