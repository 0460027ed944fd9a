package io.cetus.nodeagent.runtime;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Which output {@link ContainerRuntime#logs} returns, as {@code kubectl logs} asks for it.
 *
 * @param follow keep the stream open and deliver new output until the container stops or the reader
 *     closes the stream
 * @param tailLines only the last n lines written so far (then new ones, when following); null for
 *     all
 * @param sinceTime only output written at or after this instant; null for all
 * @param timestamps prefix each line with the time it was written, in RFC 3339 with nanoseconds
 *     ({@code 2026-11-22T00:40:34.934126672Z }) and a space
 * @param limitBytes end the stream after this many bytes; null for no limit
 */
public record LogOptions(
    boolean follow,
    @Nullable Integer tailLines,
    @Nullable Instant sinceTime,
    boolean timestamps,
    @Nullable Long limitBytes) {

  public LogOptions {
    if (tailLines != null && tailLines < 0) {
      throw new IllegalArgumentException("tailLines must not be negative");
    }
    if (limitBytes != null && limitBytes < 1) {
      throw new IllegalArgumentException("limitBytes must be positive");
    }
  }

  /** Everything written so far, then the stream ends. */
  public static LogOptions all() {
    return new LogOptions(false, null, null, false, null);
  }

  public LogOptions withFollow(boolean follow) {
    return new LogOptions(follow, tailLines, sinceTime, timestamps, limitBytes);
  }

  public LogOptions withTailLines(@Nullable Integer tailLines) {
    return new LogOptions(follow, tailLines, sinceTime, timestamps, limitBytes);
  }

  public LogOptions withSinceTime(@Nullable Instant sinceTime) {
    return new LogOptions(follow, tailLines, sinceTime, timestamps, limitBytes);
  }

  public LogOptions withTimestamps(boolean timestamps) {
    return new LogOptions(follow, tailLines, sinceTime, timestamps, limitBytes);
  }

  public LogOptions withLimitBytes(@Nullable Long limitBytes) {
    return new LogOptions(follow, tailLines, sinceTime, timestamps, limitBytes);
  }
}
