package io.cetus.objectstore.allocation;

/**
 * A value could not be allocated; the message is Kubernetes' ({@code provided port is already
 * allocated}), for the caller to place in its error.
 */
final class AllocationException extends RuntimeException {

  /** Why the value could not be had. */
  enum Problem {
    NOT_IN_RANGE,
    ALREADY_ALLOCATED,
    FULL
  }

  private final Problem problem;

  AllocationException(Problem problem, String message) {
    super(message, null, false, false);
    this.problem = problem;
  }

  Problem problem() {
    return problem;
  }
}
