package io.cetus.nodeagent.web;

import org.apache.tomcat.websocket.server.WsSci;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

import io.cetus.nodeagent.pod.ContainerLocator;
import io.cetus.nodeagent.pod.PodAgent;
import io.cetus.nodeagent.runtime.ContainerRuntime;

/**
 * {@code exec} and {@code attach} over WebSocket on {@code
 * /api/v1/namespaces/{ns}/pods/{name}/exec} and {@code .../attach}. Spring Boot's WebSocket
 * auto-configuration is not on the class path here, so this also installs Tomcat's WebSocket
 * container ({@link WsSci}), as that auto-configuration would.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class RemoteCommandWebSocketConfiguration implements WebSocketConfigurer {

  private final PodAgent agent;
  private final ContainerLocator containers;
  private final ContainerRuntime runtime;

  RemoteCommandWebSocketConfiguration(
      PodAgent agent, ContainerLocator containers, ContainerRuntime runtime) {
    this.agent = agent;
    this.containers = containers;
    this.runtime = runtime;
  }

  @Override
  public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
    registry
        .addHandler(
            new RemoteCommandHandler(runtime),
            "/api/v1/namespaces/*/pods/*/exec",
            "/api/v1/namespaces/*/pods/*/attach")
        .addInterceptors(new RemoteCommandHandshake(agent, containers, runtime))
        // The gateway authenticates; kubectl and client libraries send no Origin anyway.
        .setAllowedOriginPatterns("*");
  }

  @Bean
  static WebServerFactoryCustomizer<TomcatServletWebServerFactory> webSocketContainer() {
    return factory ->
        factory.addContextCustomizers(
            context -> context.addServletContainerInitializer(new WsSci(), null));
  }
}
