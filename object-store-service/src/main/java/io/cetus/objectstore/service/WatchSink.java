package io.cetus.objectstore.service;

import java.io.IOException;

import tools.jackson.databind.node.ObjectNode;

/** Where a {@link Watch} delivers its events: an HTTP stream or a WebSocket. */
public interface WatchSink {

  /**
   * Sends one event and makes sure it reaches the client now (no buffering).
   *
   * @param type ADDED, MODIFIED, DELETED, BOOKMARK or ERROR
   * @param object the object, a bookmark (kind and {@code metadata.resourceVersion} only) or, for
   *     ERROR, a {@code Status}; never modified by the sink's caller afterwards
   * @throws IOException when the client is gone; the watch then ends
   */
  void send(String type, ObjectNode object) throws IOException;
}
