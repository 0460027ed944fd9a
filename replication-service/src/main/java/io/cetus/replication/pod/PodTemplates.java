package io.cetus.replication.pod;

import java.util.List;

import io.cetus.api.apps.ReplicaSet;
import io.cetus.api.core.Pod;
import io.cetus.api.core.PodTemplateSpec;
import io.cetus.api.meta.ObjectMeta;
import io.cetus.api.meta.OwnerReference;

/** Builds the pods workloads create from their templates. */
public final class PodTemplates {

  private PodTemplates() {}

  /**
   * A new pod of {@code replicaSet}: named {@code <replica set>-<random suffix>} by the server
   * ({@code generateName}), in its namespace, with the template's labels, annotations, finalizers
   * and spec, and the replica set as its controller.
   */
  public static Pod newPod(ReplicaSet replicaSet) {
    ObjectMeta owner = replicaSet.metadata();
    PodTemplateSpec template = replicaSet.spec().template();
    ObjectMeta metadata =
        new ObjectMeta(
            null,
            owner.name() + "-",
            owner.namespace(),
            null,
            null,
            null,
            null,
            null,
            null,
            template.metadata().labels(),
            template.metadata().annotations(),
            List.of(OwnerReference.controllerOf(replicaSet)),
            template.metadata().finalizers());
    return new Pod(null, null, metadata, template.spec(), null);
  }
}
