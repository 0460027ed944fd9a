package io.cetus.gateway.podstream;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.jspecify.annotations.Nullable;
import org.springframework.web.util.UriUtils;

import io.cetus.gateway.GatewayStatusException;

import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The node agent endpoint of each node, read from its Node object: the first {@code InternalIP} of
 * {@code status.addresses} (else the first {@code Hostname}) and the port in {@code
 * status.daemonEndpoints.kubeletEndpoint.Port}.
 *
 * <p>An endpoint is remembered for a short time ({@code ttl}, a few seconds), so that a burst of
 * {@code logs} and {@code exec} requests reads a Node once, while an agent that restarted on
 * another port or address is found again soon. {@link #forget} drops an endpoint at once, when a
 * request could not reach it. Only endpoints are remembered, never a failure to find one.
 */
public class NodeAgentEndpoints {

  static final String INTERNAL_IP = "InternalIP";
  static final String HOSTNAME = "Hostname";

  private final ObjectStoreReader store;
  private final ObjectMapper json;
  private final Duration ttl;
  private final InstantSource clock;
  private final ConcurrentMap<String, Remembered> remembered = new ConcurrentHashMap<>();

  private record Remembered(NodeAgentEndpoint endpoint, Instant until) {}

  public NodeAgentEndpoints(
      ObjectStoreReader store, ObjectMapper json, Duration ttl, InstantSource clock) {
    this.store = store;
    this.json = json;
    this.ttl = ttl;
    this.clock = clock;
  }

  /** The agent endpoint of {@code node}; a {@code 503} Status naming the node when it has none. */
  public Mono<NodeAgentEndpoint> of(String node) {
    Instant now = clock.instant();
    Remembered known = remembered.get(node);
    if (known != null && now.isBefore(known.until())) {
      return Mono.just(known.endpoint());
    }
    remembered.values().removeIf(entry -> !now.isBefore(entry.until()));
    String path = "/api/v1/nodes/" + UriUtils.encodePathSegment(node, StandardCharsets.UTF_8);
    // The gateway's own read: the client's permission was checked when it read the pod.
    return store
        .get(path, null)
        .map(answer -> endpoint(node, answer))
        .doOnNext(
            endpoint -> remembered.put(node, new Remembered(endpoint, clock.instant().plus(ttl))));
  }

  /** Forgets what is known about {@code node}'s endpoint; the next request reads the Node again. */
  public void forget(String node) {
    remembered.remove(node);
  }

  private NodeAgentEndpoint endpoint(String node, ObjectStoreReader.Answer answer) {
    if (answer.code() == 404) {
      throw unavailable(node, "there is no Node " + node);
    }
    if (!answer.ok()) {
      throw unavailable(node, "reading Node " + node + " answered HTTP " + answer.code());
    }
    JsonNode status;
    try {
      status = json.readTree(answer.body()).path("status");
    } catch (JacksonException e) {
      throw unavailable(node, "Node " + node + " is not readable JSON");
    }
    String host = address(status.path("addresses"), INTERNAL_IP);
    if (host == null) {
      host = address(status.path("addresses"), HOSTNAME);
    }
    if (host == null) {
      throw unavailable(node, "Node " + node + " reports no InternalIP or Hostname address");
    }
    JsonNode port = status.path("daemonEndpoints").path("kubeletEndpoint").path("Port");
    if (!port.isIntegralNumber() || port.asInt() < 1 || port.asInt() > 65535) {
      throw unavailable(
          node,
          "Node " + node + " reports no agent port (status.daemonEndpoints.kubeletEndpoint.Port)");
    }
    return new NodeAgentEndpoint(node, host, port.asInt());
  }

  private static @Nullable String address(JsonNode addresses, String type) {
    for (JsonNode address : addresses) {
      String value = address.path("address").asString("");
      if (type.equals(address.path("type").asString("")) && !value.isBlank()) {
        return value.trim();
      }
    }
    return null;
  }

  private static GatewayStatusException unavailable(String node, String why) {
    return new GatewayStatusException(
        503, "node-agent of node " + node + " is unavailable: " + why);
  }
}
