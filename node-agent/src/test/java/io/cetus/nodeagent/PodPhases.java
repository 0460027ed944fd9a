package io.cetus.nodeagent;

import java.time.Duration;

import io.cetus.api.core.Pod;
import io.cetus.testsupport.client.FakeApiClient;

import static org.awaitility.Awaitility.await;

/** Waits for what the agent reports of a pod, as a user watching it through the API would. */
public final class PodPhases {

  private PodPhases() {}

  /**
   * Waits until the pod's {@code status.phase} is {@code phase}, failing after {@code deadline}.
   */
  public static void awaitPhase(
      FakeApiClient api, String namespace, String name, String phase, Duration deadline) {
    await()
        .atMost(deadline)
        .until(
            () ->
                phase.equals(
                    api.forType(Pod.class).get(namespace, name).orElseThrow().status().phase()));
  }
}
