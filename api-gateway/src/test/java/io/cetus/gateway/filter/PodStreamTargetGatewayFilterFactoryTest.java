package io.cetus.gateway.filter;

import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.filter.ReactiveLoadBalancerClientFilter;
import org.springframework.cloud.gateway.filter.RouteToRequestUrlFilter;

import static org.assertj.core.api.Assertions.assertThat;

class PodStreamTargetGatewayFilterFactoryTest {

  @Test
  void runsAfterTheRouteUrlIsSetAndBeforeAnythingSendsTheRequest() {
    assertThat(PodStreamTargetGatewayFilterFactory.ORDER)
        .isGreaterThan(RouteToRequestUrlFilter.ROUTE_TO_URL_FILTER_ORDER)
        .isLessThan(ReactiveLoadBalancerClientFilter.LOAD_BALANCER_CLIENT_FILTER_ORDER)
        .isLessThan(WebSocketProxyFilter.ORDER);
  }

  @Test
  void isNamedPodStreamTargetInRoutes() {
    assertThat(new PodStreamTargetGatewayFilterFactory(null).name()).isEqualTo("PodStreamTarget");
  }
}
