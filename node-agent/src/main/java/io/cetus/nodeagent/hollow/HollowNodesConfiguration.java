package io.cetus.nodeagent.hollow;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

import io.cetus.boot.ControllerMetrics;
import io.cetus.client.ObjectClientFactory;
import io.cetus.controller.Controller;
import io.cetus.nodeagent.NodeAgentProperties;
import io.cetus.nodeagent.pod.ClusterServices;
import io.cetus.nodeagent.pod.ContainerLocator;
import io.cetus.nodeagent.pod.PodAgent;
import io.cetus.nodeagent.pod.PodController;
import io.cetus.nodeagent.probe.ExecutorProbeScheduler;
import io.cetus.nodeagent.runtime.ContainerRuntime;

/**
 * The agent's beans in hollow mode ({@code platform.node-agent.hollow.nodes > 0}), in place of the
 * single node's heartbeat, pod controller and orphan collector.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(HollowMode.On.class)
class HollowNodesConfiguration {

  @Bean
  HollowNodes hollowNodes(
      NodeAgentProperties properties,
      ObjectClientFactory clients,
      ClusterServices services,
      ExecutorProbeScheduler probeScheduler,
      Clock clock,
      ControllerMetrics metrics) {
    return new HollowNodes(
        properties,
        clients,
        services,
        probeScheduler,
        clock,
        reconciler -> metrics.timed(PodController.NAME, reconciler));
  }

  @Bean
  Controller podController(HollowNodes hollowNodes) {
    return hollowNodes.controller();
  }

  /**
   * For the web endpoints, which look pods up in the shared informer. Hollow nodes serve no logs or
   * exec: their containers live in per-node fake engines, and the agent's own engine (the {@code
   * ContainerRuntime} bean) is empty, so the endpoints answer that the container is not running.
   * The reconciler is the first node's (orphan collection here is {@link
   * HollowNodes#collectOrphans}).
   */
  @Bean
  PodAgent podAgent(HollowNodes hollowNodes) {
    return new PodAgent(
        hollowNodes.controller(), hollowNodes.nodes().getFirst().reconciler(), hollowNodes.pods());
  }

  @Bean
  ContainerLocator containerLocator(NodeAgentProperties properties, ContainerRuntime runtime) {
    return new ContainerLocator(properties.node(), runtime);
  }
}
