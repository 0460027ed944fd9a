package io.cetus.objectstore.web;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.AbstractWebSocketHandler;

import io.cetus.api.errors.ApiException;
import io.cetus.api.json.Json;
import io.cetus.api.watch.WatchEvent;
import io.cetus.objectstore.service.Watch;
import io.cetus.objectstore.service.WatchQuery;
import io.cetus.objectstore.service.WatchRequest;
import io.cetus.objectstore.table.TableConverter;
import io.cetus.objectstore.table.TableConverter.IncludeObject;

/**
 * Serves a watch over a WebSocket: each event is one text frame holding the same JSON as a line of
 * the HTTP watch. The watch runs on its own virtual thread; the socket is closed normally when the
 * watch ends, and the watch is stopped when the client closes the socket.
 */
final class WatchWebSocketHandler extends AbstractWebSocketHandler {

  private static final Logger log = LoggerFactory.getLogger(WatchWebSocketHandler.class);

  private final WatchQuery watches;
  private final TableConverter tables;
  private final Map<String, Watch> open = new ConcurrentHashMap<>();

  WatchWebSocketHandler(WatchQuery watches, TableConverter tables) {
    this.watches = watches;
    this.tables = tables;
  }

  @Override
  public void afterConnectionEstablished(WebSocketSession session) {
    Map<String, Object> attributes = session.getAttributes();
    WatchRequest request = (WatchRequest) attributes.get(WatchHandshakeInterceptor.REQUEST);
    WatchEventEncoder encoder =
        new WatchEventEncoder(
            request.type(),
            Boolean.TRUE.equals(attributes.get(WatchHandshakeInterceptor.TABLE)) ? tables : null,
            (IncludeObject) attributes.get(WatchHandshakeInterceptor.INCLUDE));
    Thread.ofVirtual()
        .name("websocket-watch-" + session.getId())
        .start(() -> run(session, request, encoder));
  }

  private void run(WebSocketSession session, WatchRequest request, WatchEventEncoder encoder) {
    try {
      Watch watch = watches.open(request);
      open.put(session.getId(), watch);
      if (!session.isOpen()) {
        watch.stop();
      }
      try (watch) {
        watch.stream(
            (type, object) -> session.sendMessage(new TextMessage(encoder.encode(type, object))));
      }
    } catch (ApiException e) {
      sendQuietly(
          session,
          new TextMessage(encoder.encode(WatchEvent.ERROR, Json.mapper().valueToTree(e.status()))));
    } catch (IOException | RuntimeException e) {
      log.debug("websocket watch ended: {}", e.toString());
    } finally {
      open.remove(session.getId());
      closeQuietly(session);
    }
  }

  @Override
  public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
    Watch watch = open.remove(session.getId());
    if (watch != null) {
      watch.stop();
    }
  }

  private static void sendQuietly(WebSocketSession session, TextMessage message) {
    try {
      session.sendMessage(message);
    } catch (IOException | RuntimeException e) {
      log.debug("could not send to websocket {}: {}", session.getId(), e.toString());
    }
  }

  private static void closeQuietly(WebSocketSession session) {
    try {
      if (session.isOpen()) {
        session.close(CloseStatus.NORMAL);
      }
    } catch (IOException e) {
      log.debug("could not close websocket {}: {}", session.getId(), e.toString());
    }
  }
}
