package io.cetus.controller.reconcile;

import java.time.Duration;

/**
 * What to do after a successful reconcile: nothing ({@link #DONE}), or look again after a delay
 * even if nothing changes (e.g. to time out a rollout). Errors are signalled by throwing, never by
 * a flag.
 */
public record Result(Duration requeueAfter) {

  public static final Result DONE = new Result(Duration.ZERO);

  public Result {
    if (requeueAfter.isNegative()) {
      throw new IllegalArgumentException("requeueAfter must not be negative: " + requeueAfter);
    }
  }

  public static Result requeueIn(Duration delay) {
    return new Result(delay);
  }

  public boolean requeue() {
    return !requeueAfter.isZero();
  }
}
