package io.cetus.objectstore.allocation;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where Services' addresses come from, prefix {@code platform.object-store} (shared with the
 * store's other settings); the names follow kube-apiserver's flags.
 *
 * @param serviceClusterIpRange the IPv4 network cluster IPs are allocated from ({@code
 *     CETUS_SERVICE_CLUSTER_IP_RANGE}); its network and broadcast addresses are never handed out.
 *     The service proxy holds these addresses, so it must be told the same range.
 * @param serviceNodePortRange the ports node ports are allocated from, {@code A-B} ({@code
 *     CETUS_SERVICE_NODE_PORT_RANGE})
 * @param allocationRepairInterval how often the repair pass rebuilds the allocation state from the
 *     stored Services (it also runs at start); a value nobody uses is given back after three passes
 */
@ConfigurationProperties("platform.object-store")
public record ServiceNetworkProperties(
    @DefaultValue("10.242.128.0/18") ServiceIpRange serviceClusterIpRange,
    @DefaultValue("30000-32767") PortRange serviceNodePortRange,
    @DefaultValue("3m") Duration allocationRepairInterval) {}
