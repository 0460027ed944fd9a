package io.cetus.gateway.podstream;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.cetus.gateway.GatewayStatusException;

import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Node agent endpoints as read from Node objects, and how long they are remembered. */
class NodeAgentEndpointsTest {

  private static final Duration TTL = Duration.ofSeconds(5);
  private static final Duration DEADLINE = Duration.ofSeconds(10);

  private final Map<String, String> nodes = new ConcurrentHashMap<>();
  private final AtomicInteger reads = new AtomicInteger();
  private final DisposableServer store =
      HttpServer.create()
          .host("127.0.0.1")
          .port(0)
          .handle(
              (request, response) -> {
                reads.incrementAndGet();
                String node = nodes.get(request.uri().substring("/api/v1/nodes/".length()));
                return node == null
                    ? response.status(404).sendString(Mono.just("{\"kind\":\"Status\"}"))
                    : response
                        .header("Content-Type", "application/json")
                        .sendString(Mono.just(node));
              })
          .bindNow();
  private final AtomicReference<Instant> now =
      new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
  private final NodeAgentEndpoints endpoints =
      new NodeAgentEndpoints(
          new ObjectStoreReader(
              HttpClient.create(), URI.create("http://127.0.0.1:" + store.port()), DEADLINE),
          JsonMapper.builder().build(),
          TTL,
          (InstantSource) now::get);

  @AfterEach
  void stop() {
    store.disposeNow();
  }

  @Test
  void internalIpIsPreferredOverAnEarlierHostname() {
    nodes.put(
        "node-1",
        node(
            "[{\"type\":\"Hostname\",\"address\":\"node-1\"},"
                + "{\"type\":\"InternalIP\",\"address\":\"10.0.0.7\"}]",
            10250));

    assertThat(endpoints.of("node-1").block(DEADLINE))
        .isEqualTo(new NodeAgentEndpoint("node-1", "10.0.0.7", 10250));
  }

  @Test
  void hostnameServesWhenThereIsNoInternalIp() {
    nodes.put("node-1", node("[{\"type\":\"Hostname\",\"address\":\"node-1.lan\"}]", 8093));

    assertThat(endpoints.of("node-1").block(DEADLINE))
        .isEqualTo(new NodeAgentEndpoint("node-1", "node-1.lan", 8093));
  }

  @Test
  void anEndpointIsRememberedForItsTimeThenReadAgain() {
    nodes.put("node-1", node(internalIp("10.0.0.7"), 10250));
    endpoints.of("node-1").block(DEADLINE);
    nodes.put("node-1", node(internalIp("10.0.0.8"), 10251)); // the agent moved

    assertThat(endpoints.of("node-1").block(DEADLINE).host()).isEqualTo("10.0.0.7");
    assertThat(reads).hasValue(1);

    now.set(now.get().plus(TTL));
    assertThat(endpoints.of("node-1").block(DEADLINE))
        .isEqualTo(new NodeAgentEndpoint("node-1", "10.0.0.8", 10251));
    assertThat(reads).hasValue(2);
  }

  @Test
  void aForgottenEndpointIsReadAgainAtOnce() {
    nodes.put("node-1", node(internalIp("10.0.0.7"), 10250));
    endpoints.of("node-1").block(DEADLINE);
    nodes.put("node-1", node(internalIp("10.0.0.8"), 10250));

    endpoints.forget("node-1");

    assertThat(endpoints.of("node-1").block(DEADLINE).host()).isEqualTo("10.0.0.8");
  }

  @Test
  void aMissingNodeIsServiceUnavailableAndNotRemembered() {
    GatewayStatusException missing =
        catchThrowableOfType(
            GatewayStatusException.class, () -> endpoints.of("node-1").block(DEADLINE));

    assertThat(missing.status().code()).isEqualTo(503);
    assertThat(missing.status().message())
        .isEqualTo("node-agent of node node-1 is unavailable: there is no Node node-1");

    nodes.put("node-1", node(internalIp("10.0.0.7"), 10250));
    assertThat(endpoints.of("node-1").block(DEADLINE).host()).isEqualTo("10.0.0.7");
  }

  @Test
  void aNodeWithoutAddressIsServiceUnavailable() {
    nodes.put("node-1", node("[]", 10250));

    GatewayStatusException failure =
        catchThrowableOfType(
            GatewayStatusException.class, () -> endpoints.of("node-1").block(DEADLINE));

    assertThat(failure.status().message())
        .isEqualTo(
            "node-agent of node node-1 is unavailable: Node node-1 reports no InternalIP or"
                + " Hostname address");
  }

  @Test
  void anUnreachableObjectStoreIsServiceUnavailableNamingIt() {
    store.disposeNow();

    GatewayStatusException failure =
        catchThrowableOfType(
            GatewayStatusException.class, () -> endpoints.of("node-1").block(DEADLINE));

    assertThat(failure.status().code()).isEqualTo(503);
    assertThat(failure.status().message())
        .startsWith("object-store-service is unavailable: cannot connect to 127.0.0.1:");
  }

  private static String internalIp(String address) {
    return "[{\"type\":\"InternalIP\",\"address\":\"" + address + "\"}]";
  }

  private static String node(String addresses, int port) {
    return "{\"kind\":\"Node\",\"status\":{\"addresses\":"
        + addresses
        + ",\"daemonEndpoints\":{\"kubeletEndpoint\":{\"Port\":"
        + port
        + "}}}}";
  }
}
