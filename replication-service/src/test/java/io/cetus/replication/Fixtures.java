package io.cetus.replication;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.cetus.api.apps.ReplicaSet;
import io.cetus.api.apps.ReplicaSetSpec;
import io.cetus.api.core.Container;
import io.cetus.api.core.ContainerStatus;
import io.cetus.api.core.Pod;
import io.cetus.api.core.PodCondition;
import io.cetus.api.core.PodSpec;
import io.cetus.api.core.PodStatus;
import io.cetus.api.core.PodTemplateSpec;
import io.cetus.api.meta.Condition;
import io.cetus.api.meta.LabelSelector;
import io.cetus.api.meta.ObjectMeta;
import io.cetus.api.meta.OwnerReference;

/** Replica sets and pods for replication tests, built as small changes to plain defaults. */
final class Fixtures {

  static final String NAMESPACE = "default";
  static final Map<String, String> WEB = Map.of("app", "web");

  private Fixtures() {}

  /** A replica set selecting {@code labels}, whose template carries them and runs nginx. */
  static ReplicaSet replicaSet(String name, int replicas, Map<String, String> labels) {
    return new ReplicaSet(
        null,
        null,
        ObjectMeta.named(NAMESPACE, name),
        new ReplicaSetSpec(
            replicas,
            null,
            LabelSelector.matchLabels(labels),
            new PodTemplateSpec(
                labelsOnly(labels),
                PodSpec.builder().containers(List.of(Container.of("app", "nginx:1.27"))).build())),
        null);
  }

  static ObjectMeta labelsOnly(Map<String, String> labels) {
    return new ObjectMeta(
        null, null, null, null, null, null, null, null, null, labels, null, null, null);
  }

  static ReplicaSet withMinReadySeconds(ReplicaSet replicaSet, int seconds) {
    ReplicaSetSpec spec = replicaSet.spec();
    return replicaSet.withSpec(
        new ReplicaSetSpec(spec.replicas(), seconds, spec.selector(), spec.template()));
  }

  static ReplicaSet withTemplateLabels(ReplicaSet replicaSet, Map<String, String> labels) {
    ReplicaSetSpec spec = replicaSet.spec();
    PodTemplateSpec template = spec.template();
    return replicaSet.withSpec(
        new ReplicaSetSpec(
            spec.replicas(),
            spec.minReadySeconds(),
            spec.selector(),
            new PodTemplateSpec(template.metadata().withLabels(labels), template.spec())));
  }

  /** A pod of its own (no owner) in {@value #NAMESPACE}, with a uid so it can be ordered. */
  static Pod pod(String name, Map<String, String> labels) {
    return new Pod(
        null,
        null,
        ObjectMeta.named(NAMESPACE, name).withLabels(labels),
        PodSpec.builder().containers(List.of(Container.of("app", "nginx:1.27"))).build(),
        null);
  }

  /** {@code pod} as the API returns it: a uid and a creation time. */
  static Pod created(Pod pod, Instant at) {
    ObjectMeta m = pod.metadata();
    return pod.withMetadata(
        new ObjectMeta(
            m.name(),
            m.generateName(),
            m.namespace(),
            UUID.randomUUID().toString(),
            "1",
            null,
            at,
            null,
            null,
            m.labels(),
            m.annotations(),
            m.ownerReferences(),
            m.finalizers()));
  }

  static Pod controlledBy(Pod pod, String ownerKind, String ownerName, String ownerUid) {
    return pod.withMetadata(
        pod.metadata()
            .withOwnerReferences(
                List.of(
                    new OwnerReference("apps/v1", ownerKind, ownerName, ownerUid, true, true))));
  }

  static Pod boundTo(Pod pod, String node) {
    return pod.withSpec(pod.spec().withNodeName(node));
  }

  static PodStatus running(boolean ready, Instant readySince) {
    return PodStatus.builder()
        .phase(PodStatus.RUNNING)
        .conditions(
            List.of(
                new PodCondition(
                    PodCondition.READY,
                    ready ? Condition.TRUE : Condition.FALSE,
                    null,
                    readySince,
                    null,
                    null)))
        .build();
  }

  static PodStatus phase(String phase) {
    return PodStatus.builder().phase(phase).build();
  }

  static PodStatus withRestarts(PodStatus status, int restarts) {
    List<ContainerStatus> containers = new ArrayList<>();
    containers.add(new ContainerStatus("app", null, null, true, restarts, null, null, null, null));
    return status.toBuilder().containerStatuses(containers).build();
  }
}
