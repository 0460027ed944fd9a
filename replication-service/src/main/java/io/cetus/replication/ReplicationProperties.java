package io.cetus.replication;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code platform.replication.*}.
 *
 * @param replicaSetWorkers how many replica sets are reconciled at once (one replica set is never
 *     reconciled by two workers at a time)
 */
@ConfigurationProperties("platform.replication")
public record ReplicationProperties(@DefaultValue("4") int replicaSetWorkers) {}
