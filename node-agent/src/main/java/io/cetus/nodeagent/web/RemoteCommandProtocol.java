package io.cetus.nodeagent.web;

import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The WebSocket subprotocols of Kubernetes' remote-command streams that the agent speaks. Both are
 * binary, one message per frame, first byte the channel: 0 stdin, 1 stdout, 2 stderr, 3 the final
 * {@code Status} (JSON), 4 terminal resize ({@code {"Width":..,"Height":..}}). {@code
 * v5.channel.k8s.io} (stock kubectl since 1.30) adds 255, the close signal: {@code [0xFF, 0x00]}
 * means stdin has ended. {@code v4.channel.k8s.io} (client libraries) has no such signal: stdin
 * ends only with the connection.
 */
final class RemoteCommandProtocol {

  static final String V5 = "v5.channel.k8s.io";
  static final String V4 = "v4.channel.k8s.io";
  static final List<String> NAMES = List.of(V5, V4);

  static final byte STDIN = 0;
  static final byte STDOUT = 1;
  static final byte STDERR = 2;
  static final byte ERROR = 3;
  static final byte RESIZE = 4;
  static final byte CLOSE = (byte) 255;

  private RemoteCommandProtocol() {}

  /** The first protocol the client offers that the agent speaks, or null if none. */
  static @Nullable String select(@Nullable Enumeration<String> headers) {
    if (headers == null) {
      return null;
    }
    for (String header : Collections.list(headers)) {
      for (String offered : header.split(",")) {
        if (NAMES.contains(offered.strip())) {
          return offered.strip();
        }
      }
    }
    return null;
  }
}
