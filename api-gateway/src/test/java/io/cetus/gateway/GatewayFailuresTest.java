package io.cetus.gateway;

import java.net.ConnectException;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ResponseStatusException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which Status a client gets for each kind of failure inside the gateway. */
class GatewayFailuresTest {

  private final MockServerWebExchange routed = routedExchange();

  @Test
  void refusedConnectionIsServiceUnavailableNamingTheServiceAndAddress() {
    ConnectException refused =
        new ConnectException(
            "finishConnect(..) failed with error(-111): Connection refused: /127.0.0.1:8091");

    KubernetesStatus status = GatewayFailures.toStatus(routed, new IllegalStateException(refused));

    assertThat(status)
        .isEqualTo(
            KubernetesStatus.failure(
                503,
                "object-store-service is unavailable: cannot connect to 127.0.0.1:8091"
                    + " (Connection refused)"));
    assertThat(status.reason()).isEqualTo("ServiceUnavailable");
  }

  @Test
  void refusedConnectionNamesTheServiceAFilterChoseForTheRequest() {
    routed.getAttributes().put(RouteTarget.SERVICE_ATTRIBUTE, "node-agent of node node-1");
    routed
        .getAttributes()
        .put(
            ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR,
            URI.create("http://10.0.0.7:10250/api/v1/namespaces/default/pods/web/log"));

    KubernetesStatus status =
        GatewayFailures.toStatus(routed, new ConnectException("Connection refused"));

    assertThat(status.message())
        .isEqualTo(
            "node-agent of node node-1 is unavailable: cannot connect to 10.0.0.7:10250"
                + " (Connection refused)");
  }

  @Test
  void failureTheGatewayPutIntoWordsIsAnsweredAsIs() {
    GatewayStatusException described =
        new GatewayStatusException(400, "pod web does not have a host assigned");

    assertThat(GatewayFailures.toStatus(routed, described))
        .isEqualTo(KubernetesStatus.failure(400, "pod web does not have a host assigned"));
  }

  @Test
  void responseTimeoutIsTimeoutNamingTheService() {
    ResponseStatusException timeout =
        new ResponseStatusException(
            HttpStatus.GATEWAY_TIMEOUT, "Response took longer than 5s", new TimeoutException());

    KubernetesStatus status = GatewayFailures.toStatus(routed, timeout);

    assertThat(status.code()).isEqualTo(504);
    assertThat(status.reason()).isEqualTo("Timeout");
    assertThat(status.message())
        .isEqualTo("object-store-service at 127.0.0.1:8091 did not answer in time");
  }

  @Test
  void unexpectedFailureIsInternalErrorWithoutDetails() {
    KubernetesStatus status =
        GatewayFailures.toStatus(routed, new IllegalStateException("secret internals"));

    assertThat(status.code()).isEqualTo(500);
    assertThat(status.reason()).isEqualTo("InternalError");
    assertThat(status.message()).doesNotContain("secret");
  }

  @Test
  void unmatchedRequestIsNotFound() {
    MockServerWebExchange unrouted = MockServerWebExchange.from(MockServerHttpRequest.get("/x"));

    KubernetesStatus status =
        GatewayFailures.toStatus(unrouted, new ResponseStatusException(HttpStatus.NOT_FOUND));

    assertThat(status)
        .isEqualTo(
            KubernetesStatus.failure(404, "the server could not find the requested resource"));
    assertThat(status.reason()).isEqualTo("NotFound");
  }

  private static MockServerWebExchange routedExchange() {
    MockServerWebExchange exchange =
        MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/pods"));
    Route route =
        Route.async()
            .id("object-store")
            .uri(URI.create("http://127.0.0.1:8091"))
            .predicate(candidate -> true)
            .metadata(Map.of(RouteTarget.SERVICE_METADATA, "object-store-service"))
            .build();
    exchange.getAttributes().put(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR, route);
    exchange
        .getAttributes()
        .put(
            ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR,
            URI.create("http://127.0.0.1:8091/api/v1/pods"));
    return exchange;
  }
}
