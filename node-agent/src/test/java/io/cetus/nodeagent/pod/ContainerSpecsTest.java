package io.cetus.nodeagent.pod;

import org.junit.jupiter.api.Test;

import io.cetus.api.core.Container;
import io.cetus.api.json.Json;
import io.cetus.nodeagent.runtime.ImagePullPolicy;

import static org.assertj.core.api.Assertions.assertThat;

class ContainerSpecsTest {

  @Test
  void pullPolicyDefaultsToAlwaysForLatestAndIfNotPresentForATag() {
    assertThat(ContainerSpecs.pullPolicy(Container.of("a", "nginx")))
        .isEqualTo(ImagePullPolicy.ALWAYS);
    assertThat(ContainerSpecs.pullPolicy(Container.of("a", "nginx:latest")))
        .isEqualTo(ImagePullPolicy.ALWAYS);
    assertThat(ContainerSpecs.pullPolicy(Container.of("a", "localhost:5000/nginx")))
        .isEqualTo(ImagePullPolicy.ALWAYS);
    assertThat(ContainerSpecs.pullPolicy(Container.of("a", "cetus/demo-app:0.1.0")))
        .isEqualTo(ImagePullPolicy.IF_NOT_PRESENT);
  }

  @Test
  void requestsBecomeSharesAndTheSoftMemoryLimit() {
    Container container =
        Json.yaml()
            .readValue(
                """
                name: app
                image: app:1
                resources:
                  requests: {cpu: 250m, memory: 32Mi}
                  limits: {cpu: "1", memory: 64Mi}
                """,
                Container.class);

    var resources = ContainerSpecs.resources(container);

    assertThat(resources.cpuShares()).isEqualTo(256);
    assertThat(resources.nanoCpus()).isEqualTo(1_000_000_000L);
    assertThat(resources.memoryRequestBytes()).isEqualTo(32L * 1024 * 1024);
    assertThat(resources.memoryLimitBytes()).isEqualTo(64L * 1024 * 1024);
  }
}
