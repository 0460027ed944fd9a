package io.cetus.serviceproxy.dns;

import java.util.List;

import io.cetus.api.core.EndpointAddress;
import io.cetus.api.core.EndpointPort;
import io.cetus.api.core.EndpointSubset;
import io.cetus.api.core.Endpoints;
import io.cetus.api.core.Service;
import io.cetus.api.core.ServicePort;
import io.cetus.api.core.ServiceSpec;
import io.cetus.api.meta.IntOrString;
import io.cetus.api.meta.ObjectMeta;

/** Services and endpoints for DNS tests. */
final class Fixtures {

  static final String NAMESPACE = "default";

  private Fixtures() {}

  static Service clusterIp(String name, String clusterIp) {
    return service(
        name,
        ServiceSpec.builder()
            .type(ServiceSpec.CLUSTER_IP)
            .clusterIP(clusterIp)
            .clusterIPs(List.of(clusterIp))
            .ports(List.of(new ServicePort("http", "TCP", null, 80, IntOrString.of(8080), null)))
            .build());
  }

  static Service headless(String name) {
    return service(
        name,
        ServiceSpec.builder()
            .type(ServiceSpec.CLUSTER_IP)
            .clusterIP("None")
            .clusterIPs(List.of("None"))
            .ports(List.of(new ServicePort("http", "TCP", null, 80, IntOrString.of(8080), null)))
            .build());
  }

  static Service externalName(String name, String externalName) {
    return service(
        name,
        ServiceSpec.builder().type(ServiceSpec.EXTERNAL_NAME).externalName(externalName).build());
  }

  static Service service(String name, ServiceSpec spec) {
    return new Service(null, null, ObjectMeta.named(NAMESPACE, name), spec, null);
  }

  /** Endpoints of {@code name}: {@code ready} and {@code notReady} pod IPs on port http 8080. */
  static Endpoints endpoints(String name, List<String> ready, List<String> notReady) {
    return new Endpoints(
        null,
        null,
        ObjectMeta.named(NAMESPACE, name),
        List.of(
            new EndpointSubset(
                ready.stream().map(Fixtures::address).toList(),
                notReady.stream().map(Fixtures::address).toList(),
                List.of(new EndpointPort("http", 8080, "TCP", null)))));
  }

  private static EndpointAddress address(String ip) {
    return new EndpointAddress(ip, null, null, null);
  }
}
