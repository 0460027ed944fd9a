package io.cetus.deployment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.cetus.api.apps.Deployment;
import io.cetus.api.apps.ReplicaSet;

/**
 * The annotations the deployment controller keeps on its replica sets and deployments, which {@code
 * kubectl rollout history|undo} and {@code describe} read:
 *
 * <ul>
 *   <li>{@value #REVISION}: a replica set's revision, and on the deployment the revision of its
 *       current replica set;
 *   <li>{@value #REVISION_HISTORY}: the revisions a re-used replica set had before, oldest first;
 *   <li>{@value #DESIRED_REPLICAS} and {@value #MAX_REPLICAS}: the deployment's replicas, and
 *       replicas plus surge, when the controller last sized the replica set (proportional scaling
 *       reads them);
 *   <li>every other annotation of the deployment (such as {@value #CHANGE_CAUSE}) is copied onto
 *       its replica sets.
 * </ul>
 */
final class DeploymentAnnotations {

  static final String REVISION = "deployment.kubernetes.io/revision";
  static final String REVISION_HISTORY = "deployment.kubernetes.io/revision-history";
  static final String DESIRED_REPLICAS = "deployment.kubernetes.io/desired-replicas";
  static final String MAX_REPLICAS = "deployment.kubernetes.io/max-replicas";
  static final String CHANGE_CAUSE = "kubernetes.io/change-cause";
  static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";
  static final String ROLLBACK_TO = "deprecated.deployment.rollback.to";

  /** How long {@value #REVISION_HISTORY} may grow; the oldest revisions go first. */
  static final int MAX_HISTORY_CHARS = 2000;

  /** Deployment annotations that describe the deployment itself, so are not copied. */
  private static final Set<String> NOT_COPIED =
      Set.of(LAST_APPLIED, REVISION, REVISION_HISTORY, DESIRED_REPLICAS, MAX_REPLICAS, ROLLBACK_TO);

  private DeploymentAnnotations() {}

  /** A replica set's revision; 0 when it has none or an unreadable one. */
  static long revision(ReplicaSet replicaSet) {
    return parse(replicaSet.metadata().annotations().get(REVISION));
  }

  /** The highest revision among {@code replicaSets}; 0 for none. */
  static long maxRevision(List<ReplicaSet> replicaSets) {
    long max = 0;
    for (ReplicaSet replicaSet : replicaSets) {
      max = Math.max(max, revision(replicaSet));
    }
    return max;
  }

  /** The replica set's {@value #DESIRED_REPLICAS}, or -1 when it has none. */
  static int desiredReplicas(ReplicaSet replicaSet) {
    return (int) parseOr(replicaSet.metadata().annotations().get(DESIRED_REPLICAS), -1);
  }

  /** The replica set's {@value #MAX_REPLICAS}, or -1 when it has none. */
  static int maxReplicas(ReplicaSet replicaSet) {
    return (int) parseOr(replicaSet.metadata().annotations().get(MAX_REPLICAS), -1);
  }

  /**
   * The annotations of {@code current} (a replica set's) with the deployment's copyable annotations
   * added, the revision raised to {@code revision} if it is lower (a re-used replica set's earlier
   * revision goes to the history), and, if {@code sized}, the replica annotations set.
   */
  static Map<String, String> forReplicaSet(
      Deployment deployment, Map<String, String> current, long revision, boolean sized) {
    Map<String, String> annotations = new TreeMap<>(current);
    deployment
        .metadata()
        .annotations()
        .forEach(
            (key, value) -> {
              if (!NOT_COPIED.contains(key)) {
                annotations.put(key, value);
              }
            });
    String previous = current.get(REVISION);
    long previousRevision = parse(previous);
    if (previous != null && previousRevision == 0 && !previous.equals("0")) {
      return annotations; // unreadable: leave it alone rather than guess
    }
    if (previousRevision < revision) {
      annotations.put(REVISION, Long.toString(revision));
      if (previous != null && !previous.isEmpty()) {
        annotations.put(REVISION_HISTORY, appendHistory(current.get(REVISION_HISTORY), previous));
      }
    }
    if (sized) {
      annotations.putAll(replicaAnnotations(deployment));
    }
    return annotations;
  }

  /** {@value #DESIRED_REPLICAS} and {@value #MAX_REPLICAS} for the deployment as it is now. */
  static Map<String, String> replicaAnnotations(Deployment deployment) {
    int replicas = DeploymentSpecs.replicas(deployment);
    return Map.of(
        DESIRED_REPLICAS,
        Integer.toString(replicas),
        MAX_REPLICAS,
        Integer.toString(replicas + DeploymentSpecs.maxSurge(deployment)));
  }

  private static String appendHistory(String history, String revision) {
    List<String> revisions = new ArrayList<>();
    if (history != null && !history.isEmpty()) {
      revisions.addAll(Arrays.asList(history.split(",")));
    }
    revisions.add(revision);
    while (revisions.size() > 1 && String.join(",", revisions).length() > MAX_HISTORY_CHARS) {
      revisions.removeFirst();
    }
    return String.join(",", revisions);
  }

  private static long parse(String value) {
    return parseOr(value, 0);
  }

  private static long parseOr(String value, long otherwise) {
    if (value == null || value.isEmpty()) {
      return otherwise;
    }
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      return otherwise;
    }
  }
}
