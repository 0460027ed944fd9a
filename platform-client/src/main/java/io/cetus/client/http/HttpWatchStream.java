package io.cetus.client.http;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cetus.api.errors.ApiException;
import io.cetus.api.json.Json;
import io.cetus.api.watch.WatchEvent;
import io.cetus.client.WatchStream;
import io.cetus.client.json.ClientJson;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** A watch answer read one newline-delimited JSON event at a time, as the server flushes them. */
final class HttpWatchStream<T> implements WatchStream<T> {

  private static final Logger log = LoggerFactory.getLogger(HttpWatchStream.class);

  private final InputStream body;
  private final BufferedReader lines;
  private final Class<T> javaType;
  private final String what;
  private volatile boolean closed;

  HttpWatchStream(InputStream body, Class<T> javaType, String what) {
    this.body = body;
    this.lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
    this.javaType = javaType;
    this.what = what;
  }

  @Override
  public Optional<WatchEvent<T>> next() {
    while (!closed) {
      String line;
      try {
        line = lines.readLine();
      } catch (IOException e) {
        if (closed) {
          return Optional.empty();
        }
        throw ErrorDecoder.unreachable(what, e);
      }
      if (line == null || closed) {
        close();
        return Optional.empty();
      }
      if (line.isBlank()) {
        continue;
      }
      Optional<WatchEvent<T>> event = decode(line);
      if (event.isPresent()) {
        return event;
      }
    }
    return Optional.empty();
  }

  private Optional<WatchEvent<T>> decode(String line) {
    JsonNode event;
    try {
      event = Json.mapper().readTree(line);
    } catch (JacksonException e) {
      throw ErrorDecoder.undecodable(what, e);
    }
    String type = event.path("type").asString("");
    JsonNode object = event.path("object");
    if (WatchEvent.ERROR.equals(type)) {
      ApiException error = ErrorDecoder.fromStatus(object, 500);
      close();
      throw error;
    }
    try {
      return Optional.of(new WatchEvent<>(type, ClientJson.mapper().treeToValue(object, javaType)));
    } catch (JacksonException e) {
      if (WatchEvent.BOOKMARK.equals(type)) {
        // A bookmark only advances the revision; a kind that cannot be built from bare metadata
        // simply does without it.
        log.debug("{}: skipping a bookmark that does not decode: {}", what, e.getMessage());
        return Optional.empty();
      }
      throw ErrorDecoder.undecodable(what, e);
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      body.close();
    } catch (IOException e) {
      log.debug("{}: closing the stream failed", what, e);
    }
  }
}
