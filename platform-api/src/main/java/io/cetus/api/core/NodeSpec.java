package io.cetus.api.core;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.cetus.api.internal.Copies;

import com.fasterxml.jackson.annotation.JsonInclude;

/** How a node is to be used: {@code unschedulable} (cordoned) and {@code taints} keep pods away. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record NodeSpec(
    @Nullable String podCIDR,
    List<String> podCIDRs,
    @Nullable String providerID,
    @Nullable Boolean unschedulable,
    List<Taint> taints) {

  /** The zero value, which a manifest that leaves this out stands for. */
  public static final NodeSpec EMPTY = new NodeSpec(null, null, null, null, null);

  public NodeSpec {
    podCIDRs = Copies.list(podCIDRs);
    taints = Copies.list(taints);
  }
}
