package io.cetus.client.http;

import org.jspecify.annotations.Nullable;

/**
 * One request that is answered as a whole (everything but a watch): the method, the path and query
 * below the server's base URL, and an optional body with its content type.
 */
record ApiRequest(
    String method, String pathAndQuery, @Nullable String contentType, byte @Nullable [] body) {

  static ApiRequest get(String pathAndQuery) {
    return new ApiRequest("GET", pathAndQuery, null, null);
  }

  static ApiRequest delete(String pathAndQuery) {
    return new ApiRequest("DELETE", pathAndQuery, null, null);
  }

  static ApiRequest withBody(String method, String pathAndQuery, String contentType, byte[] body) {
    return new ApiRequest(method, pathAndQuery, contentType, body);
  }

  /** Sending it twice has the effect of sending it once (RFC 9110 §9.2.2). */
  boolean idempotent() {
    return switch (method) {
      case "GET", "HEAD", "PUT", "DELETE" -> true;
      default -> false;
    };
  }

  /** How errors name it: the method and the path, without the query. */
  String describe() {
    int query = pathAndQuery.indexOf('?');
    return method + " " + (query < 0 ? pathAndQuery : pathAndQuery.substring(0, query));
  }
}
