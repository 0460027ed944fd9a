package io.cetus.deployment;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

import io.cetus.api.apps.Deployment;
import io.cetus.api.apps.DeploymentSpec;
import io.cetus.api.apps.DeploymentStrategy;
import io.cetus.api.apps.RollingUpdateDeployment;
import io.cetus.api.meta.IntOrString;

/**
 * A deployment's spec as the controller reads it. Admission defaults every field below; a field
 * still missing (a deployment written some other way) reads as that default, so the controller
 * behaves the same either way: one replica, {@code RollingUpdate} with 25% surge and 25%
 * unavailable, ten old replica sets kept, a 600 s progress deadline.
 */
final class DeploymentSpecs {

  static final int DEFAULT_REVISION_HISTORY_LIMIT = 10;
  static final int DEFAULT_PROGRESS_DEADLINE_SECONDS = 600;
  private static final IntOrString DEFAULT_FENCEPOST = IntOrString.of("25%");

  private DeploymentSpecs() {}

  static int replicas(Deployment deployment) {
    return Objects.requireNonNullElse(deployment.spec().replicas(), 1);
  }

  static boolean isRecreate(Deployment deployment) {
    return DeploymentStrategy.RECREATE.equals(deployment.spec().strategy().type());
  }

  static boolean isRollingUpdate(Deployment deployment) {
    return !isRecreate(deployment);
  }

  static boolean isPaused(Deployment deployment) {
    return Boolean.TRUE.equals(deployment.spec().paused());
  }

  static int minReadySeconds(Deployment deployment) {
    return Objects.requireNonNullElse(deployment.spec().minReadySeconds(), 0);
  }

  static int revisionHistoryLimit(Deployment deployment) {
    return Objects.requireNonNullElse(
        deployment.spec().revisionHistoryLimit(), DEFAULT_REVISION_HISTORY_LIMIT);
  }

  /**
   * The progress deadline; Kubernetes treats {@code Integer.MAX_VALUE} as "none", and so does this
   * (empty).
   */
  static Optional<Duration> progressDeadline(Deployment deployment) {
    int seconds =
        Objects.requireNonNullElse(
            deployment.spec().progressDeadlineSeconds(), DEFAULT_PROGRESS_DEADLINE_SECONDS);
    return seconds == Integer.MAX_VALUE
        ? Optional.empty()
        : Optional.of(Duration.ofSeconds(seconds));
  }

  /**
   * How many pods above {@code replicas} a rolling update may run: {@code maxSurge}, a percentage
   * rounded up; 0 for {@code Recreate}.
   */
  static int maxSurge(Deployment deployment) {
    if (!isRollingUpdate(deployment)) {
      return 0;
    }
    return fenceposts(deployment).surge();
  }

  /**
   * How many of {@code replicas} a rolling update may leave unavailable: {@code maxUnavailable}, a
   * percentage rounded down, at most {@code replicas}; 0 for {@code Recreate} or no replicas.
   */
  static int maxUnavailable(Deployment deployment) {
    int replicas = replicas(deployment);
    if (!isRollingUpdate(deployment) || replicas == 0) {
      return 0;
    }
    return Math.min(fenceposts(deployment).unavailable(), replicas);
  }

  /**
   * Both bounds resolved against {@code replicas}. When both come to 0 (admission refuses two
   * zeros, but {@code "10%"} of 3 is 0), one pod may be unavailable, so the rollout can progress.
   */
  private static Fenceposts fenceposts(Deployment deployment) {
    int replicas = replicas(deployment);
    RollingUpdateDeployment rolling = rollingUpdate(deployment.spec());
    int surge = resolve(rolling.maxSurge(), replicas, true);
    int unavailable = resolve(rolling.maxUnavailable(), replicas, false);
    if (surge == 0 && unavailable == 0) {
      unavailable = 1;
    }
    return new Fenceposts(surge, unavailable);
  }

  private static int resolve(IntOrString value, int replicas, boolean roundUp) {
    try {
      return Math.max(0, value.resolve(replicas, roundUp));
    } catch (IllegalArgumentException e) {
      // admission refuses it; read a malformed value as the default rather than stall
      return DEFAULT_FENCEPOST.resolve(replicas, roundUp);
    }
  }

  private static RollingUpdateDeployment rollingUpdate(DeploymentSpec spec) {
    RollingUpdateDeployment rolling = spec.strategy().rollingUpdate();
    IntOrString unavailable = rolling == null ? null : rolling.maxUnavailable();
    IntOrString surge = rolling == null ? null : rolling.maxSurge();
    return new RollingUpdateDeployment(
        Objects.requireNonNullElse(unavailable, DEFAULT_FENCEPOST),
        Objects.requireNonNullElse(surge, DEFAULT_FENCEPOST));
  }

  private record Fenceposts(int surge, int unavailable) {}
}
