package io.cetus.objectstore.gc;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.cetus.objectstore.web.ApiClient.Response;
import io.cetus.objectstore.web.ApiTest;

import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class GarbageCollectionTest extends ApiTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  @Test
  void backgroundDeletionOfAnOwnerCollectsItsDependents() {
    String ns = newNamespace();
    ObjectNode owner = createReplicaSet(ns, "rs");
    createPod(ns, ownedPod("rs-a", owner));
    createPod(ns, ownedPod("rs-b", owner));

    Response deleted =
        api.delete(
            "/apis/apps/v1/namespaces/" + ns + "/replicasets/rs",
            "{\"propagationPolicy\":\"Background\"}");

    assertThat(deleted.status()).isEqualTo(200);
    assertThat(api.get("/apis/apps/v1/namespaces/" + ns + "/replicasets/rs").status())
        .isEqualTo(404);
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              assertThat(api.get(pods(ns) + "/rs-a").status()).isEqualTo(404);
              assertThat(api.get(pods(ns) + "/rs-b").status()).isEqualTo(404);
            });
  }

  @Test
  void foregroundDeletionRemovesTheDependentsBeforeTheOwner() {
    String ns = newNamespace();
    ObjectNode owner = createReplicaSet(ns, "rs");
    createPod(ns, ownedPod("rs-a", owner));

    Response deleted =
        api.delete(
            "/apis/apps/v1/namespaces/" + ns + "/replicasets/rs",
            "{\"propagationPolicy\":\"Foreground\"}");

    assertThat(deleted.status()).isEqualTo(200);
    assertThat(deleted.json().at("/metadata/deletionTimestamp").isString()).isTrue();
    assertThat(deleted.json().at("/metadata/finalizers/0").asString())
        .isEqualTo("foregroundDeletion");
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              assertThat(api.get(pods(ns) + "/rs-a").status()).isEqualTo(404);
              assertThat(api.get("/apis/apps/v1/namespaces/" + ns + "/replicasets/rs").status())
                  .isEqualTo(404);
            });
  }

  @Test
  void orphanDeletionKeepsTheDependentsWithoutTheirOwnerReference() {
    String ns = newNamespace();
    ObjectNode owner = createReplicaSet(ns, "rs");
    createPod(ns, ownedPod("rs-a", owner));

    Response deleted =
        api.delete("/apis/apps/v1/namespaces/" + ns + "/replicasets/rs?propagationPolicy=Orphan");

    assertThat(deleted.status()).isEqualTo(200);
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(api.get("/apis/apps/v1/namespaces/" + ns + "/replicasets/rs").status())
                    .isEqualTo(404));
    Response pod = api.get(pods(ns) + "/rs-a");
    assertThat(pod.status()).isEqualTo(200);
    assertThat(pod.json().at("/metadata").has("ownerReferences")).isFalse();
  }

  @Test
  void aDependentWithAnotherLiveOwnerOnlyLosesTheReferenceToTheGoneOne() {
    String ns = newNamespace();
    ObjectNode first = createReplicaSet(ns, "first");
    ObjectNode second = createReplicaSet(ns, "second");
    ObjectNode pod = ownedPod("shared", first);
    pod.withObjectProperty("metadata")
        .withArrayProperty("ownerReferences")
        .add(ownedPod("x", second).at("/metadata/ownerReferences/0").deepCopy());
    ((ObjectNode) pod.at("/metadata/ownerReferences/1")).put("controller", false);
    createPod(ns, pod);

    api.delete("/apis/apps/v1/namespaces/" + ns + "/replicasets/first");

    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              Response shared = api.get(pods(ns) + "/shared");
              assertThat(shared.status()).isEqualTo(200);
              assertThat(shared.json().at("/metadata/ownerReferences").size()).isEqualTo(1);
              assertThat(shared.json().at("/metadata/ownerReferences/0/name").asString())
                  .isEqualTo("second");
            });
  }

  @Test
  void aDependentCreatedForAnOwnerThatIsGoneIsCollected() {
    String ns = newNamespace();
    ObjectNode owner = createReplicaSet(ns, "rs");
    api.delete("/apis/apps/v1/namespaces/" + ns + "/replicasets/rs");

    createPod(ns, ownedPod("late", owner));

    await()
        .atMost(WAIT)
        .untilAsserted(() -> assertThat(api.get(pods(ns) + "/late").status()).isEqualTo(404));
  }

  @Test
  void anOwnerWithTheSameNameButAnotherUidDoesNotKeepADependent() {
    String ns = newNamespace();
    ObjectNode gone = createReplicaSet(ns, "rs");
    api.delete("/apis/apps/v1/namespaces/" + ns + "/replicasets/rs");
    createReplicaSet(ns, "rs");

    createPod(ns, ownedPod("stale", gone));

    await()
        .atMost(WAIT)
        .untilAsserted(() -> assertThat(api.get(pods(ns) + "/stale").status()).isEqualTo(404));
  }

  private ObjectNode createReplicaSet(String ns, String name) {
    Response created =
        api.post("/apis/apps/v1/namespaces/" + ns + "/replicasets", replicaSet(name, 1));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json();
  }

  private void createPod(String ns, ObjectNode pod) {
    Response created = api.post(pods(ns), pod);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
  }

  private static String pods(String ns) {
    return "/api/v1/namespaces/" + ns + "/pods";
  }
}
