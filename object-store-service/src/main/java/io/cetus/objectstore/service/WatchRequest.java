package io.cetus.objectstore.service;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import io.cetus.api.resource.ResourceType;

/**
 * What a watch asks for.
 *
 * @param namespace null for all namespaces (and for cluster-scoped kinds)
 * @param resourceVersion where to start: null, empty or {@code "0"} for the current state first (as
 *     synthetic ADDED events) and then its changes; otherwise the changes after that revision
 * @param timeout how long to stay open; null for the server's default (30 to 60 minutes)
 * @param allowBookmarks whether BOOKMARK events may be sent
 */
public record WatchRequest(
    ResourceType type,
    @Nullable String namespace,
    Selection selection,
    @Nullable String resourceVersion,
    @Nullable Duration timeout,
    boolean allowBookmarks) {}
