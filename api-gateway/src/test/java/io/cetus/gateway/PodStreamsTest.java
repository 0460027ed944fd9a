package io.cetus.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.cetus.gateway.FakeObjectStore.Recorded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A pod's {@code log}, {@code exec}, {@code attach} and {@code portforward} go to the node agent
 * that runs it, found through the pod's {@code spec.nodeName} and that Node's address and agent
 * port; every other pod request still goes to the object store. What goes wrong on the way is a
 * {@code Status}. (Streaming and WebSocket relaying themselves: {@link StreamingProxyTest}, {@link
 * WebSocketProxyTest}.)
 */
class PodStreamsTest extends GatewayTestSupport {

  private static final int DEAD_PORT = freePort();

  @BeforeAll
  static void pods() {
    store.putPod("default", "pending", null);
    store.putPod("default", "lost", "node-gone");
    store.putPod("default", "portless", "node-portless");
    store.putNode(
        "node-portless", "{\"addresses\":[{\"type\":\"InternalIP\",\"address\":\"127.0.0.1\"}]}");
    store.putPod("default", "stranded", "node-down");
    store.putNode("node-down", "127.0.0.1", DEAD_PORT);
  }

  @Test
  void logReachesTheNodeAgentWithPathQueryAndHeadersIntact() throws Exception {
    String uri =
        "/api/v1/namespaces/default/pods/web/log?container=nginx&tailLines=3&sinceSeconds=3600"
            + "&timestamps=true";

    HttpResponse<String> response =
        http.send(
            request(uri).header("Authorization", "Bearer s3cret").GET().build(),
            BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo(FakeNodeAgent.LOG);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain");
    assertThat(agent.lastRequestTo(uri).orElseThrow().header("Authorization"))
        .isEqualTo("Bearer s3cret");
    assertThat(store.requestsTo(uri)).isEmpty();
    // The pod is read as the client, so the store decides whether it may see it.
    Recorded podRead = store.lastRequestTo("/api/v1/namespaces/default/pods/web").orElseThrow();
    assertThat(podRead.header("Authorization")).isEqualTo("Bearer s3cret");
  }

  @ParameterizedTest
  @ValueSource(strings = {"exec", "attach", "portforward"})
  void everyPodStreamGoesToTheNodeAgentWithRepeatedParametersInOrder(String subresource)
      throws Exception {
    String uri =
        "/api/v1/namespaces/default/pods/web/"
            + subresource
            + "?command=sh&command=-c&command=exit+3&container=nginx&stdout=true&ports=8080";

    HttpResponse<String> response = get(uri);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("X-Backend")).hasValue("node-agent");
    assertThat(agent.lastRequestTo(uri)).isPresent();
    assertThat(store.requestsTo(uri)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/api/v1/namespaces/default/pods/web",
        "/api/v1/namespaces/default/pods/web/status",
        "/api/v1/namespaces/default/pods/web/eviction",
        "/api/v1/namespaces/default/pods?fieldSelector=spec.nodeName%3Dnode-1"
      })
  void otherPodRequestsStillGoToTheObjectStore(String uri) throws Exception {
    int agentRequests = agent.requestsUnder("/").size();

    HttpResponse<String> response = get(uri);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(store.requestsTo(uri)).isNotEmpty();
    assertThat(agent.requestsUnder("/")).hasSize(agentRequests);
  }

  @Test
  void unknownPodIsTheObjectStoresNotFoundStatus() throws Exception {
    HttpResponse<String> response = get("/api/v1/namespaces/default/pods/ghost/log?container=main");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(response.body()).isEqualTo(FakeObjectStore.notFound("pods", "ghost"));
  }

  @Test
  void podWithoutNodeIsBadRequest() throws Exception {
    HttpResponse<String> response = get("/api/v1/namespaces/default/pods/pending/log");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body())
        .isEqualTo(status(400, "BadRequest", "pod pending does not have a host assigned"));
    assertThat(agent.requestsUnder("/api/v1/namespaces/default/pods/pending")).isEmpty();
  }

  @Test
  void podOnAMissingNodeIsServiceUnavailableNamingTheNode() throws Exception {
    HttpResponse<String> response = get("/api/v1/namespaces/default/pods/lost/log");

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.body())
        .isEqualTo(
            status(
                503,
                "ServiceUnavailable",
                "node-agent of node node-gone is unavailable: there is no Node node-gone"));
  }

  @Test
  void nodeWithoutAgentPortIsServiceUnavailableNamingTheNode() throws Exception {
    HttpResponse<String> response = get("/api/v1/namespaces/default/pods/portless/log");

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.body())
        .isEqualTo(
            status(
                503,
                "ServiceUnavailable",
                "node-agent of node node-portless is unavailable: Node node-portless reports no"
                    + " agent port (status.daemonEndpoints.kubeletEndpoint.Port)"));
  }

  @Test
  void agentDownIsServiceUnavailableNamingTheNode() throws Exception {
    HttpResponse<String> response = get("/api/v1/namespaces/default/pods/stranded/log?follow=true");

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(response.body())
        .isEqualTo(
            status(
                503,
                "ServiceUnavailable",
                "node-agent of node node-down is unavailable: cannot connect to 127.0.0.1:"
                    + DEAD_PORT
                    + " (Connection refused)"));
  }

  @Test
  void execUpgradeWithTheAgentDownIsServiceUnavailable() {
    HttpResponse<?> answer =
        refusedUpgrade("/api/v1/namespaces/default/pods/stranded/exec?command=sh");

    assertThat(answer.statusCode()).isEqualTo(503);
  }

  @Test
  void execUpgradeOnAPodWithoutNodeIsBadRequestAndOnAnUnknownPodNotFound() {
    assertThat(refusedUpgrade("/api/v1/namespaces/default/pods/pending/exec").statusCode())
        .isEqualTo(400);
    assertThat(refusedUpgrade("/api/v1/namespaces/default/pods/ghost/exec").statusCode())
        .isEqualTo(404);
  }

  /** The gateway's answer to a WebSocket upgrade it refused. */
  private HttpResponse<?> refusedUpgrade(String pathAndQuery) {
    Throwable failure =
        catchThrowable(
            () ->
                http.newWebSocketBuilder()
                    .subprotocols("v5.channel.k8s.io", FakeNodeAgent.EXEC_PROTOCOL)
                    .buildAsync(
                        URI.create("ws://127.0.0.1:" + port + pathAndQuery),
                        new WebSocket.Listener() {})
                    .get(DEADLINE.toSeconds(), TimeUnit.SECONDS));
    assertThat(failure).hasCauseInstanceOf(WebSocketHandshakeException.class);
    return ((WebSocketHandshakeException) failure.getCause()).getResponse();
  }

  private static String status(int code, String reason, String message) {
    return "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\","
        + "\"message\":\""
        + message
        + "\",\"reason\":\""
        + reason
        + "\",\"code\":"
        + code
        + "}";
  }

  /** A port nothing listens on: bound once by the OS, then released. */
  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
