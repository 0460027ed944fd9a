package io.cetus.nodeagent.node;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

import io.cetus.api.coordination.Lease;
import io.cetus.api.core.Node;
import io.cetus.nodeagent.runtime.fake.FakeContainerRuntime;
import io.cetus.testsupport.client.FakeApiClient;
import io.cetus.testsupport.time.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

class NodeLeaseHealthIndicatorTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final FakeApiClient api = new FakeApiClient(clock);
  private final NodeLeaseHealthIndicator health =
      new NodeLeaseHealthIndicator(
          "node-1", api.forType(Lease.class), Duration.ofSeconds(40), clock);

  @Test
  void downUntilTheFirstHeartbeatThenUpWhileTheLeaseIsFresh() {
    assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);

    new NodeHeartbeat(
            "node-1",
            "192.0.2.10",
            110,
            Duration.ofSeconds(10),
            Duration.ofSeconds(40),
            new FakeContainerRuntime(clock),
            api.forType(Node.class),
            api.forType(Lease.class),
            clock)
        .beat();
    assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    assertThat(health.health().getDetails()).containsEntry("node", "node-1");

    clock.advance(Duration.ofSeconds(41));
    assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
  }
}
