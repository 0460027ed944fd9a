package io.cetus.serviceproxy.proxy;

import java.net.InetAddress;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers the addresses it is asked to hold and touches no interface: for tests, and for machines
 * where something else makes the cluster IPs local ({@code hold-cluster-ips: false}).
 */
public final class InMemoryLocalAddresses implements LocalAddresses {

  private final Set<InetAddress> held = ConcurrentHashMap.newKeySet();

  @Override
  public void add(InetAddress address) {
    held.add(address);
  }

  @Override
  public void remove(InetAddress address) {
    held.remove(address);
  }

  @Override
  public Set<InetAddress> list() {
    return Set.copyOf(held);
  }
}
