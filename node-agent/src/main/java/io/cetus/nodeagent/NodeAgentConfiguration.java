package io.cetus.nodeagent;

import java.time.Clock;
import java.time.Duration;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

import io.cetus.api.coordination.Lease;
import io.cetus.api.core.Node;
import io.cetus.boot.ControllerMetrics;
import io.cetus.client.ObjectClientFactory;
import io.cetus.controller.Controller;
import io.cetus.nodeagent.hollow.HollowMode;
import io.cetus.nodeagent.node.NodeHeartbeat;
import io.cetus.nodeagent.pod.AgentSettings;
import io.cetus.nodeagent.pod.ClusterServices;
import io.cetus.nodeagent.pod.ContainerLocator;
import io.cetus.nodeagent.pod.OrphanCollector;
import io.cetus.nodeagent.pod.PodAgent;
import io.cetus.nodeagent.pod.PodController;
import io.cetus.nodeagent.probe.ExecutorProbeScheduler;
import io.cetus.nodeagent.runtime.ContainerRuntime;
import io.cetus.nodeagent.runtime.docker.DockerContainerRuntime;
import io.cetus.nodeagent.runtime.docker.DockerRuntimeProperties;
import io.cetus.nodeagent.runtime.fake.FakeContainerRuntime;

/**
 * The node agent's beans: the container runtime ({@code platform.node-agent.runtime}), the Node
 * heartbeat, and the {@code pods} controller the platform starter runs (on every agent: no leader
 * election). In hollow mode ({@code platform.node-agent.hollow.nodes > 0}) the node's beans give
 * way to {@code io.cetus.nodeagent.hollow}'s. Nothing here talks to the engine at startup, so an
 * agent whose engine is down still starts, registers its Node {@code Ready=False} and keeps trying.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NodeAgentProperties.class)
class NodeAgentConfiguration {

  private static final Duration ORPHAN_COLLECTION_INTERVAL = Duration.ofSeconds(30);

  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  ContainerRuntime containerRuntime(NodeAgentProperties properties, Clock clock) {
    if (properties.hollowMode()) {
      // Each hollow node has a fake engine of its own; the agent's is empty.
      return new FakeContainerRuntime(clock);
    }
    return switch (properties.runtime()) {
      case DOCKER -> new DockerContainerRuntime(DockerRuntimeProperties.defaults(), clock);
      case FAKE -> {
        FakeContainerRuntime fake = new FakeContainerRuntime(clock);
        if (properties.fakeImageList().contains(NodeAgentProperties.EVERY_IMAGE)) {
          fake.addEveryImage();
        }
        yield fake.addImage(properties.sandboxImage())
            .addImage(
                properties.fakeImageList().stream()
                    .filter(image -> !image.equals(NodeAgentProperties.EVERY_IMAGE))
                    .toArray(String[]::new));
      }
    };
  }

  @Bean
  @Conditional(HollowMode.Off.class)
  NodeHeartbeat nodeHeartbeat(
      NodeAgentProperties properties,
      ContainerRuntime runtime,
      ObjectClientFactory clients,
      Clock clock) {
    return new NodeHeartbeat(
        properties.node(),
        properties.address(),
        properties.maxPods(),
        properties.heartbeatInterval(),
        properties.leaseDuration(),
        runtime,
        clients.forType(Node.class),
        clients.forType(Lease.class),
        clock);
  }

  /** The server's actual port (random in tests), for the Node's kubelet endpoint. */
  @Bean
  @Conditional(HollowMode.Off.class)
  ApplicationListener<WebServerInitializedEvent> serverPortPublisher(NodeHeartbeat heartbeat) {
    return event -> {
      // A separate management server announces itself with a namespace; only the main one serves
      // pods.
      if (event.getApplicationContext().getServerNamespace() == null) {
        heartbeat.serverPort(event.getWebServer().getPort());
      }
    };
  }

  @Bean(destroyMethod = "close")
  ExecutorProbeScheduler probeScheduler() {
    return new ExecutorProbeScheduler();
  }

  /** Every Service, for the containers' service environment variables; one per process. */
  @Bean
  ClusterServices clusterServices(ObjectClientFactory clients) {
    return ClusterServices.watching(clients);
  }

  @Bean
  @Conditional(HollowMode.Off.class)
  PodAgent podAgent(
      NodeAgentProperties properties,
      ObjectClientFactory clients,
      ContainerRuntime runtime,
      ClusterServices services,
      ExecutorProbeScheduler probeScheduler,
      Clock clock,
      ControllerMetrics metrics) {
    return PodController.create(
        new AgentSettings(
            properties.node(),
            properties.address(),
            properties.network(),
            properties.sandboxImage(),
            properties.publishedAddress(),
            properties.podNetwork().cluster()),
        clients,
        runtime,
        services,
        properties.state(),
        probeScheduler,
        clock,
        reconciler -> metrics.timed(PodController.NAME, reconciler));
  }

  @Bean
  @Conditional(HollowMode.Off.class)
  ContainerLocator containerLocator(NodeAgentProperties properties, ContainerRuntime runtime) {
    return new ContainerLocator(properties.node(), runtime);
  }

  @Bean
  @Conditional(HollowMode.Off.class)
  Controller podController(PodAgent podAgent) {
    return podAgent.controller();
  }

  @Bean
  @Conditional(HollowMode.Off.class)
  OrphanCollector orphanCollector(PodAgent podAgent) {
    return new OrphanCollector(podAgent, ORPHAN_COLLECTION_INTERVAL);
  }
}
