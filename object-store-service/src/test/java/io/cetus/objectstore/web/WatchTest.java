package io.cetus.objectstore.web;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.cetus.objectstore.store.ObjectStore;
import io.cetus.objectstore.web.ApiClient.WatchStream;

import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

class WatchTest extends ApiTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  @Autowired ObjectStore store;

  @Test
  void watchWithoutResourceVersionStartsWithTheCurrentStateThenFollowsChanges() {
    String ns = newNamespace();
    api.post("/api/v1/namespaces/" + ns + "/configmaps", configMap("old"));

    try (WatchStream watch =
        api.watch("/api/v1/namespaces/" + ns + "/configmaps?watch=true", null)) {
      assertThat(watch.status()).isEqualTo(200);
      assertThat(watch.contentType()).startsWith("application/json");
      ObjectNode initial = watch.next(WAIT);
      assertThat(initial.path("type").asString()).isEqualTo("ADDED");
      assertThat(initial.at("/object/metadata/name").asString()).isEqualTo("old");
      assertThat(initial.at("/object/kind").asString()).isEqualTo("ConfigMap");

      api.post("/api/v1/namespaces/" + ns + "/configmaps", configMap("new"));
      ObjectNode added = watch.next(WAIT);
      api.delete("/api/v1/namespaces/" + ns + "/configmaps/old");
      ObjectNode deleted = watch.next(WAIT);

      assertThat(added.path("type").asString()).isEqualTo("ADDED");
      assertThat(added.at("/object/metadata/name").asString()).isEqualTo("new");
      assertThat(added.at("/object/apiVersion").asString()).isEqualTo("v1");
      assertThat(deleted.path("type").asString()).isEqualTo("DELETED");
      assertThat(deleted.at("/object/metadata/name").asString()).isEqualTo("old");
    }
  }

  @Test
  void watchFromAResourceVersionSendsOnlyLaterChanges() {
    String ns = newNamespace();
    api.post("/api/v1/namespaces/" + ns + "/configmaps", configMap("before"));
    String rv =
        api.get("/api/v1/namespaces/" + ns + "/configmaps")
            .json()
            .at("/metadata/resourceVersion")
            .asString();
    api.post("/api/v1/namespaces/" + ns + "/configmaps", configMap("after"));

    try (WatchStream watch =
        api.watch("/api/v1/namespaces/" + ns + "/configmaps?watch=1&resourceVersion=" + rv, null)) {
      ObjectNode first = watch.next(WAIT);

      assertThat(first.path("type").asString()).isEqualTo("ADDED");
      assertThat(first.at("/object/metadata/name").asString()).isEqualTo("after");
      assertThat(Long.parseLong(first.at("/object/metadata/resourceVersion").asString()))
          .isGreaterThan(Long.parseLong(rv));
    }
  }

  @Test
  void watchFromACompactedResourceVersionSendsExpiredAndEnds() {
    String ns = newNamespace();
    api.post("/api/v1/namespaces/" + ns + "/configmaps", configMap("a"));
    api.post("/api/v1/namespaces/" + ns + "/configmaps", configMap("b"));
    store.compact(store.currentRevision());

    try (WatchStream watch =
        api.watch("/api/v1/namespaces/" + ns + "/configmaps?watch=true&resourceVersion=1", null)) {
      assertThat(watch.status()).isEqualTo(200);
      ObjectNode error = watch.next(WAIT);

      assertThat(error.path("type").asString()).isEqualTo("ERROR");
      assertThat(error.at("/object/kind").asString()).isEqualTo("Status");
      assertThat(error.at("/object/reason").asString()).isEqualTo("Expired");
      assertThat(error.at("/object/code").asInt()).isEqualTo(410);
      assertThat(error.at("/object/message").asString())
          .startsWith("too old resource version: 1 (");
      assertThat(watch.endsWithin(WAIT)).isTrue();
    }
  }

  @Test
  void selectorsTurnTransitionsIntoAddedAndDeleted() {
    String ns = newNamespace();
    String path = "/api/v1/namespaces/" + ns + "/configmaps";
    ObjectNode labelled = configMap("moving");
    labelled.withObjectProperty("metadata").putObject("labels").put("app", "web");
    api.post(path, labelled);

    try (WatchStream watch = api.watch(path + "?watch=True&labelSelector=app%3Dweb", null)) {
      assertThat(watch.next(WAIT).path("type").asString()).isEqualTo("ADDED");

      api.patch(
          path + "/moving",
          "application/merge-patch+json",
          "{\"metadata\":{\"labels\":{\"app\":\"db\"}}}");
      ObjectNode left = watch.next(WAIT);
      api.post(path, configMap("unrelated"));
      api.patch(
          path + "/moving",
          "application/merge-patch+json",
          "{\"metadata\":{\"labels\":{\"app\":\"web\"}}}");
      ObjectNode back = watch.next(WAIT);

      assertThat(left.path("type").asString()).isEqualTo("DELETED");
      assertThat(left.at("/object/metadata/labels/app").asString()).isEqualTo("db");
      assertThat(back.path("type").asString()).isEqualTo("ADDED");
      assertThat(back.at("/object/metadata/name").asString()).isEqualTo("moving");
    }
  }

  @Test
  void singleObjectWatchByFieldSelectorSeesOnlyThatObject() {
    String ns = newNamespace();
    String path = "/api/v1/namespaces/" + ns + "/configmaps";
    api.post(path, configMap("mine"));
    api.post(path, configMap("other"));

    try (WatchStream watch =
        api.watch(
            path + "?watch=true&resourceVersion=0&fieldSelector=metadata.name%3Dmine", null)) {
      ObjectNode synthetic = watch.next(WAIT);
      api.patch(path + "/other", "application/merge-patch+json", "{\"data\":{\"x\":\"1\"}}");
      api.patch(path + "/mine", "application/merge-patch+json", "{\"data\":{\"x\":\"1\"}}");
      ObjectNode modified = watch.next(WAIT);

      assertThat(synthetic.at("/object/metadata/name").asString()).isEqualTo("mine");
      assertThat(modified.path("type").asString()).isEqualTo("MODIFIED");
      assertThat(modified.at("/object/metadata/name").asString()).isEqualTo("mine");
    }
  }

  @Test
  void tableWatchesSendColumnDefinitionsOnTheFirstEventOnly() {
    String ns = newNamespace();
    String path = "/api/v1/namespaces/" + ns + "/pods";
    api.post(path, pod("first"));

    try (WatchStream watch = api.watch(path + "?watch=true", ApiClient.TABLE_ACCEPT)) {
      ObjectNode first = watch.next(WAIT);
      api.post(path, pod("second"));
      ObjectNode second = watch.next(WAIT);

      assertThat(first.at("/object/kind").asString()).isEqualTo("Table");
      assertThat(first.at("/object/columnDefinitions").isArray()).isTrue();
      assertThat(first.at("/object/rows/0/cells/0").asString()).isEqualTo("first");
      assertThat(second.at("/object/kind").asString()).isEqualTo("Table");
      assertThat(second.at("/object").has("columnDefinitions")).isFalse();
      assertThat(second.at("/object/rows/0/cells/0").asString()).isEqualTo("second");
    }
  }

  @Test
  void timeoutSecondsEndsTheWatch() {
    String ns = newNamespace();

    try (WatchStream watch =
        api.watch("/api/v1/namespaces/" + ns + "/configmaps?watch=true&timeoutSeconds=1", null)) {
      assertThat(watch.endsWithin(WAIT)).isTrue();
    }
  }

  @Test
  void watchFalseIsAList() {
    String ns = newNamespace();

    var response = api.get("/api/v1/namespaces/" + ns + "/configmaps?watch=false");

    assertThat(response.json().path("kind").asString()).isEqualTo("ConfigMapList");
  }
}
