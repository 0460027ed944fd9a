package io.cetus.e2e.services;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.cetus.e2e.support.CetusPlatform;
import io.cetus.e2e.support.Kubectl;
import io.cetus.e2e.support.TestNamespace;

import static io.cetus.e2e.support.Eventually.within;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Services with the stock kubectl on real containers: {@code kubectl expose} of a Deployment as a
 * NodePort spreads requests over every replica; an unready pod leaves the rotation and comes back;
 * a rollout behind a Service drops no request; pods reach a Service by DNS name and by its
 * environment variables; node ports are validated; a Service with no endpoints refuses connections.
 */
@ExtendWith(CetusPlatform.class)
class ServicesE2E {

  private static final String NAMESPACE = "e2e-services";

  @RegisterExtension static final TestNamespace namespace = new TestNamespace(NAMESPACE);
  private static final String IMAGE = "cetus/demo-app:0.1.0";

  /** The same image under another name: a new pod template Docker still finds locally. */
  private static final String SAME_IMAGE_RENAMED = "docker.io/cetus/demo-app:0.1.0";

  private static final Duration READY = Duration.ofSeconds(180);
  private static final Duration TRAFFIC = Duration.ofSeconds(30);

  /**
   * The demo app, ready when {@code /ready} answers; a preStop pause keeps a terminating pod
   * serving while it leaves the Service's endpoints, as Kubernetes users do for zero downtime.
   */
  private static final String DEPLOYMENT =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: %1$s
        labels: {app: %1$s}
      spec:
        replicas: %2$d
        selector:
          matchLabels: {app: %1$s}
        template:
          metadata:
            labels: {app: %1$s}
          spec:
            terminationGracePeriodSeconds: 10
            containers:
              - name: app
                image: %3$s
                imagePullPolicy: IfNotPresent
                ports:
                  - {name: http, containerPort: 8080}
                readinessProbe:
                  httpGet: {path: /ready, port: 8080}
                  periodSeconds: 1
                  failureThreshold: 1
                lifecycle:
                  preStop:
                    exec: {command: [sleep, "2"]}
      """;

  private final Kubectl kubectl;

  ServicesE2E(Kubectl kubectl) {
    this.kubectl = kubectl;
  }

  @BeforeAll
  static void backend(Kubectl kubectl) {
    kubectl.apply(NAMESPACE, DEPLOYMENT.formatted("backend-app", 3, IMAGE));
    kubectl.ok(
        "expose",
        "deployment",
        "backend-app",
        "--type=NodePort",
        "--port=80",
        "--target-port=8080",
        "-n",
        NAMESPACE);
    rolloutStatus(kubectl, "backend-app");
  }

  @Test
  void exposeShowsTheServiceAndRequestsToTheNodePortReachEveryReplica() {
    List<String> pods = podNames("backend-app");
    assertThat(pods).hasSize(3);

    String services = kubectl.ok("get", "svc,ep", "backend-app", "-n", NAMESPACE);
    assertThat(services)
        .containsPattern("(?m)^NAME\\s+TYPE\\s+CLUSTER-IP\\s+EXTERNAL-IP\\s+PORT\\(S\\)\\s+AGE")
        .containsPattern(
            "service/backend-app\\s+NodePort\\s+10\\.243\\.\\d+\\.\\d+\\s+<none>\\s+80:3\\d{4}/TCP")
        .containsPattern("(?m)^NAME\\s+ENDPOINTS\\s+AGE")
        .containsPattern("endpoints/backend-app\\s+\\S+:8080,\\S+:8080,\\S+:8080\\s");

    int nodePort = nodePort("backend-app");
    Set<String> answered = new HashSet<>();
    within(TRAFFIC, "requests to node port " + nodePort + " answered by all of " + pods)
        .untilAsserted(
            () -> {
              ServiceRequests.get(nodePort, "/hostname").ifPresent(answered::add);
              assertThat(answered).containsExactlyInAnyOrderElementsOf(pods);
            });
  }

  @Test
  void anUnreadyPodLeavesTheRotationAndComesBackWhenReady() {
    int nodePort = nodePort("backend-app");
    String pod = podNames("backend-app").getFirst();
    try {
      kubectl.ok(
          "exec",
          pod,
          "-n",
          NAMESPACE,
          "--",
          "wget",
          "-qO-",
          "http://127.0.0.1:8080/switch/ready?on=false");
      within(TRAFFIC, pod + " listed as not ready")
          .untilAsserted(
              () ->
                  assertThat(
                          kubectl.jsonpath(
                              NAMESPACE,
                              "endpoints/backend-app",
                              "{.subsets[*].notReadyAddresses[*].targetRef.name}"))
                      .isEqualTo(pod));
      for (int i = 0; i < 60; i++) {
        assertThat(ServiceRequests.get(nodePort, "/hostname"))
            .as("request %d while %s is not ready", i, pod)
            .isPresent()
            .get()
            .isNotEqualTo(pod);
      }
    } finally {
      kubectl.run(
          "exec",
          pod,
          "-n",
          NAMESPACE,
          "--",
          "wget",
          "-qO-",
          "http://127.0.0.1:8080/switch/ready?on=true");
    }
    within(TRAFFIC, pod + " answering again once ready")
        .untilAsserted(() -> assertThat(ServiceRequests.get(nodePort, "/hostname")).contains(pod));
  }

  @Test
  void aRolloutBehindAServiceFailsNoRequest() throws InterruptedException {
    String name = "zero-downtime";
    kubectl.apply(NAMESPACE, DEPLOYMENT.formatted(name, 4, IMAGE));
    kubectl.ok(
        "expose",
        "deployment",
        name,
        "--type=NodePort",
        "--port=80",
        "--target-port=http",
        "-n",
        NAMESPACE);
    rolloutStatus(kubectl, name);
    int nodePort = nodePort(name);
    within(TRAFFIC, "the service answering")
        .until(() -> ServiceRequests.get(nodePort, "/hostname").isPresent());
    List<String> before = podNames(name);

    AtomicBoolean sending = new AtomicBoolean(true);
    AtomicInteger succeeded = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    Set<String> answered = java.util.concurrent.ConcurrentHashMap.newKeySet();
    Thread client =
        Thread.ofPlatform()
            .name("zero-downtime-client")
            .start(
                () -> {
                  while (sending.get()) {
                    Optional<String> answer = ServiceRequests.get(nodePort, "/hostname");
                    answer.ifPresentOrElse(
                        host -> {
                          succeeded.incrementAndGet();
                          answered.add(host);
                        },
                        failed::incrementAndGet);
                  }
                });
    try {
      kubectl.ok(
          "set", "image", "deployment/" + name, "app=" + SAME_IMAGE_RENAMED, "-n", NAMESPACE);
      rolloutStatus(kubectl, name);
      within(TRAFFIC, "every old pod gone")
          .untilAsserted(() -> assertThat(podNames(name)).doesNotContainAnyElementsOf(before));
    } finally {
      sending.set(false);
      client.join(Duration.ofSeconds(10));
    }
    List<String> after = podNames(name);

    assertThat(failed.get()).as("failed requests of %d", succeeded.get()).isZero();
    assertThat(answered).as("pods that answered").containsAll(after).containsAnyElementsOf(before);
  }

  @Test
  void aPodReachesTheServiceByDnsNameAndByItsEnvironment() {
    // created after the service, so its environment lists it
    kubectl.ok(
        "run", "client", "--image=" + IMAGE, "--image-pull-policy=IfNotPresent", "-n", NAMESPACE);
    kubectl.ok("wait", "--for=condition=Ready", "pod/client", "-n", NAMESPACE, "--timeout=120s");
    Set<String> pods = Set.copyOf(podNames("backend-app"));

    for (String host :
        List.of(
            "backend-app",
            "backend-app." + NAMESPACE,
            "backend-app." + NAMESPACE + ".svc.cluster.local")) {
      String answer =
          kubectl.ok(
              "exec",
              "client",
              "-n",
              NAMESPACE,
              "--",
              "wget",
              "-qO-",
              "http://" + host + "/hostname");
      assertThat(answer.strip()).as("answer through %s", host).isIn(pods);
    }
    // an ExternalName Service is a DNS alias: here of the backend's own name
    kubectl.ok(
        "create",
        "service",
        "externalname",
        "backend-alias",
        "--external-name=backend-app." + NAMESPACE + ".svc.cluster.local",
        "-n",
        NAMESPACE);
    within(TRAFFIC, "the backend answering through its ExternalName alias")
        .untilAsserted(
            () ->
                assertThat(
                        kubectl
                            .ok(
                                "exec",
                                "client",
                                "-n",
                                NAMESPACE,
                                "--",
                                "wget",
                                "-qO-",
                                "http://backend-alias/hostname")
                            .strip())
                    .isIn(pods));

    String environment =
        kubectl.ok(
            "exec",
            "client",
            "-n",
            NAMESPACE,
            "--",
            "sh",
            "-c",
            "echo $BACKEND_APP_SERVICE_HOST:$BACKEND_APP_SERVICE_PORT; wget -qO-"
                + " http://$BACKEND_APP_SERVICE_HOST:$BACKEND_APP_SERVICE_PORT/hostname");
    String clusterIp = kubectl.jsonpath(NAMESPACE, "svc/backend-app", "{.spec.clusterIP}");
    List<String> lines = environment.strip().lines().toList();
    assertThat(lines.getFirst()).isEqualTo(clusterIp + ":80");
    assertThat(lines.getLast()).isIn(pods);
  }

  @Test
  void aDuplicateNodePortAndAPortOutOfRangeAreRejectedNamingTheField() {
    String service =
        """
        apiVersion: v1
        kind: Service
        metadata: {name: %s}
        spec:
          type: NodePort
          selector: {app: backend-app}
          ports: [{port: 80, targetPort: 8080, nodePort: %d}]
        """;
    kubectl.apply(NAMESPACE, service.formatted("first-owner", 32123));

    Kubectl.Result duplicate =
        kubectl.runWithInput(
            service.formatted("second-owner", 32123), "create", "-n", NAMESPACE, "-f", "-");
    assertThat(duplicate.exitCode()).isNotZero();
    assertThat(duplicate.stderr())
        .contains("The Service \"second-owner\" is invalid")
        .contains(
            "spec.ports[0].nodePort: Invalid value: 32123: provided port is already allocated");

    Kubectl.Result outOfRange =
        kubectl.runWithInput(
            service.formatted("out-of-range", 40000), "create", "-n", NAMESPACE, "-f", "-");
    assertThat(outOfRange.exitCode()).isNotZero();
    assertThat(outOfRange.stderr())
        .contains(
            "spec.ports[0].nodePort: Invalid value: 40000: provided port is not in the valid"
                + " range");

    assertThat(kubectl.run("get", "svc", "second-owner", "-n", NAMESPACE).stderr())
        .contains("NotFound");
    assertThat(kubectl.run("get", "svc", "out-of-range", "-n", NAMESPACE).stderr())
        .contains("NotFound");
  }

  @Test
  void aServiceWithoutSelectorRefusesConnectionsUntilItsEndpointsAreWritten() {
    kubectl.apply(
        NAMESPACE,
        """
        apiVersion: v1
        kind: Service
        metadata: {name: by-hand}
        spec:
          type: NodePort
          ports: [{port: 80, targetPort: 8080}]
        """);
    int nodePort = nodePort("by-hand");
    within(TRAFFIC, "node port " + nodePort + " refusing connections")
        .until(() -> ServiceRequests.refused(nodePort));

    String pod = podNames("backend-app").getFirst();
    String podIp = kubectl.jsonpath(NAMESPACE, "pod/" + pod, "{.status.podIP}");
    kubectl.apply(
        NAMESPACE,
        """
        apiVersion: v1
        kind: Endpoints
        metadata: {name: by-hand}
        subsets:
          - addresses: [{ip: %s}]
            ports: [{port: 8080}]
        """
            .formatted(podIp));
    within(TRAFFIC, "the hand-written endpoint answering")
        .untilAsserted(() -> assertThat(ServiceRequests.get(nodePort, "/hostname")).contains(pod));
  }

  @Test
  void aLoadBalancerServiceGetsAnIngressAddressAndANodePort() {
    kubectl.ok(
        "expose",
        "deployment",
        "backend-app",
        "--name=public",
        "--type=LoadBalancer",
        "--port=8081",
        "--target-port=8080",
        "-n",
        NAMESPACE);
    within(TRAFFIC, "the load balancer's ingress address")
        .untilAsserted(
            () ->
                assertThat(
                        kubectl.jsonpath(
                            NAMESPACE, "svc/public", "{.status.loadBalancer.ingress[0].ip}"))
                    .isEqualTo("127.0.0.1"));
    assertThat(kubectl.ok("get", "svc", "public", "-n", NAMESPACE))
        .containsPattern(
            "public\\s+LoadBalancer\\s+10\\.243\\.\\d+\\.\\d+\\s+127\\.0\\.0\\.1\\s+8081:3\\d{4}/TCP");
    int nodePort = nodePort("public");
    within(TRAFFIC, "requests through the node port of the load balancer")
        .until(() -> ServiceRequests.get(nodePort, "/hostname").isPresent());
  }

  private int nodePort(String service) {
    return Integer.parseInt(
        kubectl.jsonpath(NAMESPACE, "svc/" + service, "{.spec.ports[0].nodePort}"));
  }

  /** The running pods of the app whose deletion has not started, in name order. */
  private List<String> podNames(String app) {
    String rows =
        kubectl.ok(
            "get",
            "pods",
            "-n",
            NAMESPACE,
            "-l",
            "app=" + app,
            "--field-selector=status.phase=Running",
            "-o",
            "jsonpath={range .items[*]}{.metadata.name}|{.metadata.deletionTimestamp}{\"\\n"
                + "\"}{end}");
    return rows.lines()
        .filter(row -> row.endsWith("|"))
        .map(row -> row.substring(0, row.length() - 1))
        .sorted()
        .toList();
  }

  private static void rolloutStatus(Kubectl kubectl, String name) {
    kubectl.ok(
        "rollout",
        "status",
        "deployment/" + name,
        "-n",
        NAMESPACE,
        "--timeout=" + READY.toSeconds() + "s");
  }
}
