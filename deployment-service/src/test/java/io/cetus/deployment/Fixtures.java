package io.cetus.deployment;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.cetus.api.apps.Deployment;
import io.cetus.api.apps.DeploymentSpec;
import io.cetus.api.apps.DeploymentStrategy;
import io.cetus.api.apps.RollingUpdateDeployment;
import io.cetus.api.core.Container;
import io.cetus.api.core.PodSpec;
import io.cetus.api.core.PodTemplateSpec;
import io.cetus.api.meta.IntOrString;
import io.cetus.api.meta.LabelSelector;
import io.cetus.api.meta.ObjectMeta;

/** Deployments for deployment tests, built as small changes to plain defaults. */
final class Fixtures {

  static final String NAMESPACE = "default";
  static final Map<String, String> WEB = Map.of("app", "web");

  private Fixtures() {}

  /** A rolling deployment of {@code replicas} nginx pods labelled app=web. */
  static Deployment deployment(String name, int replicas, String image) {
    return deployment(name, replicas, image, WEB);
  }

  /** A rolling deployment of {@code replicas} pods labelled and selected by {@code labels}. */
  static Deployment deployment(
      String name, int replicas, String image, Map<String, String> labels) {
    return new Deployment(
        null,
        null,
        ObjectMeta.named(NAMESPACE, name),
        new DeploymentSpec(
            replicas,
            LabelSelector.matchLabels(labels),
            template(image, labels),
            new DeploymentStrategy(DeploymentStrategy.ROLLING_UPDATE, null),
            null,
            null,
            null,
            null),
        null);
  }

  static PodTemplateSpec template(String image) {
    return template(image, WEB);
  }

  static PodTemplateSpec template(String image, Map<String, String> labels) {
    return new PodTemplateSpec(
        new ObjectMeta(
            null, null, null, null, null, null, null, null, null, labels, null, null, null),
        PodSpec.builder().containers(List.of(Container.of("app", image))).build());
  }

  static Deployment rolling(
      Deployment deployment, IntOrString maxSurge, IntOrString maxUnavailable) {
    return withStrategy(
        deployment,
        new DeploymentStrategy(
            DeploymentStrategy.ROLLING_UPDATE,
            new RollingUpdateDeployment(maxUnavailable, maxSurge)));
  }

  static Deployment recreate(Deployment deployment) {
    return withStrategy(deployment, new DeploymentStrategy(DeploymentStrategy.RECREATE, null));
  }

  static Deployment withStrategy(Deployment deployment, DeploymentStrategy strategy) {
    DeploymentSpec s = deployment.spec();
    return deployment.withSpec(
        new DeploymentSpec(
            s.replicas(),
            s.selector(),
            s.template(),
            strategy,
            s.minReadySeconds(),
            s.revisionHistoryLimit(),
            s.paused(),
            s.progressDeadlineSeconds()));
  }

  static Deployment with(
      Deployment deployment,
      @Nullable Integer revisionHistoryLimit,
      @Nullable Boolean paused,
      @Nullable Integer progressDeadlineSeconds) {
    DeploymentSpec s = deployment.spec();
    return deployment.withSpec(
        new DeploymentSpec(
            s.replicas(),
            s.selector(),
            s.template(),
            s.strategy(),
            s.minReadySeconds(),
            revisionHistoryLimit,
            paused,
            progressDeadlineSeconds));
  }
}
