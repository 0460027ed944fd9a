package io.cetus.objectstore.allocation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.cetus.api.json.Json;
import io.cetus.objectstore.web.ApiClient;
import io.cetus.objectstore.web.ApiClient.Response;
import io.cetus.testsupport.redis.RedisServerProcess;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Cluster IPs and node ports as a user sees them over HTTP, with the allocation state in a real
 * Redis. The ranges are not the defaults, so the messages must name the configured ones. Random
 * picks come from above the ranges' static bands (10.250.0.17 and up, 31031 and up), so the values
 * tests ask for by number (10.250.0.1-16, 31000-31030) never collide with them; each test asks for
 * values of its own.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "platform.object-store.backend=redis",
      "platform.object-store.service-cluster-ip-range=10.250.0.0/24",
      "platform.object-store.service-node-port-range=31000-31999",
      "platform.object-store.allocation-repair-interval=1h"
    })
class ServiceAllocationIT {

  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final String IPS = "{cetus}:alloc:service-ips";
  private static final String PORTS = "{cetus}:alloc:node-ports";

  /** Stopped by the JVM's exit, after the application context that uses it has closed. */
  private static RedisServerProcess redis;

  @LocalServerPort int port;
  @Autowired RedisConnectionFactory connectionFactory;
  @Autowired AllocationRepair repair;
  private ApiClient api;
  private StringRedisTemplate keys;

  @DynamicPropertySource
  static void redis(DynamicPropertyRegistry registry) {
    redis = RedisServerProcess.start();
    registry.add("spring.data.redis.url", redis::uri);
  }

  @BeforeEach
  void connect() {
    api = new ApiClient(port);
    keys = new StringRedisTemplate(connectionFactory);
  }

  @Test
  void servicesGetAClusterIpAndNodePortsFromTheConfiguredRanges() {
    String ns = namespace();

    ObjectNode nodePort = created(ns, service("np", "type: NodePort", "{port: 80}"));
    ObjectNode loadBalancer = created(ns, service("lb", "type: LoadBalancer", "{port: 443}"));
    ObjectNode clusterIp = created(ns, service("cip", "type: ClusterIP", "{port: 8080}"));

    for (ObjectNode service : new ObjectNode[] {nodePort, loadBalancer, clusterIp}) {
      String ip = service.at("/spec/clusterIP").asString();
      assertThat(ip).matches("10\\.250\\.0\\.[0-9]+");
      assertThat(lastOctet(ip)).isBetween(17, 254);
      assertThat(service.at("/spec/clusterIPs/0").asString()).isEqualTo(ip);
      assertThat(service.at("/spec/clusterIPs").size()).isEqualTo(1);
      assertThat(keys.opsForSet().isMember(IPS, ip)).isTrue();
    }
    assertThat(nodePort.at("/spec/ports/0/nodePort").asInt()).isBetween(31031, 31999);
    assertThat(loadBalancer.at("/spec/ports/0/nodePort").asInt()).isBetween(31031, 31999);
    assertThat(clusterIp.at("/spec/ports/0/nodePort").isMissingNode()).isTrue();
    assertThat(api.get(path(ns, "np")).json().at("/spec/clusterIP"))
        .isEqualTo(nodePort.at("/spec/clusterIP"));
  }

  @Test
  void kubectlGetSvcShowsTheClusterIpAndTheNodePorts() {
    String ns = namespace();
    ObjectNode nodePort = created(ns, service("web", "type: NodePort", "{port: 80}"));
    created(ns, service("db", "clusterIP: None", "{port: 5432}"));
    created(ns, spec("ext", "type: ExternalName\nexternalName: db.example.com"));

    JsonNode rows =
        api.get("/api/v1/namespaces/" + ns + "/services", ApiClient.TABLE_ACCEPT)
            .json()
            .path("rows");

    assertThat(rows.size()).isEqualTo(3);
    assertThat(cells(rows, "web"))
        .startsWith(
            "web",
            "NodePort",
            nodePort.at("/spec/clusterIP").asString(),
            "<none>",
            "80:" + nodePort.at("/spec/ports/0/nodePort").asInt() + "/TCP");
    assertThat(cells(rows, "db")).startsWith("db", "ClusterIP", "None", "<none>", "5432/TCP");
    assertThat(cells(rows, "ext"))
        .startsWith("ext", "ExternalName", "<none>", "db.example.com", "<none>");
  }

  @Test
  void headlessAndExternalNameServicesGetNoClusterIp() {
    String ns = namespace();

    ObjectNode headless = created(ns, service("db", "clusterIP: None", "{port: 5432}"));
    ObjectNode external = created(ns, spec("ext", "type: ExternalName\nexternalName: example.com"));

    assertThat(headless.at("/spec/clusterIP").asString()).isEqualTo("None");
    assertThat(headless.at("/spec/clusterIPs/0").asString()).isEqualTo("None");
    assertThat(external.at("/spec/clusterIP").isMissingNode()).isTrue();
    assertThat(external.at("/spec/clusterIPs").isMissingNode()).isTrue();
    assertThat(keys.opsForSet().isMember(IPS, "None")).isFalse();
  }

  @Test
  void aNodePortAlreadyAllocatedIsUnprocessableNamingTheField() {
    String ns = namespace();
    created(ns, service("first", "type: NodePort", "{port: 80, nodePort: 31001}"));

    Response duplicate =
        api.post(
            collection(ns), service("second", "type: NodePort", "{port: 80, nodePort: 31001}"));

    assertThat(duplicate.status()).isEqualTo(422);
    ObjectNode status = duplicate.json();
    assertThat(status.path("reason").asString()).isEqualTo("Invalid");
    assertThat(status.path("message").asString())
        .isEqualTo(
            "The Service \"second\" is invalid: spec.ports[0].nodePort: Invalid value: 31001:"
                + " provided port is already allocated");
    assertThat(status.at("/details/causes/0/field").asString()).isEqualTo("spec.ports[0].nodePort");
    assertThat(status.at("/details/causes/0/reason").asString()).isEqualTo("FieldValueInvalid");
    assertThat(api.get(path(ns, "second")).status()).isEqualTo(404);
  }

  @Test
  void valuesOutsideTheConfiguredRangesAreUnprocessable() {
    String ns = namespace();

    Response ip = api.post(collection(ns), service("ip", "clusterIP: 1.2.3.4", "{port: 80}"));
    Response port =
        api.post(collection(ns), service("port", "type: NodePort", "{port: 80, nodePort: 30080}"));

    assertThat(ip.status()).isEqualTo(422);
    assertThat(ip.json().path("message").asString())
        .isEqualTo(
            "The Service \"ip\" is invalid: spec.clusterIPs: Invalid value: [\"1.2.3.4\"]: failed"
                + " to allocate IP 1.2.3.4: the provided IP (1.2.3.4) is not in the valid range."
                + " The range of valid IPs is 10.250.0.0/24");
    assertThat(ip.json().at("/details/causes/0/field").asString()).isEqualTo("spec.clusterIPs");
    assertThat(port.status()).isEqualTo(422);
    assertThat(port.json().path("message").asString())
        .isEqualTo(
            "The Service \"port\" is invalid: spec.ports[0].nodePort: Invalid value: 30080:"
                + " provided port is not in the valid range. The range of valid ports is"
                + " 31000-31999");
    assertThat(
            api.post(collection(ns), service("net", "clusterIP: 10.250.0.0", "{port: 80}"))
                .status())
        .isEqualTo(422);
    assertThat(
            api.post(collection(ns), service("bcast", "clusterIP: 10.250.0.255", "{port: 80}"))
                .status())
        .isEqualTo(422);
  }

  @Test
  void aDeletedServiceGivesItsAddressesToTheNextOne() {
    String ns = namespace();
    created(
        ns, service("old", "type: NodePort\nclusterIP: 10.250.0.2", "{port: 80, nodePort: 31002}"));

    assertThat(api.delete(path(ns, "old")).status()).isEqualTo(200);
    ObjectNode next =
        created(
            ns,
            service("new", "type: NodePort\nclusterIP: 10.250.0.2", "{port: 80, nodePort: 31002}"));

    assertThat(next.at("/spec/clusterIP").asString()).isEqualTo("10.250.0.2");
    assertThat(next.at("/spec/ports/0/nodePort").asInt()).isEqualTo(31002);
  }

  @Test
  void collectionDeletionNamespaceDeletionAndGarbageCollectionGiveAddressesBack() {
    String byCollection = namespace();
    created(
        byCollection,
        service("a", "type: NodePort\nclusterIP: 10.250.0.3", "{port: 80, nodePort: 31003}"));
    String byNamespace = namespace();
    created(
        byNamespace,
        service("b", "type: NodePort\nclusterIP: 10.250.0.4", "{port: 80, nodePort: 31004}"));
    String byOwner = namespace();
    ObjectNode owner =
        api.post(
                "/api/v1/namespaces/" + byOwner + "/configmaps",
                "{\"metadata\":{\"name\":\"owner\"}}")
            .json();
    ObjectNode owned =
        service("c", "type: NodePort\nclusterIP: 10.250.0.5", "{port: 80, nodePort: 31005}");
    owned
        .withObjectProperty("metadata")
        .putArray("ownerReferences")
        .addObject()
        .put("apiVersion", "v1")
        .put("kind", "ConfigMap")
        .put("name", "owner")
        .put("uid", owner.at("/metadata/uid").asString());
    created(byOwner, owned);

    assertThat(api.delete(collection(byCollection)).status()).isEqualTo(200);
    assertThat(api.delete("/api/v1/namespaces/" + byNamespace).status()).isEqualTo(200);
    assertThat(api.delete("/api/v1/namespaces/" + byOwner + "/configmaps/owner").status())
        .isEqualTo(200);
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              assertThat(api.get(path(byNamespace, "b")).status()).isEqualTo(404);
              assertThat(api.get(path(byOwner, "c")).status()).isEqualTo(404);
            });

    String reuse = namespace();
    for (int i = 3; i <= 5; i++) {
      created(
          reuse,
          service(
              "reuse-" + i,
              "type: NodePort\nclusterIP: 10.250.0." + i,
              "{port: 80, nodePort: 3100" + i + "}"));
    }
  }

  @Test
  void typeChangesAllocateAndGiveBack() {
    String ns = namespace();
    created(ns, service("web", "clusterIP: 10.250.0.6", "{port: 80}"));

    ObjectNode nodePort = patch(ns, "web", "{\"spec\":{\"type\":\"NodePort\"}}");
    int allocated = nodePort.at("/spec/ports/0/nodePort").asInt();
    assertThat(allocated).isBetween(31031, 31999);
    assertThat(nodePort.at("/spec/clusterIP").asString()).isEqualTo("10.250.0.6");

    ObjectNode moved =
        patch(
            ns,
            "web",
            "{\"spec\":{\"ports\":[{\"port\":80,\"targetPort\":80,\"protocol\":\"TCP\","
                + "\"nodePort\":31006}]}}");
    assertThat(moved.at("/spec/ports/0/nodePort").asInt()).isEqualTo(31006);
    takeAndGiveBack(ns, null, allocated);

    ObjectNode clusterIp = patch(ns, "web", "{\"spec\":{\"type\":\"ClusterIP\"}}");
    assertThat(clusterIp.at("/spec/ports/0/nodePort").isMissingNode()).isTrue();
    assertThat(clusterIp.at("/spec/externalTrafficPolicy").isMissingNode()).isTrue();
    takeAndGiveBack(ns, null, 31006);

    ObjectNode external =
        patch(
            ns,
            "web",
            "{\"spec\":{\"type\":\"ExternalName\",\"externalName\":\"db.example.com\"}}");
    assertThat(external.at("/spec/clusterIP").isMissingNode()).isTrue();
    assertThat(external.at("/spec/clusterIPs").isMissingNode()).isTrue();
    takeAndGiveBack(ns, "10.250.0.6", 0);

    ObjectNode back = patch(ns, "web", "{\"spec\":{\"type\":\"ClusterIP\",\"externalName\":null}}");
    String ip = back.at("/spec/clusterIP").asString();
    assertThat(lastOctet(ip)).isBetween(17, 254);
    assertThat(keys.opsForSet().isMember(IPS, ip)).isTrue();
  }

  @Test
  void aRefusedCreateKeepsNothing() {
    String ns = namespace();
    created(ns, service("holder", "type: NodePort", "{port: 80, nodePort: 31008}"));
    long ips = keys.opsForSet().size(IPS);
    long ports = keys.opsForSet().size(PORTS);

    Response takenSecondPort =
        api.post(
            collection(ns),
            service(
                "taken",
                "type: NodePort\nclusterIP: 10.250.0.7",
                "{name: a, port: 80, nodePort: 31007}",
                "{name: b, port: 81, nodePort: 31008}"));
    Response invalidSecondPort =
        api.post(
            collection(ns),
            service(
                "invalid",
                "type: NodePort\nclusterIP: 10.250.0.7",
                "{name: a, port: 80, nodePort: 31007}",
                "{name: b, port: 0}"));
    Response dryRun =
        api.post(
            collection(ns) + "?dryRun=All",
            service("dry", "type: NodePort\nclusterIP: 10.250.0.7", "{port: 80, nodePort: 31007}"));
    created(ns, service("dup", "clusterIP: 10.250.0.8", "{port: 80}"));
    Response alreadyExists =
        api.post(
            collection(ns),
            service("dup", "type: NodePort\nclusterIP: 10.250.0.9", "{port: 80, nodePort: 31009}"));

    assertThat(takenSecondPort.status()).isEqualTo(422);
    assertThat(takenSecondPort.json().at("/details/causes/0/field").asString())
        .isEqualTo("spec.ports[1].nodePort");
    assertThat(invalidSecondPort.status()).isEqualTo(422);
    assertThat(dryRun.status()).isEqualTo(201);
    assertThat(dryRun.json().at("/spec/clusterIP").asString()).isEqualTo("10.250.0.7");
    assertThat(alreadyExists.status()).isEqualTo(409);
    assertThat(keys.opsForSet().size(IPS)).isEqualTo(ips + 1);
    assertThat(keys.opsForSet().size(PORTS)).isEqualTo(ports);
    created(
        ns,
        service("after", "type: NodePort\nclusterIP: 10.250.0.7", "{port: 80, nodePort: 31007}"));
    created(
        ns,
        service("after2", "type: NodePort\nclusterIP: 10.250.0.9", "{port: 80, nodePort: 31009}"));
  }

  @Test
  void repairRebuildsTheStateAfterRedisLostItAndFreesWhatNobodyUses() {
    String ns = namespace();
    created(
        ns,
        service("kept", "type: NodePort\nclusterIP: 10.250.0.11", "{port: 80, nodePort: 31011}"));
    keys.delete(IPS);
    keys.delete(PORTS);
    keys.opsForSet().add(IPS, "10.250.0.12");
    keys.opsForSet().add(PORTS, "31012");

    repair.repair();
    Response ipTaken =
        api.post(collection(ns), service("ip", "clusterIP: 10.250.0.11", "{port: 80}"));
    Response portTaken =
        api.post(collection(ns), service("port", "type: NodePort", "{port: 80, nodePort: 31011}"));
    Response leakedStillHeld =
        api.post(
            collection(ns),
            service(
                "leaked", "type: NodePort\nclusterIP: 10.250.0.12", "{port: 80, nodePort: 31012}"));

    assertThat(ipTaken.status()).isEqualTo(422);
    assertThat(ipTaken.json().path("message").asString())
        .endsWith("provided IP is already allocated");
    assertThat(portTaken.status()).isEqualTo(422);
    assertThat(leakedStillHeld.status()).isEqualTo(422);

    repair.repair();
    repair.repair();
    created(
        ns,
        service("leaked", "type: NodePort\nclusterIP: 10.250.0.12", "{port: 80, nodePort: 31012}"));
  }

  /**
   * Creates a service holding {@code ip} and/or {@code nodePort}, proving them free, and deletes
   * it.
   */
  private void takeAndGiveBack(String ns, @Nullable String ip, int nodePort) {
    String name = "probe-" + UUID.randomUUID().toString().substring(0, 8);
    String spec =
        (nodePort == 0 ? "type: ClusterIP" : "type: NodePort")
            + (ip == null ? "" : "\nclusterIP: " + ip);
    String port = nodePort == 0 ? "{port: 80}" : "{port: 80, nodePort: " + nodePort + "}";
    created(ns, service(name, spec, port));
    assertThat(api.delete(path(ns, name)).status()).isEqualTo(200);
  }

  private ObjectNode patch(String ns, String name, String mergePatch) {
    Response response = api.patch(path(ns, name), "application/merge-patch+json", mergePatch);
    assertThat(response.status()).as("%s", response).isEqualTo(200);
    return response.json();
  }

  private ObjectNode created(String ns, ObjectNode service) {
    Response response = api.post(collection(ns), service);
    assertThat(response.status()).as("%s", response).isEqualTo(201);
    return response.json();
  }

  private String namespace() {
    String name = "t-" + UUID.randomUUID().toString().substring(0, 8);
    Response response =
        api.post("/api/v1/namespaces", "{\"metadata\":{\"name\":\"" + name + "\"}}");
    assertThat(response.status()).isEqualTo(201);
    return name;
  }

  private static ObjectNode service(String name, String spec, String... ports) {
    return spec(name, spec + "\nports: [" + String.join(", ", ports) + "]");
  }

  private static ObjectNode spec(String name, String spec) {
    ObjectNode service =
        ApiClient.json(
            "{\"apiVersion\":\"v1\",\"kind\":\"Service\",\"metadata\":{\"name\":\""
                + name
                + "\"}}");
    service.set("spec", Json.yaml().readTree(spec));
    return service;
  }

  private static List<String> cells(JsonNode rows, String name) {
    for (JsonNode row : rows) {
      if (row.path("cells").path(0).asString().equals(name)) {
        List<String> cells = new ArrayList<>();
        row.path("cells").forEach(cell -> cells.add(cell.asString()));
        return cells;
      }
    }
    throw new AssertionError("no row for " + name + " in " + rows);
  }

  private static int lastOctet(String ip) {
    return Integer.parseInt(ip.substring(ip.lastIndexOf('.') + 1));
  }

  private static String collection(String ns) {
    return "/api/v1/namespaces/" + ns + "/services";
  }

  private static String path(String ns, String name) {
    return collection(ns) + "/" + name;
  }
}
