package io.cetus.gateway.filter;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpMethod;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** Which requests may get a streamed answer, and so have their response's headers sent first. */
class StreamHeadersFilterTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/api/v1/pods?watch=true",
        "/api/v1/pods?watch=1",
        "/api/v1/pods?watch",
        "/api/v1/namespaces/default/pods?resourceVersion=7&watch=True&allowWatchBookmarks=true",
        "/api/v1/namespaces/default/pods/web/log?container=nginx&follow=true",
        "/api/v1/namespaces/default/pods/web/log?follow&tailLines=10"
      })
  void aGetThatNamesWatchOrFollowMayStream(String uri) {
    assertThat(StreamHeadersFilter.mayStream(MockServerHttpRequest.get(uri).build())).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/api/v1/pods",
        "/api/v1/pods?limit=500",
        "/api/v1/pods?labelSelector=watch%3Dtrue",
        "/api/v1/pods?nowatch=true&refollow",
        "/api/v1/watch/pods"
      })
  void aGetThatNamesNeitherDoesNot(String uri) {
    assertThat(StreamHeadersFilter.mayStream(MockServerHttpRequest.get(uri).build())).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"POST", "DELETE"})
  void otherMethodsDoNot(String method) {
    assertThat(
            StreamHeadersFilter.mayStream(
                MockServerHttpRequest.method(HttpMethod.valueOf(method), "/api/v1/pods?watch=true")
                    .build()))
        .isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"websocket", "SPDY/3.1"})
  void upgradesDoNot(String protocol) {
    assertThat(
            StreamHeadersFilter.mayStream(
                MockServerHttpRequest.get("/api/v1/pods?watch=true")
                    .header("Connection", "Upgrade")
                    .header("Upgrade", protocol)
                    .build()))
        .isFalse();
  }
}
