package io.cetus.nodeagent.runtime;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * An engine network pods attach to.
 *
 * @param id the engine's id
 * @param name its name
 * @param subnet its IPv4 subnet in CIDR form, if the engine reports one
 * @param gateway its IPv4 gateway, if any
 * @param ipRange the part of the subnet containers get their addresses from, if it is restricted
 */
public record NetworkInfo(
    String id,
    String name,
    @Nullable String subnet,
    @Nullable String gateway,
    @Nullable String ipRange) {

  public NetworkInfo {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
  }
}
