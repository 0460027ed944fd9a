package io.cetus.api.errors;

import java.util.Optional;
import java.util.function.Supplier;

/** Tests on errors by reason, as apimachinery's {@code IsNotFound} and friends. */
public final class ApiErrors {

  private ApiErrors() {}

  public static boolean isNotFound(Throwable t) {
    return hasReason(t, Reason.NOT_FOUND);
  }

  public static boolean isAlreadyExists(Throwable t) {
    return hasReason(t, Reason.ALREADY_EXISTS);
  }

  public static boolean isConflict(Throwable t) {
    return hasReason(t, Reason.CONFLICT);
  }

  /** A {@code resourceVersion} too old to watch or continue from: list again. */
  public static boolean isGone(Throwable t) {
    return hasReason(t, Reason.GONE) || hasReason(t, Reason.EXPIRED);
  }

  public static boolean isInvalid(Throwable t) {
    return hasReason(t, Reason.INVALID);
  }

  public static boolean hasReason(Throwable t, Reason reason) {
    return t instanceof ApiException e && e.reason() == reason;
  }

  /** Runs {@code call}; a NotFound is not an error here (controller-runtime's IgnoreNotFound). */
  public static void ignoreNotFound(Runnable call) {
    try {
      call.run();
    } catch (ApiException e) {
      if (!isNotFound(e)) {
        throw e;
      }
    }
  }

  /** The value of {@code call}, or empty when it answered NotFound. */
  public static <T> Optional<T> unlessNotFound(Supplier<T> call) {
    try {
      return Optional.ofNullable(call.get());
    } catch (ApiException e) {
      if (isNotFound(e)) {
        return Optional.empty();
      }
      throw e;
    }
  }
}
