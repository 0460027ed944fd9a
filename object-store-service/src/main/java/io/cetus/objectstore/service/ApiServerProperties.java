package io.cetus.objectstore.service;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the API layer, prefix {@code platform.object-store} (shared with the store's own).
 *
 * @param maxBodyBytes the largest request body accepted; larger ones get 413
 * @param gcSweepInterval how often the garbage collector and the namespace lifecycle re-check
 *     everything, as a safety net for changes they missed
 * @param watchBookmarkInterval how often a watch that allows bookmarks gets one
 * @param watchMinTimeout the shortest a watch without {@code timeoutSeconds} stays open
 * @param watchMaxTimeout the longest; each such watch picks a random length in between, so that
 *     clients do not all reconnect at once
 * @param watchQueueLimit the most events one slow watcher may have pending before its watch is
 *     ended (the client then lists and watches again)
 */
@ConfigurationProperties("platform.object-store")
public record ApiServerProperties(
    @DefaultValue("3MB") DataSize maxBodyBytes,
    @DefaultValue("30s") Duration gcSweepInterval,
    @DefaultValue("1m") Duration watchBookmarkInterval,
    @DefaultValue("30m") Duration watchMinTimeout,
    @DefaultValue("60m") Duration watchMaxTimeout,
    @DefaultValue("10000") int watchQueueLimit) {}
