package io.cetus.nodeagent.runtime.docker;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cetus.api.core.Pod;
import io.cetus.api.core.Service;
import io.cetus.api.json.Json;
import io.cetus.client.ObjectClient;
import io.cetus.controller.ControllerManager;
import io.cetus.nodeagent.pod.AgentSettings;
import io.cetus.nodeagent.pod.ClusterNetwork;
import io.cetus.nodeagent.pod.ClusterServices;
import io.cetus.nodeagent.pod.PodAgent;
import io.cetus.nodeagent.pod.PodController;
import io.cetus.nodeagent.probe.ExecutorProbeScheduler;
import io.cetus.nodeagent.runtime.ContainerRuntimeContract;
import io.cetus.nodeagent.runtime.ContainerStatus;
import io.cetus.nodeagent.runtime.ExecResult;
import io.cetus.nodeagent.runtime.Ipv4Cidr;
import io.cetus.nodeagent.runtime.RuntimeUnavailableException;
import io.cetus.testsupport.client.FakeApiClient;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What a pod sees of the cluster on the real Docker engine: the pods' network created with the
 * configured subnet and ip range, the sandbox's resolver settings, an app container's {@code
 * resolv.conf} through the shared network namespace, and the service environment variables. The
 * agent's pod controller runs against an in-memory API on a network and subnet of this test's own;
 * everything it makes is removed afterwards. Skipped when no engine answers or the air-gapped
 * images are missing.
 */
@Tag("docker")
class PodDiscoveryDockerIT {

  private static final String IMAGE = ContainerRuntimeContract.IMAGE;
  private static final String PAUSE_IMAGE = "cetus/pause:1";
  private static final DockerRuntimeProperties PROPERTIES = DockerRuntimeProperties.defaults();
  private static final Duration DEADLINE = Duration.ofSeconds(90);
  private static @Nullable String unavailable;

  @TempDir Path stateDir;

  private final String node = "dns-it-" + UUID.randomUUID().toString().substring(0, 8);
  private final String network = "cetus-" + node;
  private final Ipv4Cidr subnet = ContainerRuntimeContract.testSubnet();
  private final Ipv4Cidr ipRange = new Ipv4Cidr(subnet.base(), subnet.prefix() + 1);
  private final String clusterDns = Ipv4Cidr.format(subnet.at(subnet.size() - 6));
  private final FakeApiClient api = new FakeApiClient();
  private final ObjectClient<Pod> pods = api.forType(Pod.class);
  private DockerContainerRuntime runtime;
  private DockerClient docker;
  private ClusterServices services;
  private ExecutorProbeScheduler probes;
  private ControllerManager manager;

  @BeforeAll
  static void checkForAnEngineWithTheImages() {
    try (DockerContainerRuntime probe = new DockerContainerRuntime(PROPERTIES, Clock.systemUTC())) {
      probe.fingerprint();
      for (String image : List.of(IMAGE, PAUSE_IMAGE)) {
        if (!probe.hasImage(image)) {
          unavailable = "image " + image + " is missing: run scripts/airgap-images.sh";
          return;
        }
      }
    } catch (RuntimeUnavailableException e) {
      unavailable = "no Docker engine answers at " + PROPERTIES.host() + ": " + e.getMessage();
    }
  }

  @BeforeEach
  void startAgent() throws Exception {
    assumeTrue(unavailable == null, unavailable);
    runtime = new DockerContainerRuntime(PROPERTIES, Clock.systemUTC());
    docker = DockerContainerRuntime.dockerClient(PROPERTIES, PROPERTIES.requestTimeout());
    probes = new ExecutorProbeScheduler();
    services = ClusterServices.watching(api);
    services.start();
    PodAgent agent =
        PodController.create(
            new AgentSettings(node, "127.0.0.1", network, PAUSE_IMAGE)
                .withCluster(
                    new ClusterNetwork(
                        subnet.toString(), ipRange.toString(), clusterDns, "cluster.local")),
            api,
            runtime,
            services,
            stateDir,
            probes,
            Clock.systemUTC(),
            reconciler -> reconciler);
    manager = new ControllerManager().add(agent.controller());
    manager.start(Duration.ofSeconds(10));
  }

  @AfterEach
  void removeEverything() throws Exception {
    if (manager != null) {
      manager.stop();
    }
    if (services != null) {
      services.stop();
    }
    if (probes != null) {
      probes.close();
    }
    if (runtime != null) {
      runtime.list(Map.of("io.cetus.node", node)).forEach(c -> runtime.destroy(c.id(), true));
      runtime.removeNetwork(network);
      runtime.close();
    }
    if (docker != null) {
      docker.close();
    }
  }

  @Test
  void aPodContainerResolvesThroughTheClusterDnsAndSeesTheServices() throws Exception {
    service(
        "default",
        """
        metadata: {name: kubernetes}
        spec: {clusterIP: %s, ports: [{name: https, port: 443}]}
        """
            .formatted(Ipv4Cidr.format(subnet.at(subnet.size() - 10))));
    service(
        "shop",
        """
        metadata: {name: order-db}
        spec: {clusterIP: %s, ports: [{name: sql, port: 5432}]}
        """
            .formatted(Ipv4Cidr.format(subnet.at(subnet.size() - 9))));
    Pod pod =
        Json.yaml()
            .readValue(
                """
                metadata: {name: client, namespace: shop}
                spec:
                  nodeName: %s
                  terminationGracePeriodSeconds: 1
                  dnsConfig:
                    options: [{name: edns0}]
                  containers:
                    - name: app
                      image: %s
                      imagePullPolicy: IfNotPresent
                      command: [sleep, "3600"]
                      env: [{name: GREETING, value: hello}]
                """
                    .formatted(node, IMAGE),
                Pod.class);
    pods.create(pod);

    await()
        .atMost(DEADLINE)
        .until(() -> "Running".equals(pods.get("shop", "client").orElseThrow().status().phase()));

    // The network: made with the configured subnet and ip range; the pod's IP comes from the range.
    Network made = docker.inspectNetworkCmd().withNetworkId(network).exec();
    assertThat(made.getIpam().getConfig())
        .singleElement()
        .satisfies(
            config -> {
              assertThat(config.getSubnet()).isEqualTo(subnet.toString());
              assertThat(config.getIpRange()).isEqualTo(ipRange.toString());
            });
    String podIp = pods.get("shop", "client").orElseThrow().status().podIP();
    assertThat(ipRange.contains(podIp)).as("pod IP %s in %s", podIp, ipRange).isTrue();

    // The sandbox carries the resolver settings.
    InspectContainerResponse sandbox = docker.inspectContainerCmd(containerId("POD")).exec();
    assertThat(sandbox.getHostConfig().getDns()).containsExactly(clusterDns);
    assertThat(sandbox.getHostConfig().getDnsSearch())
        .containsExactly("shop.svc.cluster.local", "svc.cluster.local", "cluster.local");
    assertThat(sandbox.getHostConfig().getDnsOptions()).containsExactly("ndots:5", "edns0");

    // The app container shares the sandbox's namespace and resolv.conf: Docker's embedded server
    // (127.0.0.11) answers and forwards to the cluster DNS.
    String app = containerId("app");
    ExecResult resolvConf = runtime.exec(app, List.of("cat", "/etc/resolv.conf"), DEADLINE);
    assertThat(resolvConf.exitCode()).isZero();
    assertThat(resolvConf.stdout())
        .containsPattern(
            "(?m)^search shop\\.svc\\.cluster\\.local svc\\.cluster\\.local cluster\\.local$")
        .containsPattern("(?m)^options .*\\bndots:5\\b")
        .containsPattern("(?m)^options .*\\bedns0\\b")
        .containsPattern("(?m)^nameserver 127\\.0\\.0\\.11$");

    ExecResult env = runtime.exec(app, List.of("env"), DEADLINE);
    assertThat(env.stdout().lines())
        .contains(
            "GREETING=hello",
            "ORDER_DB_SERVICE_HOST=" + Ipv4Cidr.format(subnet.at(subnet.size() - 9)),
            "ORDER_DB_SERVICE_PORT=5432",
            "ORDER_DB_SERVICE_PORT_SQL=5432",
            "ORDER_DB_PORT=tcp://" + Ipv4Cidr.format(subnet.at(subnet.size() - 9)) + ":5432",
            "KUBERNETES_SERVICE_HOST=" + Ipv4Cidr.format(subnet.at(subnet.size() - 10)),
            "KUBERNETES_SERVICE_PORT_HTTPS=443");
  }

  @Test
  void aPodWithDnsPolicyDefaultKeepsTheEnginesResolver() throws Exception {
    Pod pod =
        Json.yaml()
            .readValue(
                """
                metadata: {name: plain, namespace: shop}
                spec:
                  nodeName: %s
                  terminationGracePeriodSeconds: 1
                  dnsPolicy: Default
                  containers:
                    - {name: app, image: "%s", imagePullPolicy: IfNotPresent, command: [sleep, "3600"]}
                """
                    .formatted(node, IMAGE),
                Pod.class);
    pods.create(pod);

    await()
        .atMost(DEADLINE)
        .until(() -> "Running".equals(pods.get("shop", "plain").orElseThrow().status().phase()));

    InspectContainerResponse sandbox = docker.inspectContainerCmd(containerId("POD")).exec();
    assertThat(sandbox.getHostConfig().getDns()).isNullOrEmpty();
    ExecResult resolvConf =
        runtime.exec(containerId("app"), List.of("cat", "/etc/resolv.conf"), DEADLINE);
    assertThat(resolvConf.stdout()).doesNotContain("svc.cluster.local").doesNotContain("ndots:5");
  }

  private void service(String namespace, String yaml) {
    Service service = Json.yaml().readValue(yaml, Service.class);
    api.forType(Service.class)
        .create(service.withMetadata(service.metadata().withNamespace(namespace)));
  }

  private String containerId(String container) {
    List<ContainerStatus> found =
        runtime.list(Map.of("io.cetus.node", node, "io.cetus.container", container));
    if (found.isEmpty()) {
      throw new NotFoundException("no container " + container + " on node " + node);
    }
    return found.getFirst().id();
  }
}
