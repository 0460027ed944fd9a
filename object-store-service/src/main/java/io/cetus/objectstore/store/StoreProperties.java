package io.cetus.objectstore.store;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Storage settings, prefix {@code platform.object-store}.
 *
 * @param backend {@code redis} (the default; address from {@code spring.data.redis.url}) or {@code
 *     memory} (one process, nothing survives a restart)
 * @param eventTtl how long objects of kind Event live after their last write
 * @param watchHistory how long changes stay in the streams before compaction; a watch from an older
 *     revision gets 410 Expired
 * @param compactionInterval how often the compactor runs
 */
@ConfigurationProperties("platform.object-store")
public record StoreProperties(
    @DefaultValue("redis") Backend backend,
    @DefaultValue("1h") Duration eventTtl,
    @DefaultValue("5m") Duration watchHistory,
    @DefaultValue("1m") Duration compactionInterval) {

  public enum Backend {
    REDIS,
    MEMORY
  }
}
