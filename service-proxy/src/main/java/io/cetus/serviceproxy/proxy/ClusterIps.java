package io.cetus.serviceproxy.proxy;

import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cetus.controller.reconcile.Request;

/**
 * Which cluster IP each service holds through {@link LocalAddresses}. Only addresses inside the
 * cluster IP range are added and removed: an address outside it is not the proxy's to manage (the
 * object store allocates every cluster IP inside the range; tests use loopback addresses, which are
 * local already). Thread-safe.
 */
final class ClusterIps implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ClusterIps.class);

  private final LocalAddresses local;
  private final Ipv4Range range;
  private final Map<Request, InetAddress> held = new HashMap<>();

  ClusterIps(LocalAddresses local, Ipv4Range range) {
    this.local = local;
    this.range = range;
  }

  /**
   * Makes {@code address} local for {@code service}, releasing the address it held before if that
   * was another.
   *
   * @throws LocalAddresses.LocalAddressException if the address cannot be added; try again later
   */
  synchronized void hold(Request service, InetAddress address) {
    InetAddress previous = held.get(service);
    if (address.equals(previous)) {
      return;
    }
    if (previous != null) {
      release(service);
    }
    if (!range.contains(address)) {
      return;
    }
    local.add(address);
    held.put(service, address);
  }

  /** Stops holding the address of {@code service}, if it held one. */
  synchronized void release(Request service) {
    InetAddress address = held.remove(service);
    if (address != null && !held.containsValue(address)) {
      local.remove(address);
    }
  }

  /**
   * Removes the addresses inside the range that no service wants, such as those a previous run left
   * behind when it was killed.
   */
  synchronized void sweep(Set<InetAddress> wanted) {
    for (InetAddress address : local.list()) {
      if (range.contains(address) && !wanted.contains(address) && !held.containsValue(address)) {
        log.info("Removing {}, which no service has as its cluster IP", address.getHostAddress());
        local.remove(address);
      }
    }
  }

  /** Releases every address held; failures are logged. */
  @Override
  public synchronized void close() {
    for (InetAddress address : Set.copyOf(held.values())) {
      try {
        local.remove(address);
      } catch (RuntimeException e) {
        log.warn("Could not remove {}: {}", address.getHostAddress(), e.getMessage());
      }
    }
    held.clear();
  }
}
