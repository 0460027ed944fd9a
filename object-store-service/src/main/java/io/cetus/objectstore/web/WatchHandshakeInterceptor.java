package io.cetus.objectstore.web;

import java.io.IOException;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;

import io.cetus.api.errors.ApiException;
import io.cetus.api.json.Json;
import io.cetus.objectstore.service.WatchRequest;
import io.cetus.objectstore.table.TableConverter;
import io.cetus.objectstore.table.TableConverter.IncludeObject;

/**
 * Checks a WebSocket watch before the upgrade: the path must be a collection and the parameters
 * valid, else the client gets the {@code Status} as a complete HTTP answer instead of a WebSocket.
 * What the watch needs travels to {@link WatchWebSocketHandler} in the session attributes.
 */
final class WatchHandshakeInterceptor implements HandshakeInterceptor {

  static final String REQUEST = "cetus.watch.request";
  static final String TABLE = "cetus.watch.table";
  static final String INCLUDE = "cetus.watch.include";

  @Override
  public boolean beforeHandshake(
      ServerHttpRequest request,
      ServerHttpResponse response,
      WebSocketHandler handler,
      Map<String, Object> attributes)
      throws IOException {
    try {
      String path = request.getURI().getRawPath();
      if (request instanceof ServletServerHttpRequest servlet) {
        String context = servlet.getServletRequest().getContextPath();
        path = servlet.getServletRequest().getRequestURI().substring(context.length());
      }
      if (!(ApiPathParser.parse(path) instanceof ApiPath.Collection collection)) {
        throw ApiResource.methodNotAllowed();
      }
      Query query = Query.parse(request.getURI().getRawQuery());
      WatchRequest watch = ApiResource.watchRequest(collection, query);
      attributes.put(REQUEST, watch);
      attributes.put(
          TABLE, TableConverter.wantsTable(request.getHeaders().getFirst(HttpHeaders.ACCEPT)));
      attributes.put(INCLUDE, IncludeObject.fromQueryParameter(query.get("includeObject")));
      return true;
    } catch (ApiException e) {
      response.setStatusCode(HttpStatusCode.valueOf(e.code()));
      response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
      response.getBody().write(Json.mapper().writeValueAsBytes(e.status()));
      return false;
    }
  }

  @Override
  public void afterHandshake(
      ServerHttpRequest request,
      ServerHttpResponse response,
      WebSocketHandler handler,
      @Nullable Exception exception) {}
}
