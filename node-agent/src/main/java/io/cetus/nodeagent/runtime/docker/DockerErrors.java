package io.cetus.nodeagent.runtime.docker;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import io.cetus.nodeagent.runtime.ContainerRuntimeException;
import io.cetus.nodeagent.runtime.RuntimeUnavailableException;

import com.github.dockerjava.api.exception.DockerException;

/**
 * Turns docker-java's failures into the runtime's exceptions. None of its types escape, not even as
 * a cause: an engine's answer is carried by the message, a connection failure by its JDK {@link
 * IOException}.
 */
final class DockerErrors {

  private static final Pattern MESSAGE =
      Pattern.compile("\"message\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

  private DockerErrors() {}

  /**
   * A failure of {@code operation}: a connection problem becomes {@link
   * RuntimeUnavailableException}, an engine answer a {@link ContainerRuntimeException} with the
   * engine's message.
   */
  static ContainerRuntimeException translate(RuntimeException e, String operation) {
    if (e instanceof ContainerRuntimeException runtime) {
      return runtime;
    }
    if (isUnavailable(e)) {
      return new RuntimeUnavailableException(
          "Docker engine unavailable during " + operation + ": " + rootMessage(e), ioCause(e));
    }
    return new ContainerRuntimeException(operation + " failed: " + message(e));
  }

  /** The JDK I/O error behind a failure, if there is one: the only cause worth passing on. */
  static @Nullable IOException ioCause(@Nullable Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof IOException io) {
        return io;
      }
    }
    return null;
  }

  /** The engine did not answer: the cause chain holds an I/O error and no HTTP status. */
  static boolean isUnavailable(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof DockerException) {
        return false;
      }
      if (t instanceof IOException) {
        return true;
      }
    }
    return false;
  }

  /** The engine's own message ({@code {"message": "..."}}) when there is one. */
  static String message(Throwable e) {
    String text = String.valueOf(e.getMessage());
    Matcher matcher = MESSAGE.matcher(text);
    if (matcher.find()) {
      return matcher.group(1).replace("\\\"", "\"").replace("\\n", " ").strip();
    }
    return text.strip();
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }
}
