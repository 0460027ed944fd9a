package io.cetus.objectstore.admission;

import java.util.List;

import io.cetus.api.validation.Names;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static io.cetus.objectstore.admission.JsonDefaults.setIfAbsent;
import static io.cetus.objectstore.admission.JsonDefaults.setIfEmpty;

/**
 * StatefulSets: one replica, ordered pod management, a rolling update from partition 0, volume
 * claims retained, and ten revisions kept, by default. Once created, only the fields Kubernetes
 * lists may change.
 */
final class StatefulSetAdmission extends WorkloadAdmission {

  private static final List<String> POD_MANAGEMENT = List.of("OrderedReady", "Parallel");
  private static final List<String> STRATEGIES = List.of("RollingUpdate", "OnDelete");
  private static final List<String> RETENTION = List.of("Retain", "Delete");
  private static final List<String> MUTABLE =
      List.of(
          "replicas",
          "ordinals",
          "template",
          "updateStrategy",
          "persistentVolumeClaimRetentionPolicy",
          "minReadySeconds",
          "selector");

  StatefulSetAdmission() {
    super("StatefulSet");
  }

  @Override
  void applySpecDefaults(ObjectNode spec) {
    setIfEmpty(spec, "podManagementPolicy", "OrderedReady");
    ObjectNode strategy = JsonDefaults.objectOrCreate(spec, "updateStrategy");
    if (strategy != null) {
      // Kubernetes adds rollingUpdate{partition: 0} only when it also defaulted the type.
      if (JsonDefaults.isEmpty(strategy, "type")) {
        strategy.put("type", "RollingUpdate");
        JsonDefaults.objectOrCreate(strategy, "rollingUpdate");
      }
      ObjectNode rollingUpdate = JsonDefaults.object(strategy, "rollingUpdate");
      if ("RollingUpdate".equals(JsonDefaults.string(strategy, "type")) && rollingUpdate != null) {
        setIfAbsent(rollingUpdate, "partition", 0);
      }
    }
    ObjectNode retention =
        JsonDefaults.objectOrCreate(spec, "persistentVolumeClaimRetentionPolicy");
    if (retention != null) {
      setIfEmpty(retention, "whenDeleted", "Retain");
      setIfEmpty(retention, "whenScaled", "Retain");
    }
    setIfAbsent(spec, "replicas", 1);
    setIfAbsent(spec, "revisionHistoryLimit", 10);
    for (ObjectNode claim : JsonDefaults.objects(spec, "volumeClaimTemplates")) {
      ObjectNode claimSpec = JsonDefaults.object(claim, "spec");
      if (claimSpec != null) {
        setIfAbsent(claimSpec, "volumeMode", "Filesystem");
      }
      ObjectNode claimStatus = JsonDefaults.objectOrCreate(claim, "status");
      if (claimStatus != null) {
        setIfEmpty(claimStatus, "phase", "Pending");
      }
    }
  }

  @Override
  public ObjectNode initialStatus(ObjectNode object) {
    return JsonNodeFactory.instance.objectNode().put("replicas", 0).put("availableReplicas", 0);
  }

  @Override
  void validateSpec(Field spec) {
    Problems problems = spec.problems();
    Checks.oneOf(spec.child("podManagementPolicy"), POD_MANAGEMENT);
    spec.child("serviceName").string();
    Field strategy = spec.child("updateStrategy");
    String type = Checks.requiredOneOf(strategy.child("type"), STRATEGIES);
    Field rollingUpdate = strategy.child("rollingUpdate");
    if ("OnDelete".equals(type) && rollingUpdate.isPresent()) {
      problems.invalid(
          rollingUpdate.path(),
          rollingUpdate.node(),
          "only allowed for updateStrategy 'RollingUpdate'");
    }
    Checks.nonNegative(rollingUpdate.child("partition"));
    Field retention = spec.child("persistentVolumeClaimRetentionPolicy");
    Checks.oneOf(retention.child("whenDeleted"), RETENTION);
    Checks.oneOf(retention.child("whenScaled"), RETENTION);
    for (Field claim : spec.child("volumeClaimTemplates").items()) {
      Field name = claim.child("metadata", "name");
      String claimName = Checks.requiredString(name);
      if (claimName != null) {
        problems.invalidEach(name.path(), claimName, Names.dns1123Subdomain(claimName));
      }
    }
  }

  @Override
  void validateSpecUpdate(Field spec, ObjectNode oldSpec) {
    ObjectNode comparable = spec.object();
    if (comparable == null) {
      return;
    }
    comparable = comparable.deepCopy();
    for (String mutable : MUTABLE) {
      JsonTrees.copyField(oldSpec, comparable, mutable);
    }
    if (!JsonTrees.semanticallyEqual(comparable, oldSpec)) {
      spec.problems()
          .forbidden(
              spec.path(),
              "updates to statefulset spec for fields other than 'replicas', 'ordinals',"
                  + " 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and"
                  + " 'minReadySeconds' are forbidden");
    }
  }
}
