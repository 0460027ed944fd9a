package io.cetus.objectstore.store.support;

import java.util.List;

import io.cetus.objectstore.store.StoredEvent;

/** The stored change history of one resource type, read page by page. */
@FunctionalInterface
public interface EventHistory {

  /**
   * Up to {@code max} events with a revision above {@code revision}, in revision order; empty when
   * there are none yet.
   *
   * @throws io.cetus.api.errors.ApiException Expired when history after {@code revision} may have
   *     been compacted away
   */
  List<StoredEvent> after(long revision, int max);
}
