package io.cetus.scheduler.filter;

import java.util.Optional;

import io.cetus.api.core.Pod;
import io.cetus.api.core.Taint;
import io.cetus.api.core.Toleration;

/** Whether a pod's tolerations match a taint, by Kubernetes' rules. */
public final class Tolerations {

  public static final String NO_SCHEDULE = "NoSchedule";
  public static final String NO_EXECUTE = "NoExecute";

  private Tolerations() {}

  /** Whether one of the pod's tolerations matches {@code taint}. */
  public static boolean tolerates(Pod pod, Taint taint) {
    return matching(pod, taint).isPresent();
  }

  /** The first of the pod's tolerations that matches {@code taint}. */
  public static Optional<Toleration> matching(Pod pod, Taint taint) {
    for (Toleration toleration : pod.spec().tolerations()) {
      if (matches(toleration, taint)) {
        return Optional.of(toleration);
      }
    }
    return Optional.empty();
  }

  /**
   * An empty effect matches every effect; operator {@code Exists} matches any value (and, with an
   * empty key, every taint); {@code Equal}, the default, needs the same key and value.
   */
  static boolean matches(Toleration toleration, Taint taint) {
    String effect = toleration.effect();
    if (effect != null && !effect.isEmpty() && !effect.equals(taint.effect())) {
      return false;
    }
    String key = toleration.key() == null ? "" : toleration.key();
    if ("Exists".equals(toleration.operator())) {
      return key.isEmpty() || key.equals(taint.key());
    }
    String value = toleration.value() == null ? "" : toleration.value();
    String taintValue = taint.value() == null ? "" : taint.value();
    return key.equals(taint.key()) && value.equals(taintValue);
  }
}
