package io.cetus.objectstore.admission;

import java.util.List;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static io.cetus.objectstore.admission.JsonDefaults.setIfAbsent;
import static io.cetus.objectstore.admission.JsonDefaults.setIfEmpty;

/**
 * DaemonSets: a rolling update one node at a time without surge, and ten revisions kept, by
 * default.
 */
final class DaemonSetAdmission extends WorkloadAdmission {

  private static final List<String> STRATEGIES = List.of("RollingUpdate", "OnDelete");

  DaemonSetAdmission() {
    super("DaemonSet");
  }

  @Override
  void applySpecDefaults(ObjectNode spec) {
    ObjectNode strategy = JsonDefaults.objectOrCreate(spec, "updateStrategy");
    if (strategy != null) {
      setIfEmpty(strategy, "type", "RollingUpdate");
      if ("RollingUpdate".equals(JsonDefaults.string(strategy, "type"))) {
        ObjectNode rollingUpdate = JsonDefaults.objectOrCreate(strategy, "rollingUpdate");
        if (rollingUpdate != null) {
          setIfAbsent(rollingUpdate, "maxUnavailable", 1);
          setIfAbsent(rollingUpdate, "maxSurge", 0);
        }
      }
    }
    setIfAbsent(spec, "revisionHistoryLimit", 10);
  }

  @Override
  public ObjectNode initialStatus(ObjectNode object) {
    return JsonNodeFactory.instance
        .objectNode()
        .put("currentNumberScheduled", 0)
        .put("numberMisscheduled", 0)
        .put("desiredNumberScheduled", 0)
        .put("numberReady", 0);
  }

  @Override
  void validateSpec(Field spec) {
    Field strategy = spec.child("updateStrategy");
    String type = Checks.requiredOneOf(strategy.child("type"), STRATEGIES);
    Field rollingUpdate = strategy.child("rollingUpdate");
    if ("RollingUpdate".equals(type) && rollingUpdate.object() != null) {
      Field maxUnavailable = rollingUpdate.child("maxUnavailable");
      Boolean unavailableZero = intOrPercent(maxUnavailable, true);
      Boolean surgeZero = intOrPercent(rollingUpdate.child("maxSurge"), true);
      if (Boolean.TRUE.equals(unavailableZero) && Boolean.TRUE.equals(surgeZero)) {
        spec.problems()
            .invalid(
                maxUnavailable.path(), maxUnavailable.node(), "cannot be 0 when maxSurge is 0");
      }
    }
  }
}
