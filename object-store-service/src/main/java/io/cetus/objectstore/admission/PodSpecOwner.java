package io.cetus.objectstore.admission;

import java.util.List;

/**
 * Where a pod spec sits, which decides a few defaults and the restart policies it may use: a pod's
 * own spec, the template of a controller whose pods run forever, or a job's template.
 */
enum PodSpecOwner {
  /** A Pod: any restart policy, plus the defaults Kubernetes applies to pods only. */
  POD(List.of("Always", "OnFailure", "Never")),
  /**
   * Deployment, ReplicaSet, DaemonSet and StatefulSet templates: pods that are always restarted.
   */
  WORKLOAD_TEMPLATE(List.of("Always")),
  /** Job templates (also inside a CronJob): pods that run to completion; no default. */
  JOB_TEMPLATE(List.of("OnFailure", "Never"));

  private final List<String> restartPolicies;

  PodSpecOwner(List<String> restartPolicies) {
    this.restartPolicies = restartPolicies;
  }

  List<String> restartPolicies() {
    return restartPolicies;
  }
}
