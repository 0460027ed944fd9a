package io.cetus.serviceproxy.endpoints;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.cetus.api.core.Container;
import io.cetus.api.core.ContainerPort;
import io.cetus.api.core.Pod;
import io.cetus.api.core.PodCondition;
import io.cetus.api.core.PodIP;
import io.cetus.api.core.PodSpec;
import io.cetus.api.core.PodStatus;
import io.cetus.api.core.Service;
import io.cetus.api.core.ServicePort;
import io.cetus.api.core.ServiceSpec;
import io.cetus.api.meta.Condition;
import io.cetus.api.meta.IntOrString;
import io.cetus.api.meta.ObjectMeta;

/** Services and pods for endpoints tests, built as small changes to plain defaults. */
final class Fixtures {

  static final String NAMESPACE = "default";
  static final String NODE = "node-1";
  static final Map<String, String> WEB = Map.of("app", "web");

  private Fixtures() {}

  /** A ClusterIP service selecting {@code selector}, with these ports. */
  static Service service(String name, Map<String, String> selector, ServicePort... ports) {
    return new Service(
        null,
        null,
        ObjectMeta.named(NAMESPACE, name),
        ServiceSpec.builder()
            .type(ServiceSpec.CLUSTER_IP)
            .clusterIP("10.242.128.10")
            .selector(selector)
            .ports(List.of(ports))
            .build(),
        null);
  }

  static Service withSpec(Service service, ServiceSpec.Builder changed) {
    return service.withSpec(changed.build());
  }

  /** An unnamed TCP port to {@code target}. */
  static ServicePort port(int port, int target) {
    return new ServicePort(null, "TCP", null, port, IntOrString.of(target), null);
  }

  /** A named TCP port to a number or a container port name. */
  static ServicePort port(String name, int port, IntOrString target) {
    return new ServicePort(name, "TCP", null, port, target, null);
  }

  /**
   * A pod bound to {@value #NODE} in {@value #NAMESPACE}, running one container with {@code ports}.
   */
  static Pod pod(String name, Map<String, String> labels, ContainerPort... ports) {
    return new Pod(
        null,
        null,
        ObjectMeta.named(NAMESPACE, name).withLabels(labels),
        PodSpec.builder()
            .nodeName(NODE)
            .containers(
                List.of(
                    Container.builder()
                        .name("app")
                        .image("cetus/demo-app:0.1.0")
                        .ports(List.of(ports))
                        .build()))
            .build(),
        null);
  }

  static ContainerPort containerPort(@Nullable String name, int port) {
    return new ContainerPort(name, null, port, "TCP", null);
  }

  static ContainerPort containerPort(String name, int port, String protocol) {
    return new ContainerPort(name, null, port, protocol, null);
  }

  /** A Running status with this pod IP and Ready condition, Ready since {@code since}. */
  static PodStatus running(String ip, boolean ready, Instant since) {
    return PodStatus.builder()
        .phase(PodStatus.RUNNING)
        .podIP(ip)
        .podIPs(List.of(new PodIP(ip)))
        .conditions(
            List.of(
                new PodCondition(
                    PodCondition.READY,
                    ready ? Condition.TRUE : Condition.FALSE,
                    null,
                    since,
                    null,
                    null)))
        .build();
  }

  static PodStatus phase(String phase, String ip) {
    return PodStatus.builder().phase(phase).podIP(ip).podIPs(List.of(new PodIP(ip))).build();
  }
}
