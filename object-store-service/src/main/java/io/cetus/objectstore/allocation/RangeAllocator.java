package io.cetus.objectstore.allocation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;

import io.cetus.objectstore.store.AllocationStore;

/**
 * Hands out the values of one {@link NumberedRange}, keeping the claims in one pool of the {@link
 * AllocationStore}, so every store replica sees the same ones.
 *
 * <p>A value asked for by name is claimed if it is in the range and free. A value picked for the
 * caller is random, as Kubernetes picks: a random place in the range above the static band, then on
 * upwards (wrapping round) until a free value turns up, then the static band the same way. The
 * candidates go to the store in growing batches, each claimed in one atomic step, so a nearly empty
 * range costs one round trip and a full one a bounded number.
 */
abstract sealed class RangeAllocator permits ClusterIpAllocator, NodePortAllocator {

  private static final int FIRST_BATCH = 16;
  private static final int LARGEST_BATCH = 1024;

  private final NumberedRange range;
  private final AllocationStore store;
  private final String pool;
  private final RandomGenerator random;

  RangeAllocator(NumberedRange range, AllocationStore store, String pool, RandomGenerator random) {
    this.range = range;
    this.store = store;
    this.pool = pool;
    this.random = random;
  }

  /** The pool of the allocation store, e.g. {@code service-ips}. */
  final String pool() {
    return pool;
  }

  final boolean inRange(String value) {
    return range.offsetOf(value) >= 0;
  }

  /**
   * Claims {@code value}.
   *
   * @throws AllocationException NOT_IN_RANGE or ALREADY_ALLOCATED
   */
  final void allocate(String value) {
    if (!inRange(value)) {
      throw new AllocationException(
          AllocationException.Problem.NOT_IN_RANGE, range.notInRange(value));
    }
    if (!store.claim(pool, value)) {
      throw new AllocationException(
          AllocationException.Problem.ALREADY_ALLOCATED, range.alreadyAllocated());
    }
  }

  /**
   * Claims a free value picked at random.
   *
   * @throws AllocationException FULL when none is left
   */
  final String allocateNext() {
    int size = range.size();
    int band = range.staticBand();
    int upper = size - band;
    int upperStart = upper == 0 ? 0 : random.nextInt(upper);
    int lowerStart = band == 0 ? 0 : random.nextInt(band);
    int batch = FIRST_BATCH;
    for (int scanned = 0; scanned < size; ) {
      int end = (int) Math.min(size, (long) scanned + batch);
      List<String> candidates = new ArrayList<>(end - scanned);
      for (int i = scanned; i < end; i++) {
        int offset = i < upper ? band + (upperStart + i) % upper : (lowerStart + i - upper) % band;
        candidates.add(range.valueAt(offset));
      }
      Optional<String> claimed = store.claimFirstFree(pool, candidates);
      if (claimed.isPresent()) {
        return claimed.get();
      }
      scanned = end;
      batch = Math.min(batch * 2, LARGEST_BATCH);
    }
    throw new AllocationException(AllocationException.Problem.FULL, "range is full");
  }

  /** Gives values back; those not claimed, or outside the range, are ignored. */
  final void release(Collection<String> values) {
    if (!values.isEmpty()) {
      store.release(pool, values);
    }
  }

  /** Every value claimed, as the store has them (values outside the range included). */
  final Set<String> claimed() {
    return store.claimed(pool);
  }

  /** Claims each of {@code values} that is free; returns how many were. */
  final long claimAll(Collection<String> values) {
    return store.claimAll(pool, values);
  }

  @Override
  public final String toString() {
    return pool + " " + range;
  }
}
