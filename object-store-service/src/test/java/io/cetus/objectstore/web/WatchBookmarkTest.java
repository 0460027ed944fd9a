package io.cetus.objectstore.web;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.cetus.objectstore.web.ApiClient.WatchStream;

import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "platform.object-store.backend=memory",
      "platform.object-store.watch-bookmark-interval=200ms"
    })
class WatchBookmarkTest {

  @LocalServerPort int port;

  @Test
  void quietWatchesThatAllowBookmarksGetThem() {
    ApiClient api = new ApiClient(port);
    api.post("/api/v1/namespaces/default/configmaps", "{\"metadata\":{\"name\":\"bm\"}}");
    String rv =
        api.get("/api/v1/namespaces/default/configmaps")
            .json()
            .at("/metadata/resourceVersion")
            .asString();

    try (WatchStream watch =
        api.watch(
            "/api/v1/namespaces/default/configmaps?watch=true&allowWatchBookmarks=true&resourceVersion="
                + rv,
            null)) {
      ObjectNode bookmark = watch.next(Duration.ofSeconds(10));

      assertThat(bookmark.path("type").asString()).isEqualTo("BOOKMARK");
      assertThat(bookmark.at("/object/kind").asString()).isEqualTo("ConfigMap");
      assertThat(bookmark.at("/object/apiVersion").asString()).isEqualTo("v1");
      assertThat(bookmark.at("/object/metadata/resourceVersion").asString()).isEqualTo(rv);
    }
  }

  @Test
  void watchesWithoutBookmarksGetNone() {
    ApiClient api = new ApiClient(port);

    String rv =
        api.get("/api/v1/namespaces/default/configmaps")
            .json()
            .at("/metadata/resourceVersion")
            .asString();

    try (WatchStream watch =
        api.watch(
            "/api/v1/namespaces/default/configmaps?watch=true&timeoutSeconds=1&resourceVersion="
                + rv,
            null)) {
      assertThat(watch.endsWithoutEventsWithin(Duration.ofSeconds(10))).isTrue();
    }
  }
}
