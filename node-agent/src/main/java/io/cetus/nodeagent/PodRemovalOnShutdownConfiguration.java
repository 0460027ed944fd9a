package io.cetus.nodeagent;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

import io.cetus.nodeagent.hollow.HollowMode;
import io.cetus.nodeagent.pod.PodRemovalOnShutdown;
import io.cetus.nodeagent.runtime.ContainerRuntime;

/**
 * {@code platform.node-agent.remove-pods-on-shutdown=true}: the agent removes its node's containers
 * when it stops (Compose deployments; see {@link PodRemovalOnShutdown}). Its bean is destroyed
 * after the pod controller has stopped (lifecycles stop before beans are destroyed), so nothing
 * starts them again, and before the runtime it uses is closed.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(HollowMode.Off.class)
@ConditionalOnProperty(
    prefix = "platform.node-agent",
    name = "remove-pods-on-shutdown",
    havingValue = "true")
class PodRemovalOnShutdownConfiguration {

  @Bean(destroyMethod = "close")
  PodRemovalOnShutdown podRemovalOnShutdown(
      NodeAgentProperties properties,
      ContainerRuntime runtime,
      @Value("${platform.node-agent.remove-pods-grace:5s}") Duration grace) {
    return new PodRemovalOnShutdown(properties.node(), runtime, grace);
  }
}
