package io.cetus.objectstore.allocation;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import io.cetus.api.errors.ApiException;
import io.cetus.api.errors.Reason;
import io.cetus.api.resource.ResourceTypes;
import io.cetus.objectstore.store.ObjectStore;
import io.cetus.objectstore.store.memory.InMemoryObjectStore;
import io.cetus.objectstore.web.ApiClient;
import io.cetus.objectstore.web.ApiClient.Response;
import io.cetus.objectstore.web.ApiTest;

import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A write the store fails (as when Redis goes away mid-request) keeps no allocation, over HTTP on
 * the in-memory backend, whose store can be told to fail the next write. A context of its own, so
 * no other test's writes meet the injected failure.
 */
@TestPropertySource(properties = "platform.object-store.allocation-repair-interval=1h")
class ServiceAllocationFailuresTest extends ApiTest {

  @Autowired ObjectStore store;

  @Test
  void aCreateTheStoreFailsKeepsNothing() {
    String ns = newNamespace();
    failNextServiceWrite();

    Response failed = api.post(services(ns), service("web", "10.242.128.60", 30060));
    Response retried = api.post(services(ns), service("web", "10.242.128.60", 30060));

    assertThat(failed.status()).isEqualTo(503);
    assertThat(retried.status()).as("%s", retried).isEqualTo(201);
  }

  @Test
  void anUpdateTheStoreFailsKeepsTheOldPortAndNotTheNewOne() {
    String ns = newNamespace();
    assertThat(api.post(services(ns), service("web", "10.242.128.61", 30061)).status())
        .isEqualTo(201);
    failNextServiceWrite();

    Response failed =
        api.patch(
            services(ns) + "/web",
            "application/merge-patch+json",
            "{\"spec\":{\"ports\":[{\"port\":80,\"nodePort\":30062}]}}");

    assertThat(failed.status()).isEqualTo(503);
    assertThat(api.post(services(ns), service("new-port", null, 30062)).status()).isEqualTo(201);
    assertThat(api.post(services(ns), service("old-port", null, 30061)).status()).isEqualTo(422);
  }

  @Test
  void aDeleteTheStoreFailsKeepsTheAddresses() {
    String ns = newNamespace();
    assertThat(api.post(services(ns), service("web", "10.242.128.63", 30063)).status())
        .isEqualTo(201);
    failNextServiceWrite();

    Response failed = api.delete(services(ns) + "/web");

    assertThat(failed.status()).isEqualTo(503);
    assertThat(api.post(services(ns), service("ip", "10.242.128.63", 0)).status()).isEqualTo(422);
    assertThat(api.post(services(ns), service("port", null, 30063)).status()).isEqualTo(422);
    assertThat(api.delete(services(ns) + "/web").status()).isEqualTo(200);
    assertThat(api.post(services(ns), service("ip", "10.242.128.63", 30063)).status())
        .isEqualTo(201);
  }

  private void failNextServiceWrite() {
    ((InMemoryObjectStore) store)
        .failNextWrite(
            ResourceTypes.SERVICES,
            new ApiException(Reason.SERVICE_UNAVAILABLE, "the object store cannot reach Redis"));
  }

  private static ObjectNode service(String name, @Nullable String clusterIp, int nodePort) {
    ObjectNode service =
        ApiClient.json(
            "{\"apiVersion\":\"v1\",\"kind\":\"Service\",\"metadata\":{\"name\":\""
                + name
                + "\"}}");
    ObjectNode spec = service.putObject("spec");
    if (clusterIp != null) {
      spec.put("clusterIP", clusterIp);
    }
    ObjectNode port = spec.putArray("ports").addObject().put("port", 80);
    if (nodePort != 0) {
      spec.put("type", "NodePort");
      port.put("nodePort", nodePort);
    }
    return service;
  }

  private static String services(String ns) {
    return "/api/v1/namespaces/" + ns + "/services";
  }
}
