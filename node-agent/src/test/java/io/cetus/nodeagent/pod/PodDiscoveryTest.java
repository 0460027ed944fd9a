package io.cetus.nodeagent.pod;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cetus.api.core.ConfigMap;
import io.cetus.api.core.Event;
import io.cetus.api.core.Pod;
import io.cetus.api.core.Secret;
import io.cetus.api.core.Service;
import io.cetus.api.json.Json;
import io.cetus.client.ObjectClient;
import io.cetus.controller.event.EventRecorder;
import io.cetus.controller.reconcile.Request;
import io.cetus.nodeagent.probe.ProbeManager;
import io.cetus.nodeagent.runtime.DnsConfig;
import io.cetus.nodeagent.runtime.NetworkInfo;
import io.cetus.nodeagent.runtime.fake.FakeContainerRuntime;
import io.cetus.testsupport.client.FakeApiClient;
import io.cetus.testsupport.time.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

/** What a pod sees of the cluster: its network's addresses, its resolver, its service variables. */
class PodDiscoveryTest {

  private static final String NODE = "node-1";
  private static final ClusterNetwork CLUSTER =
      new ClusterNetwork("10.250.0.0/16", "10.250.0.0/17", "10.250.255.10", "cluster.local");

  @TempDir Path stateDir;

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final FakeApiClient api = new FakeApiClient(clock);
  private final ObjectClient<Pod> pods = api.forType(Pod.class);
  private final FakeContainerRuntime runtime =
      new FakeContainerRuntime(clock).addImage("cetus/pause:1", "app:1");

  private PodReconciler reconciler() {
    EnvResolver env =
        new EnvResolver(
            api.forType(ConfigMap.class),
            api.forType(Secret.class),
            ClusterServices.of(new LiveLister<>(api.forType(Service.class))));
    return new PodReconciler(
        new AgentSettings(NODE, "192.0.2.10", "pods", "cetus/pause:1").withCluster(CLUSTER),
        new LiveLister<>(pods),
        pods,
        runtime,
        env,
        new PodVolumes(stateDir, env),
        new EventRecorder(api.forType(Event.class), clock, "kubelet", NODE),
        new ProbeManager(runtime, new ManualProbeScheduler(), ProbeManager.IGNORE),
        clock);
  }

  @Test
  void thePodsNetworkIsCreatedWithTheSubnetAndPodIpsComeFromTheIpRange() {
    Pod pod = create("shop", "");

    reconciler().reconcile(Request.of(pod));

    NetworkInfo network = runtime.ensureNetwork("pods");
    assertThat(network.subnet()).isEqualTo("10.250.0.0/16");
    assertThat(network.ipRange()).isEqualTo("10.250.0.0/17");
    assertThat(live(pod).status().podIP()).isEqualTo("10.250.0.2");
  }

  @Test
  void theSandboxCarriesTheClusterResolverAndTheContainersTheServiceVariables() {
    service(
        "shop", "{metadata: {name: web}, spec: {clusterIP: 10.250.128.2, ports: [{port: 80}]}}");
    service(
        "default",
        "{metadata: {name: kubernetes}, spec: {clusterIP: 10.250.128.1, ports: [{port: 443}]}}");
    Pod pod = create("shop", "env: [{name: WEB_SERVICE_HOST, value: web.example}]");

    reconciler().reconcile(Request.of(pod));

    String sandbox = containerId(pod, "POD");
    assertThat(runtime.process(sandbox).spec().dns())
        .isEqualTo(
            new DnsConfig(
                List.of("10.250.255.10"),
                List.of("shop.svc.cluster.local", "svc.cluster.local", "cluster.local"),
                List.of("ndots:5")));
    Map<String, String> env = runtime.process(containerId(pod, "app")).spec().env();
    assertThat(env)
        .containsEntry("WEB_SERVICE_HOST", "web.example")
        .containsEntry("WEB_SERVICE_PORT", "80")
        .containsEntry("WEB_PORT", "tcp://10.250.128.2:80")
        .containsEntry("KUBERNETES_SERVICE_HOST", "10.250.128.1");
    assertThat(runtime.process(containerId(pod, "app")).spec().dns()).isNull();
  }

  @Test
  void aServiceCreatedLaterReachesOnlyContainersCreatedAfterIt() {
    Pod pod = create("shop", "");
    PodReconciler reconciler = reconciler();
    reconciler.reconcile(Request.of(pod));

    service(
        "shop", "{metadata: {name: web}, spec: {clusterIP: 10.250.128.2, ports: [{port: 80}]}}");
    reconciler.reconcile(Request.of(pod));

    assertThat(runtime.process(containerId(pod, "app")).spec().env())
        .doesNotContainKey("WEB_SERVICE_HOST");
  }

  private void service(String namespace, String yaml) {
    Service service = Json.yaml().readValue(yaml, Service.class);
    api.forType(Service.class)
        .create(service.withMetadata(service.metadata().withNamespace(namespace)));
  }

  private Pod create(String namespace, String containerFields) {
    String yaml =
        """
        metadata: {name: web-0}
        spec:
          nodeName: node-1
          containers:
            - name: app
              image: app:1
        """
            + (containerFields.isEmpty() ? "" : "      " + containerFields + "\n");
    Pod pod = Json.yaml().readValue(yaml, Pod.class);
    return pods.create(pod.withMetadata(pod.metadata().withNamespace(namespace)));
  }

  private Pod live(Pod pod) {
    return pods.get(pod.metadata().namespace(), pod.metadata().name()).orElseThrow();
  }

  private String containerId(Pod pod, String container) {
    return runtime
        .list(Map.of("io.cetus.pod-uid", pod.metadata().uid(), "io.cetus.container", container))
        .getFirst()
        .id();
  }
}
