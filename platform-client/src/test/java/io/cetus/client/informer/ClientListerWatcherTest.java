package io.cetus.client.informer;

import java.io.IOException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.cetus.api.resource.ResourceTypes;
import io.cetus.client.ListOptions;
import io.cetus.client.ObjectList;
import io.cetus.client.TestObject;
import io.cetus.client.http.ApiClient;
import io.cetus.client.http.StubApiServer;

import static org.assertj.core.api.Assertions.assertThat;

class ClientListerWatcherTest {

  private final StubApiServer server;
  private final ApiClient api;
  private final ClientListerWatcher<TestObject> nodeOnePods;

  ClientListerWatcherTest() throws IOException {
    server = new StubApiServer();
    api = ApiClient.create(server.baseUrl());
    nodeOnePods =
        ClientListerWatcher.of(
            api.objects(ResourceTypes.PODS, TestObject.class),
            null,
            ListOptions.ALL.withFieldSelector("spec.nodeName=node-1"));
  }

  @AfterEach
  void close() {
    api.close();
    server.close();
  }

  @Test
  void listFollowsContinueTokensAndKeepsTheFirstPagesRevision() {
    server.answer(200, page("10", "token-1", "a"));
    server.answer(200, page("10", null, "b"));

    ObjectList<TestObject> list = nodeOnePods.list();

    assertThat(list.items()).extracting(o -> o.metadata().name()).containsExactly("a", "b");
    assertThat(list.resourceVersion()).isEqualTo("10");
    assertThat(list.hasMore()).isFalse();
    assertThat(server.requests())
        .extracting(StubApiServer.Recorded::uri)
        .containsExactly(
            "/api/v1/pods?fieldSelector=spec.nodeName%3Dnode-1&limit=500",
            "/api/v1/pods?fieldSelector=spec.nodeName%3Dnode-1&limit=500&continue=token-1");
  }

  @Test
  void expiredContinueTokenFallsBackToOneUnpagedList() {
    server.answer(200, page("10", "token-1", "a"));
    server.answer(410, "{\"kind\":\"Status\",\"reason\":\"Expired\",\"code\":410}");
    server.answer(200, page("15", null, "a", "b", "c"));

    ObjectList<TestObject> list = nodeOnePods.list();

    assertThat(list.items()).hasSize(3);
    assertThat(list.resourceVersion()).isEqualTo("15");
    assertThat(server.lastRequest().uri())
        .isEqualTo("/api/v1/pods?fieldSelector=spec.nodeName%3Dnode-1");
  }

  @Test
  void watchKeepsTheSelectorsAndAsksForBookmarksAndAServerTimeout() {
    server.stream().end();

    nodeOnePods.watch("10").close();

    assertThat(server.lastRequest().uri())
        .startsWith(
            "/api/v1/pods?watch=true&resourceVersion=10&fieldSelector=spec.nodeName%3Dnode-1"
                + "&timeoutSeconds=")
        .endsWith("&allowWatchBookmarks=true");
  }

  private static String page(String resourceVersion, String continueToken, String... names) {
    var items = new StringBuilder();
    for (String name : names) {
      items
          .append(items.isEmpty() ? "" : ",")
          .append("{\"metadata\":{\"name\":\"")
          .append(name)
          .append("\",\"namespace\":\"ns\",\"resourceVersion\":\"1\"}}");
    }
    return "{\"kind\":\"PodList\",\"metadata\":{\"resourceVersion\":\""
        + resourceVersion
        + "\""
        + (continueToken == null ? "" : ",\"continue\":\"" + continueToken + "\"")
        + "},\"items\":["
        + items
        + "]}";
  }
}
