package io.cetus.objectstore.admission;

import java.util.List;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static io.cetus.objectstore.admission.JsonDefaults.setIfAbsent;
import static io.cetus.objectstore.admission.JsonDefaults.setIfEmpty;

/**
 * Deployments: one replica, a rolling update of 25% surge and 25% unavailable, ten old replica sets
 * kept and a ten-minute progress deadline by default; a strategy that can make progress.
 */
final class DeploymentAdmission extends WorkloadAdmission {

  private static final List<String> STRATEGIES = List.of("Recreate", "RollingUpdate");

  DeploymentAdmission() {
    super("Deployment");
  }

  @Override
  void applySpecDefaults(ObjectNode spec) {
    setIfAbsent(spec, "replicas", 1);
    ObjectNode strategy = JsonDefaults.objectOrCreate(spec, "strategy");
    if (strategy != null) {
      setIfEmpty(strategy, "type", "RollingUpdate");
      if ("RollingUpdate".equals(JsonDefaults.string(strategy, "type"))) {
        ObjectNode rollingUpdate = JsonDefaults.objectOrCreate(strategy, "rollingUpdate");
        if (rollingUpdate != null) {
          setIfAbsent(rollingUpdate, "maxUnavailable", "25%");
          setIfAbsent(rollingUpdate, "maxSurge", "25%");
        }
      }
    }
    setIfAbsent(spec, "revisionHistoryLimit", 10);
    setIfAbsent(spec, "progressDeadlineSeconds", 600);
  }

  @Override
  public ObjectNode initialStatus(ObjectNode object) {
    return JsonNodeFactory.instance.objectNode();
  }

  @Override
  void validateSpec(Field spec) {
    Problems problems = spec.problems();
    spec.child("paused").bool();
    Field templateDeadline = spec.child("template", "spec", "activeDeadlineSeconds");
    if (templateDeadline.isPresent()) {
      problems.forbidden(
          templateDeadline.path(), "activeDeadlineSeconds in Deployment is not Supported");
    }

    Field strategy = spec.child("strategy");
    String type = Checks.requiredOneOf(strategy.child("type"), STRATEGIES);
    Field rollingUpdate = strategy.child("rollingUpdate");
    if ("Recreate".equals(type) && rollingUpdate.isPresent()) {
      problems.forbidden(
          rollingUpdate.path(), "may not be specified when strategy `type` is 'Recreate'");
    } else if ("RollingUpdate".equals(type) && rollingUpdate.object() != null) {
      Field maxUnavailable = rollingUpdate.child("maxUnavailable");
      Boolean unavailableZero = intOrPercent(maxUnavailable, true);
      Boolean surgeZero = intOrPercent(rollingUpdate.child("maxSurge"), false);
      if (Boolean.TRUE.equals(unavailableZero) && Boolean.TRUE.equals(surgeZero)) {
        problems.invalid(
            maxUnavailable.path(), maxUnavailable.node(), "may not be 0 when `maxSurge` is 0");
      }
    }

    Field deadline = spec.child("progressDeadlineSeconds");
    Long deadlineSeconds = Checks.nonNegative(deadline);
    Long minReady = spec.child("minReadySeconds").int64();
    if (deadlineSeconds != null && minReady != null && deadlineSeconds <= minReady) {
      problems.invalid(deadline.path(), deadlineSeconds, "must be greater than minReadySeconds");
    }
  }
}
