package io.cetus.nodeagent.pod;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cetus.nodeagent.runtime.ContainerSpec;
import io.cetus.nodeagent.runtime.fake.FakeContainerRuntime;

import static org.assertj.core.api.Assertions.assertThat;

class PodRemovalOnShutdownTest {

  private static final String IMAGE = "cetus/demo-app:0.1.0";

  private final FakeContainerRuntime runtime =
      new FakeContainerRuntime(Clock.systemUTC()).addImage(IMAGE);

  @Test
  void removesEveryContainerOfItsNodeAndNoneOfAnother() {
    start("web_POD", "node-a", PodContainers.SANDBOX);
    start("web_app", "node-a", "app");
    start("db_POD", "node-b", PodContainers.SANDBOX);

    new PodRemovalOnShutdown("node-a", runtime, Duration.ofSeconds(1)).close();

    assertThat(runtime.list(Map.of(PodContainers.NODE, "node-a"))).isEmpty();
    assertThat(runtime.list(Map.of(PodContainers.NODE, "node-b"))).hasSize(1);
  }

  @Test
  void aNodeWithoutContainersIsNothingToDo() {
    new PodRemovalOnShutdown("node-a", runtime, Duration.ofSeconds(1)).close();

    assertThat(runtime.list(Map.of(PodContainers.NODE, "node-a"))).isEmpty();
  }

  private void start(String name, String node, String container) {
    runtime.start(
        ContainerSpec.builder("test_" + name, IMAGE)
            .label(PodContainers.NODE, node)
            .label(PodContainers.CONTAINER, container)
            .build());
  }
}
