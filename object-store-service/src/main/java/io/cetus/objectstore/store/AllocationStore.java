package io.cetus.objectstore.store;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Named pools of claimed values, each value claimed at most once: the allocation state behind
 * Services' cluster IPs and node ports, shared by every replica of the store (Redis sets, see
 * docs/design/api-and-storage.md). Values are opaque strings here; what they mean, and which ones a
 * pool may hold, is the caller's business.
 *
 * <p>Every claim is atomic: of two replicas claiming the same value at once, exactly one succeeds.
 * Implementations are thread-safe. Errors are {@link io.cetus.api.errors.ApiException}s
 * (ServiceUnavailable when Redis cannot be reached).
 */
public interface AllocationStore {

  /**
   * Claims {@code value} in {@code pool}.
   *
   * @return false when it was claimed already
   */
  boolean claim(String pool, String value);

  /**
   * Claims the first of {@code candidates}, in their order, that nobody holds; one atomic step.
   *
   * @return the value claimed, or empty when every candidate was taken
   */
  Optional<String> claimFirstFree(String pool, List<String> candidates);

  /**
   * Claims every one of {@code values} that is free; those already claimed stay as they are.
   *
   * @return how many were newly claimed
   */
  long claimAll(String pool, Collection<String> values);

  /** Gives {@code values} back; releasing a value that is not claimed is no error. */
  void release(String pool, Collection<String> values);

  /** Every value claimed in {@code pool}, read at one moment. */
  Set<String> claimed(String pool);
}
