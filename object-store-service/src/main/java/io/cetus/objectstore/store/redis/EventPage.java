package io.cetus.objectstore.store.redis;

import java.util.List;

import io.cetus.objectstore.store.StoredEvent;

/**
 * Events of one stream after some revision, read at one instant together with the compacted and the
 * current revision. When {@code compacted} is above the revision asked for, events may be missing
 * and {@code events} is empty.
 */
record EventPage(long compacted, long revision, List<StoredEvent> events) {

  EventPage {
    events = List.copyOf(events);
  }
}
