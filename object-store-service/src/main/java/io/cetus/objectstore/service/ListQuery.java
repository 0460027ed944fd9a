package io.cetus.objectstore.service;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.cetus.api.errors.ApiException;
import io.cetus.api.resource.ResourceType;
import io.cetus.objectstore.store.ObjectStore;
import io.cetus.objectstore.store.StoreList;

import tools.jackson.databind.node.ObjectNode;

/**
 * Lists with selectors and paging. The store pages by key and this class filters, reading further
 * pages until {@code limit} matches are found or the store runs out; the list is always current (a
 * {@code resourceVersion} asked for is not honoured, which Kubernetes allows for lists served from
 * storage), and its resourceVersion is the revision the first page was read at, so a watch from it
 * may repeat a change but never misses one. A list in a namespace that does not exist is empty.
 */
@Component
class ListQuery {

  private final ObjectStore store;

  ListQuery(ObjectStore store) {
    this.store = store;
  }

  ListResult list(ResourceType type, @Nullable String namespace, ListOptions options) {
    if (options.limit() < 0) {
      throw ApiException.badRequest("limit must not be negative, got " + options.limit());
    }
    int limit = (int) Math.min(options.limit(), Integer.MAX_VALUE);
    String after = ContinueTokens.decode(options.continueToken());
    List<ObjectNode> items = new ArrayList<>();
    long revision = -1;
    do {
      StoreList page = store.list(type, namespace, after, limit == 0 ? 0 : limit - items.size());
      if (revision < 0) {
        revision = page.revision();
      }
      for (ObjectNode item : page.items()) {
        if (options.selection().matches(item)) {
          items.add(item);
        }
      }
      after = page.continueAfter();
    } while (limit > 0 && items.size() < limit && after != null);
    return new ListResult(items, Long.toString(revision), ContinueTokens.encode(after));
  }

  /** Every object of the type in the namespace (all namespaces when null) the selection matches. */
  List<ObjectNode> all(ResourceType type, @Nullable String namespace, Selection selection) {
    return list(type, namespace, new ListOptions(selection, 0, null)).items();
  }
}
