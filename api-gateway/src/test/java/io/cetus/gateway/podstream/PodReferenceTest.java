package io.cetus.gateway.podstream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PodReferenceTest {

  @Test
  void podOfASubresourcePath() {
    PodReference pod = PodReference.ofSubresourcePath("/api/v1/namespaces/demo/pods/web-1/exec");

    assertThat(pod).isEqualTo(new PodReference("demo", "web-1"));
    assertThat(pod.objectPath()).isEqualTo("/api/v1/namespaces/demo/pods/web-1");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/api/v1/namespaces/demo/pods/web",
        "/api/v1/namespaces/demo/pods/web/",
        "/api/v1/namespaces//pods/web/log",
        "/api/v1/namespaces/demo/pods//log",
        "/api/v1/namespaces/demo/services/web/proxy",
        "/apis/v1/namespaces/demo/pods/web/log",
        "/api/v1/namespaces/demo/pods/web/log/extra"
      })
  void noPodInOtherPaths(String path) {
    assertThat(PodReference.ofSubresourcePath(path)).isNull();
  }
}
