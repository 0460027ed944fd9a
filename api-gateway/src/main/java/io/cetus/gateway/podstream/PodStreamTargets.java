package io.cetus.gateway.podstream;

import org.jspecify.annotations.Nullable;

import io.cetus.gateway.GatewayStatusException;

import reactor.core.publisher.Mono;
import tools.jackson.databind.ObjectMapper;

/**
 * Finds the node agent that serves a pod's streams: reads the pod from the object store (as the
 * client, with its {@code Authorization}), takes {@code spec.nodeName}, and asks {@link
 * NodeAgentEndpoints} where that node's agent listens.
 *
 * <p>Failures are the client's answer: the store's own answer when it refuses the pod (a {@code
 * 404} for an unknown one), {@code 400} for a pod with no node yet, as Kubernetes answers, and
 * {@code 503} naming the node when its agent cannot be located.
 */
public class PodStreamTargets {

  private final ObjectStoreReader store;
  private final NodeAgentEndpoints agents;
  private final ObjectMapper json;

  public PodStreamTargets(ObjectStoreReader store, NodeAgentEndpoints agents, ObjectMapper json) {
    this.store = store;
    this.agents = agents;
    this.json = json;
  }

  /** The endpoint of the agent running {@code pod}. */
  public Mono<NodeAgentEndpoint> nodeAgentOf(PodReference pod, @Nullable String authorization) {
    return store
        .get(pod.objectPath(), authorization)
        .flatMap(
            answer -> {
              if (!answer.ok()) {
                return Mono.error(answer.toClient());
              }
              String node = json.readTree(answer.body()).path("spec").path("nodeName").asString("");
              if (node.isBlank()) {
                return Mono.error(
                    new GatewayStatusException(
                        400, "pod " + pod.name() + " does not have a host assigned"));
              }
              return agents.of(node);
            });
  }

  /** Forgets the endpoint of {@code node}, after a request failed to reach it. */
  public void forget(String node) {
    agents.forget(node);
  }
}
