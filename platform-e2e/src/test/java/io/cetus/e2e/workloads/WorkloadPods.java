package io.cetus.e2e.workloads;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.cetus.e2e.support.Kubectl;

/**
 * The pods of a workload as {@code kubectl get pods -l SELECTOR} sees them, one {@link Row} per
 * pod, read through a jsonpath so the assertions need not parse kubectl's table.
 */
final class WorkloadPods {

  private static final String FIELDS =
      "{range .items[*]}{.metadata.name}|{.spec.nodeName}|{.status.phase}"
          + "|{.status.conditions[?(@.type==\"Ready\")].status}"
          + "|{.metadata.ownerReferences[?(@.controller==true)].name}"
          + "|{.metadata.deletionTimestamp}|{.metadata.uid}"
          + "|{.spec.containers[0].image}{\"\\n\"}{end}";

  private WorkloadPods() {}

  /**
   * One pod.
   *
   * @param owner the name of its controller (a ReplicaSet), empty for none
   * @param deleting whether its deletion has started
   */
  record Row(
      String name,
      String node,
      String phase,
      boolean ready,
      String owner,
      boolean deleting,
      String uid,
      String image) {

    /** Running, Ready and not being deleted: what a Deployment counts as ready. */
    boolean runningAndReady() {
      return phase.equals("Running") && ready && !deleting;
    }
  }

  /** The pods of the namespace that match the label selector, in name order. */
  static List<Row> list(Kubectl kubectl, String namespace, String selector) {
    String printed =
        kubectl.ok("get", "pods", "-n", namespace, "-l", selector, "-o", "jsonpath=" + FIELDS);
    return printed
        .lines()
        .filter(line -> !line.isBlank())
        .map(WorkloadPods::row)
        .sorted(java.util.Comparator.comparing(Row::name))
        .toList();
  }

  /** The pods that are Running and Ready and not being deleted. */
  static List<Row> ready(Kubectl kubectl, String namespace, String selector) {
    return list(kubectl, namespace, selector).stream().filter(Row::runningAndReady).toList();
  }

  /** The pods whose deletion has not started. */
  static List<Row> live(Kubectl kubectl, String namespace, String selector) {
    return list(kubectl, namespace, selector).stream().filter(row -> !row.deleting()).toList();
  }

  /** The names of these pods. */
  static Set<String> names(List<Row> rows) {
    return rows.stream().map(Row::name).collect(Collectors.toSet());
  }

  /** The nodes these pods are bound to. */
  static Set<String> nodes(List<Row> rows) {
    return rows.stream().map(Row::node).collect(Collectors.toSet());
  }

  private static Row row(String line) {
    String[] fields = Arrays.copyOf(line.split("\\|", -1), 8);
    for (int i = 0; i < fields.length; i++) {
      fields[i] = fields[i] == null ? "" : fields[i].strip();
    }
    return new Row(
        fields[0],
        fields[1],
        fields[2],
        fields[3].equals("True"),
        fields[4],
        !fields[5].isEmpty(),
        fields[6],
        fields[7]);
  }
}
