package io.cetus.client;

import org.jspecify.annotations.Nullable;

/**
 * What a watch asks for, as Kubernetes' watch query parameters.
 *
 * @param resourceVersion deliver changes after this revision; {@code null}, {@code ""} or {@code
 *     "0"} start with a synthetic {@code ADDED} per existing object
 * @param timeoutSeconds the server ends the stream after this long; {@code null} for its default
 * @param allowWatchBookmarks let the server send {@code BOOKMARK} events that only advance the
 *     revision
 */
public record WatchOptions(
    @Nullable String resourceVersion,
    @Nullable String labelSelector,
    @Nullable String fieldSelector,
    @Nullable Integer timeoutSeconds,
    boolean allowWatchBookmarks) {

  /** Changes after {@code resourceVersion}, no selectors, server-default timeout, no bookmarks. */
  public static WatchOptions from(@Nullable String resourceVersion) {
    return new WatchOptions(resourceVersion, null, null, null, false);
  }

  /** A watch matching the selectors of a list. */
  public static WatchOptions matching(ListOptions list, @Nullable String resourceVersion) {
    return new WatchOptions(
        resourceVersion, list.labelSelector(), list.fieldSelector(), null, false);
  }

  public WatchOptions withLabelSelector(@Nullable String selector) {
    return new WatchOptions(
        resourceVersion, selector, fieldSelector, timeoutSeconds, allowWatchBookmarks);
  }

  public WatchOptions withFieldSelector(@Nullable String selector) {
    return new WatchOptions(
        resourceVersion, labelSelector, selector, timeoutSeconds, allowWatchBookmarks);
  }

  public WatchOptions withTimeoutSeconds(@Nullable Integer seconds) {
    return new WatchOptions(
        resourceVersion, labelSelector, fieldSelector, seconds, allowWatchBookmarks);
  }

  public WatchOptions withBookmarks(boolean allow) {
    return new WatchOptions(resourceVersion, labelSelector, fieldSelector, timeoutSeconds, allow);
  }
}
