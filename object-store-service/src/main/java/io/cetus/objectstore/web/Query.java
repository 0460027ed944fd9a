package io.cetus.objectstore.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.cetus.api.errors.ApiException;

/**
 * The query parameters of a request, read from the query string alone (never from a form body). The
 * first value of a repeated parameter counts; unknown parameters are simply never asked for.
 */
final class Query {

  private final Map<String, String> values;

  private Query(Map<String, String> values) {
    this.values = values;
  }

  static Query parse(@Nullable String queryString) {
    Map<String, String> values = new HashMap<>();
    if (queryString != null && !queryString.isEmpty()) {
      for (String pair : queryString.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int equals = pair.indexOf('=');
        String name = decode(equals < 0 ? pair : pair.substring(0, equals));
        String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
        values.putIfAbsent(name, value);
      }
    }
    return new Query(values);
  }

  @Nullable String get(String name) {
    return values.get(name);
  }

  /**
   * A boolean the way Kubernetes reads one: present with any value but {@code 0} or {@code false}
   * (in any case) is true. Python's client sends {@code watch=True}.
   */
  boolean flag(String name) {
    String value = values.get(name);
    return value != null && !value.equals("0") && !value.toLowerCase(Locale.ROOT).equals("false");
  }

  long longValue(String name, long absent) {
    String value = values.get(name);
    if (value == null || value.isEmpty()) {
      return absent;
    }
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(name + " must be an integer, got \"" + value + "\"");
    }
  }

  @Nullable Duration seconds(String name) {
    long seconds = longValue(name, -1);
    return seconds < 0 ? null : Duration.ofSeconds(seconds);
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("the query string is not correctly percent-encoded");
    }
  }
}
