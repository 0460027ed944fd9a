package io.cetus.objectstore.allocation;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one write of a Service claimed and what it would give back, held until the store has
 * answered: {@link #commit()} after the write succeeded gives back the values the service no longer
 * uses; {@link #abort()} after it failed (or for a dry run) gives back the values claimed for it,
 * so a refused write never keeps anything. Whichever is called first wins; later calls do nothing,
 * so {@code abort()} in a {@code finally} after {@code commit()} is safe.
 *
 * <p>Giving back is best effort: should Redis fail just then, the values stay claimed until {@link
 * AllocationRepair} finds nobody uses them. Not thread-safe; one write owns it.
 */
public final class PendingAllocation {

  /** For writes that allocate nothing. */
  public static final PendingAllocation NONE = new PendingAllocation(null, null);

  private static final Logger log = LoggerFactory.getLogger(PendingAllocation.class);

  private final @Nullable ClusterIpAllocator clusterIps;
  private final @Nullable NodePortAllocator nodePorts;
  private final List<String> claimedIps = new ArrayList<>();
  private final List<String> claimedPorts = new ArrayList<>();
  private final List<String> unusedIps = new ArrayList<>();
  private final List<String> unusedPorts = new ArrayList<>();
  private boolean finished;

  PendingAllocation(
      @Nullable ClusterIpAllocator clusterIps, @Nullable NodePortAllocator nodePorts) {
    this.clusterIps = clusterIps;
    this.nodePorts = nodePorts;
  }

  /** The write is stored: gives back what the service stopped using. */
  public void commit() {
    finish(unusedIps, unusedPorts);
  }

  /** The write did not happen: gives back what was claimed for it. */
  public void abort() {
    finish(claimedIps, claimedPorts);
  }

  void claimedIp(String ip) {
    claimedIps.add(ip);
  }

  void claimedPort(int port) {
    claimedPorts.add(Integer.toString(port));
  }

  boolean hasClaimedPort(int port) {
    return claimedPorts.contains(Integer.toString(port));
  }

  void unusedIp(String ip) {
    unusedIps.add(ip);
  }

  void unusedPort(int port) {
    unusedPorts.add(Integer.toString(port));
  }

  List<String> claimedIps() {
    return List.copyOf(claimedIps);
  }

  List<String> claimedPorts() {
    return List.copyOf(claimedPorts);
  }

  List<String> unusedIps() {
    return List.copyOf(unusedIps);
  }

  List<String> unusedPorts() {
    return List.copyOf(unusedPorts);
  }

  private void finish(List<String> ips, List<String> ports) {
    if (finished) {
      return;
    }
    finished = true;
    release(clusterIps, ips);
    release(nodePorts, ports);
  }

  private static void release(@Nullable RangeAllocator allocator, List<String> values) {
    if (allocator == null || values.isEmpty()) {
      return;
    }
    try {
      allocator.release(values);
    } catch (RuntimeException e) {
      log.warn(
          "could not give back {} {}; the repair pass frees them once it finds them unused",
          allocator.pool(),
          values,
          e);
    }
  }
}
