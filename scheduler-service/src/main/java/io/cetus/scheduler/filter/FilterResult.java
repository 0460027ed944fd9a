package io.cetus.scheduler.filter;

import java.util.List;

/**
 * Whether a pod fits a node; if not, why, in the words of a {@code FailedScheduling} event (e.g.
 * {@code Insufficient memory}). A filter may give several reasons at once.
 */
public record FilterResult(List<String> reasons) {

  public static final FilterResult FITS = new FilterResult(List.of());

  public FilterResult {
    reasons = List.copyOf(reasons);
  }

  public static FilterResult unfit(String reason) {
    return new FilterResult(List.of(reason));
  }

  public boolean fits() {
    return reasons.isEmpty();
  }
}
