package io.cetus.client.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

/** Builds a URL query, percent-encoding values and leaving out absent ones. */
final class QueryString {

  private final StringBuilder text = new StringBuilder();

  QueryString add(String name, @Nullable Object value) {
    if (value == null || value.toString().isEmpty()) {
      return this;
    }
    text.append(text.isEmpty() ? '?' : '&')
        .append(name)
        .append('=')
        .append(encode(value.toString()));
    return this;
  }

  static String encode(String value) {
    // URLEncoder encodes for forms, where a space is '+'; in a URL it must be %20.
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  @Override
  public String toString() {
    return text.toString();
  }
}
