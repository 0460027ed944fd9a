package io.cetus.objectstore.allocation;

import java.util.random.RandomGenerator;

import io.cetus.objectstore.store.AllocationStore;

/**
 * Node ports (and health check node ports) of Services, from {@code
 * platform.object-store.service-node-port-range}; claims live in the pool {@value #POOL} ({@code
 * {cetus}:alloc:node-ports} in Redis), one member per port number. A port is one claim whatever the
 * protocols using it.
 */
final class NodePortAllocator extends RangeAllocator {

  static final String POOL = "node-ports";

  private final PortRange range;

  NodePortAllocator(PortRange range, AllocationStore store, RandomGenerator random) {
    super(range, store, POOL, random);
    this.range = range;
  }

  PortRange range() {
    return range;
  }

  /**
   * @throws AllocationException NOT_IN_RANGE or ALREADY_ALLOCATED
   */
  void allocate(int port) {
    allocate(Integer.toString(port));
  }

  /**
   * @throws AllocationException FULL
   */
  int allocateNextPort() {
    return Integer.parseInt(allocateNext());
  }
}
