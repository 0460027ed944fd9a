package io.cetus.objectstore.table;

import java.util.Map;

import io.cetus.api.resource.ResourceType;

/** The row printer of each kind, by group and kind. */
final class Printers {

  private static final Map<String, RowPrinter> BY_KIND =
      Map.ofEntries(
          Map.entry("/Pod", new PodPrinter()),
          Map.entry("/Service", new ServicePrinter()),
          Map.entry("/Node", new NodePrinter()),
          Map.entry("/Event", new EventPrinter()),
          Map.entry("/Namespace", SimplePrinters.namespaces()),
          Map.entry("/ConfigMap", SimplePrinters.configMaps()),
          Map.entry("/Secret", SimplePrinters.secrets()),
          Map.entry("/Endpoints", SimplePrinters.endpoints()),
          Map.entry("apps/Deployment", WorkloadPrinters.deployments()),
          Map.entry("apps/ReplicaSet", WorkloadPrinters.replicaSets()),
          Map.entry("apps/DaemonSet", WorkloadPrinters.daemonSets()),
          Map.entry("apps/StatefulSet", WorkloadPrinters.statefulSets()),
          Map.entry("batch/Job", BatchPrinters.jobs()),
          Map.entry("batch/CronJob", BatchPrinters.cronJobs()),
          Map.entry("coordination.k8s.io/Lease", SimplePrinters.leases()));

  private static final RowPrinter GENERIC = SimplePrinters.generic();

  private Printers() {}

  static RowPrinter forType(ResourceType type) {
    return BY_KIND.getOrDefault(type.group() + "/" + type.kind(), GENERIC);
  }
}
