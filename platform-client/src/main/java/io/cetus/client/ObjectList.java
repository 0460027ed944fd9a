package io.cetus.client;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One page of a list.
 *
 * @param resourceVersion the revision the list was read at: a watch from it sees every later change
 *     and none that the list already holds
 * @param continueToken the token of the next page, or {@code null} on the last page
 */
public record ObjectList<T>(List<T> items, String resourceVersion, @Nullable String continueToken) {

  public ObjectList {
    items = List.copyOf(items);
  }

  /** Whether more pages follow. */
  public boolean hasMore() {
    return continueToken != null && !continueToken.isEmpty();
  }
}
