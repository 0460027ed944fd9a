package io.cetus.api.json;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cetus.api.apps.Deployment;
import io.cetus.api.apps.DeploymentSpec;
import io.cetus.api.coordination.Lease;
import io.cetus.api.coordination.LeaseSpec;
import io.cetus.api.core.ConfigMap;
import io.cetus.api.core.Container;
import io.cetus.api.core.DaemonEndpoint;
import io.cetus.api.core.Event;
import io.cetus.api.core.Node;
import io.cetus.api.core.NodeDaemonEndpoints;
import io.cetus.api.core.ObjectReference;
import io.cetus.api.core.Pod;
import io.cetus.api.core.PodSpec;
import io.cetus.api.meta.ObjectMeta;
import io.cetus.api.meta.OwnerReference;
import io.cetus.api.meta.Scale;
import io.cetus.api.meta.ScaleSpec;
import io.cetus.api.meta.ScaleStatus;

import static org.assertj.core.api.Assertions.assertThat;

class ModelJsonTest {

  private static String json(Object value) {
    return Json.mapper().writeValueAsString(value);
  }

  @Test
  void podWritesOnlyWhatIsSetInKubectlsShape() {
    Pod pod =
        new Pod(
            null,
            null,
            ObjectMeta.named("default", "x"),
            PodSpec.builder().containers(List.of(Container.of("x", "nginx"))).build(),
            null);

    assertThat(json(pod))
        .isEqualTo(
            "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"x\",\"namespace\":"
                + "\"default\"},\"spec\":{\"containers\":[{\"name\":\"x\",\"image\":\"nginx\","
                + "\"resources\":{}}]},\"status\":{}}");
  }

  @Test
  void missingKindAndApiVersionAndUnknownFieldsAreTolerated() {
    Pod pod = Json.mapper().readValue("{\"spec\":{\"futureField\":1},\"extra\":true}", Pod.class);
    assertThat(pod.kind()).isEqualTo("Pod");
    assertThat(pod.apiVersion()).isEqualTo("v1");
    assertThat(pod.metadata().name()).isNull();
    assertThat(pod.spec().containers()).isEmpty();
  }

  @Test
  void absentCountersReadAsZero() {
    var replicaSet =
        Json.mapper()
            .readValue(
                "{\"apiVersion\":\"apps/v1\",\"kind\":\"ReplicaSet\",\"metadata\":{\"name\":\"r\"},"
                    + "\"status\":{\"replicas\":2}}",
                io.cetus.api.apps.ReplicaSet.class);

    assertThat(replicaSet.status().replicas()).isEqualTo(2);
    assertThat(replicaSet.status().fullyLabeledReplicas()).isZero();
    assertThat(replicaSet.status().readyReplicas()).isZero();
  }

  @Test
  void zeroReplicasAreWritten() {
    Deployment deployment =
        new Deployment(
            null,
            null,
            ObjectMeta.named("default", "app"),
            new DeploymentSpec(0, null, null, null, null, null, null, null),
            null);
    assertThat(Json.mapper().readTree(json(deployment)).at("/spec/replicas").asInt(-1)).isZero();
  }

  @Test
  void timestampsAreRfc3339StringsThatRoundTrip() {
    ObjectMeta meta =
        new ObjectMeta(
            "x",
            null,
            null,
            null,
            null,
            null,
            Instant.parse("2026-11-21T22:43:06Z"),
            null,
            null,
            null,
            null,
            null,
            null);
    String written = json(meta);
    assertThat(written).contains("\"creationTimestamp\":\"2026-11-21T22:43:06Z\"");
    assertThat(Json.mapper().readValue(written, ObjectMeta.class)).isEqualTo(meta);
    assertThat(
            Json.mapper()
                .readValue(
                    "{\"creationTimestamp\":\"2026-11-21T23:43:06+01:00\"}", ObjectMeta.class)
                .creationTimestamp())
        .isEqualTo(Instant.parse("2026-11-21T22:43:06Z"));
  }

  @Test
  void leaseTimesAreWrittenWithExactlySixFractionalDigits() {
    Instant renew = Instant.parse("2026-11-21T22:43:06.123456Z");
    Lease lease =
        new Lease(
            null,
            null,
            ObjectMeta.named("kube-node-lease", "node-1"),
            new LeaseSpec("node-1", 40, Instant.parse("2026-11-21T22:00:00Z"), renew, 0));

    String written = json(lease);
    assertThat(written)
        .contains("\"acquireTime\":\"2026-11-21T22:00:00.000000Z\"")
        .contains("\"renewTime\":\"2026-11-21T22:43:06.123456Z\"")
        .startsWith("{\"apiVersion\":\"coordination.k8s.io/v1\",\"kind\":\"Lease\"");
    assertThat(Json.mapper().readValue(written, Lease.class)).isEqualTo(lease);
  }

  @Test
  void labelsAreWrittenInKeyOrderWhateverTheInputOrder() {
    Map<String, String> labels = new HashMap<>();
    for (String key : List.of("zeta", "alpha", "mu", "beta", "omega")) {
      labels.put(key, "x");
    }
    assertThat(json(ObjectMeta.named("ns", "n").withLabels(labels)))
        .contains("{\"alpha\":\"x\",\"beta\":\"x\",\"mu\":\"x\",\"omega\":\"x\",\"zeta\":\"x\"}");
  }

  @Test
  void emptyStringValuesAreKeptAndNullLabelValuesBecomeEmpty() {
    ConfigMap configMap =
        Json.mapper()
            .readValue(
                "{\"metadata\":{\"name\":\"c\",\"labels\":{\"a\":null}},\"data\":{\"empty\":\"\"}}",
                ConfigMap.class);
    assertThat(configMap.data()).containsEntry("empty", "");
    assertThat(configMap.metadata().labels()).containsEntry("a", "");
    assertThat(json(configMap)).contains("\"data\":{\"empty\":\"\"}");
  }

  @Test
  void ownerReferenceWritesControllerOnlyWhenSetAndMetadataHasNoDerivedFields() {
    OwnerReference plain = new OwnerReference("apps/v1", "ReplicaSet", "rs", "u1", null, null);
    assertThat(json(plain)).doesNotContain("controller");
    OwnerReference controller = new OwnerReference("apps/v1", "ReplicaSet", "rs", "u1", true, true);
    assertThat(json(controller)).contains("\"controller\":true");
    assertThat(Json.mapper().readValue(json(controller), OwnerReference.class))
        .isEqualTo(controller);
    assertThat(json(ObjectMeta.named("ns", "n")))
        .isEqualTo("{\"name\":\"n\",\"namespace\":\"ns\"}");
  }

  @Test
  void scaleHasKubectlsShape() {
    Scale scale =
        new Scale(
            null,
            null,
            ObjectMeta.named("default", "app"),
            new ScaleSpec(3),
            new ScaleStatus(2, "app=app"));
    assertThat(json(scale))
        .isEqualTo(
            "{\"apiVersion\":\"autoscaling/v1\",\"kind\":\"Scale\",\"metadata\":{\"name\":\"app\","
                + "\"namespace\":\"default\"},\"spec\":{\"replicas\":3},\"status\":{\"replicas\":2,"
                + "\"selector\":\"app=app\"}}");
  }

  @Test
  void kubeletEndpointPortIsCapitalised() {
    Node node =
        Json.mapper()
            .readValue(
                "{\"status\":{\"daemonEndpoints\":{\"kubeletEndpoint\":{\"Port\":10250}}}}",
                Node.class);
    assertThat(node.status().daemonEndpoints())
        .isEqualTo(new NodeDaemonEndpoints(new DaemonEndpoint(10250)));
    assertThat(json(node)).contains("{\"kubeletEndpoint\":{\"Port\":10250}}");
  }

  @Test
  void repeatedEventCountsUp() {
    Instant first = Instant.parse("2026-11-21T22:00:00Z");
    Instant again = Instant.parse("2026-11-21T22:05:00Z");
    Event event =
        new Event(
            null,
            null,
            ObjectMeta.named("default", "web.1"),
            new ObjectReference("Pod", "default", "web", "u", "v1", null, null),
            "Pulled",
            "pulled",
            null,
            first,
            first,
            1,
            Event.TYPE_NORMAL,
            null,
            null,
            null,
            null,
            null,
            null);

    Event repeated = event.recurred(again);

    assertThat(repeated.count()).isEqualTo(2);
    assertThat(repeated.firstTimestamp()).isEqualTo(first);
    assertThat(repeated.lastTimestamp()).isEqualTo(again);
    assertThat(json(repeated)).contains("\"involvedObject\":{\"kind\":\"Pod\"");
  }
}
