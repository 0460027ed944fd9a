package io.cetus.api.core;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.cetus.api.internal.Copies;
import io.cetus.api.quantity.Quantity;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The observed state of a {@link Node}: resources ({@code cpu}, {@code memory}, {@code pods}),
 * conditions such as {@code Ready}, addresses and system facts.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record NodeStatus(
    Map<String, Quantity> capacity,
    Map<String, Quantity> allocatable,
    List<NodeCondition> conditions,
    List<NodeAddress> addresses,
    @Nullable NodeDaemonEndpoints daemonEndpoints,
    NodeSystemInfo nodeInfo) {

  /** The zero value, which a manifest that leaves this out stands for. */
  public static final NodeStatus EMPTY = new NodeStatus(null, null, null, null, null, null);

  public NodeStatus {
    capacity = Copies.map(capacity);
    allocatable = Copies.map(allocatable);
    conditions = Copies.list(conditions);
    addresses = Copies.list(addresses);
    nodeInfo = Objects.requireNonNullElse(nodeInfo, NodeSystemInfo.EMPTY);
  }
}
