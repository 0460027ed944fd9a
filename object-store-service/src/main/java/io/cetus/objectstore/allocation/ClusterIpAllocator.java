package io.cetus.objectstore.allocation;

import java.util.random.RandomGenerator;

import io.cetus.objectstore.store.AllocationStore;

/**
 * Cluster IPs of Services, from {@code platform.object-store.service-cluster-ip-range}; claims live
 * in the pool {@value #POOL} ({@code {cetus}:alloc:service-ips} in Redis), one member per address.
 */
final class ClusterIpAllocator extends RangeAllocator {

  static final String POOL = "service-ips";

  private final ServiceIpRange range;

  ClusterIpAllocator(ServiceIpRange range, AllocationStore store, RandomGenerator random) {
    super(range, store, POOL, random);
    this.range = range;
  }

  ServiceIpRange range() {
    return range;
  }
}
