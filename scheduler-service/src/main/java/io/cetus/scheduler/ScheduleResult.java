package io.cetus.scheduler;

/** The outcome of one scheduling attempt of a pod. */
sealed interface ScheduleResult {

  /** The pod fits {@code node}, one of the best scored. */
  record Feasible(String node) implements ScheduleResult {}

  /**
   * The pod fits no node; {@code message} says why, per node count and reason, e.g. {@code 0/2
   * nodes are available: 1 Insufficient memory, 1 node(s) were unschedulable.}
   */
  record Unschedulable(String message) implements ScheduleResult {}
}
