package io.cetus.api.meta;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * What the per-kind condition records ({@code PodCondition}, {@code DeploymentCondition}, ...) have
 * in common: a {@code type}, a {@code status} of {@code "True"}, {@code "False"} or {@code
 * "Unknown"}, and why. Lets helpers look conditions up whatever their kind.
 */
public interface Condition {

  String TRUE = "True";
  String FALSE = "False";
  String UNKNOWN = "Unknown";

  String type();

  String status();

  @Nullable String reason();

  @Nullable String message();

  @Nullable Instant lastTransitionTime();

  /** The condition of {@code type} in {@code conditions}, if present. */
  static <C extends Condition> Optional<C> find(List<C> conditions, String type) {
    for (C condition : conditions) {
      if (condition.type().equals(type)) {
        return Optional.of(condition);
      }
    }
    return Optional.empty();
  }

  /** Whether {@code conditions} hold a condition of {@code type} with status {@code "True"}. */
  static boolean holds(List<? extends Condition> conditions, String type) {
    for (Condition condition : conditions) {
      if (condition.type().equals(type)) {
        return TRUE.equals(condition.status());
      }
    }
    return false;
  }
}
