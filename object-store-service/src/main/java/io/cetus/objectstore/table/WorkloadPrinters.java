package io.cetus.objectstore.table;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

import static io.cetus.objectstore.table.Formats.number;
import static io.cetus.objectstore.table.TableColumn.CONTAINERS;
import static io.cetus.objectstore.table.TableColumn.IMAGES;
import static io.cetus.objectstore.table.TableColumn.SELECTOR;

/** Rows of the apps/v1 workloads: Deployments, ReplicaSets, DaemonSets, StatefulSets. */
final class WorkloadPrinters {

  private WorkloadPrinters() {}

  /** Name, Ready {@code 2/3}, Up-to-date, Available, Age; wide: Containers, Images, Selector. */
  static RowPrinter deployments() {
    return RowPrinter.of(
        List.of(
            TableColumn.nameColumn(),
            TableColumn.string("Ready", "Ready replicas out of desired replicas."),
            TableColumn.integer("Up-to-date", "Replicas running the latest pod template."),
            TableColumn.integer("Available", "Replicas available to serve."),
            TableColumn.ageColumn(),
            CONTAINERS,
            IMAGES,
            SELECTOR),
        (deployment, now) ->
            withTemplate(
                deployment,
                Formats.name(deployment),
                number(deployment, "/status/readyReplicas") + "/" + desired(deployment),
                number(deployment, "/status/updatedReplicas"),
                number(deployment, "/status/availableReplicas"),
                Formats.age(deployment, now)));
  }

  /** Name, Desired, Current, Ready, Age; wide: Containers, Images, Selector. */
  static RowPrinter replicaSets() {
    return RowPrinter.of(
        List.of(
            TableColumn.nameColumn(),
            TableColumn.integer("Desired", "Desired replicas."),
            TableColumn.integer("Current", "Replicas that exist."),
            TableColumn.integer("Ready", "Replicas that are ready."),
            TableColumn.ageColumn(),
            CONTAINERS,
            IMAGES,
            SELECTOR),
        (replicaSet, now) ->
            withTemplate(
                replicaSet,
                Formats.name(replicaSet),
                desired(replicaSet),
                number(replicaSet, "/status/replicas"),
                number(replicaSet, "/status/readyReplicas"),
                Formats.age(replicaSet, now)));
  }

  /**
   * Name, Desired, Current, Ready, Up-to-date, Available, Node Selector, Age; wide: Containers,
   * Images, Selector.
   */
  static RowPrinter daemonSets() {
    return RowPrinter.of(
        List.of(
            TableColumn.nameColumn(),
            TableColumn.integer("Desired", "Nodes that should run the daemon pod."),
            TableColumn.integer("Current", "Nodes running at least one daemon pod."),
            TableColumn.integer("Ready", "Nodes whose daemon pod is ready."),
            TableColumn.integer("Up-to-date", "Nodes running the latest pod template."),
            TableColumn.integer("Available", "Nodes whose daemon pod is available."),
            TableColumn.string("Node Selector", "The node selector of the pod template."),
            TableColumn.ageColumn(),
            CONTAINERS,
            IMAGES,
            SELECTOR),
        (daemonSet, now) ->
            withTemplate(
                daemonSet,
                Formats.name(daemonSet),
                number(daemonSet, "/status/desiredNumberScheduled"),
                number(daemonSet, "/status/currentNumberScheduled"),
                number(daemonSet, "/status/numberReady"),
                number(daemonSet, "/status/updatedNumberScheduled"),
                number(daemonSet, "/status/numberAvailable"),
                Formats.labels(daemonSet.at("/spec/template/spec/nodeSelector")),
                Formats.age(daemonSet, now)));
  }

  /** Name, Ready {@code 1/3}, Age; wide: Containers, Images. */
  static RowPrinter statefulSets() {
    return RowPrinter.of(
        List.of(
            TableColumn.nameColumn(),
            TableColumn.string("Ready", "Ready replicas out of desired replicas."),
            TableColumn.ageColumn(),
            CONTAINERS,
            IMAGES),
        (statefulSet, now) -> {
          JsonNode podSpec = statefulSet.at("/spec/template/spec");
          return List.of(
              Formats.name(statefulSet),
              number(statefulSet, "/status/readyReplicas") + "/" + desired(statefulSet),
              Formats.age(statefulSet, now),
              Formats.containerNames(podSpec),
              Formats.containerImages(podSpec));
        });
  }

  /** {@code spec.replicas}, 1 when unset as the server defaults it. */
  private static long desired(JsonNode workload) {
    JsonNode replicas = workload.at("/spec/replicas");
    return replicas.isNumber() ? replicas.longValue() : 1;
  }

  private static List<Object> withTemplate(JsonNode workload, Object... cells) {
    JsonNode podSpec = workload.at("/spec/template/spec");
    List<Object> row = new ArrayList<>(List.of(cells));
    row.add(Formats.containerNames(podSpec));
    row.add(Formats.containerImages(podSpec));
    row.add(Formats.selector(workload.at("/spec/selector")));
    return row;
  }
}
