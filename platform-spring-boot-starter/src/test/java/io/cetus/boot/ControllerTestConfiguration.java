package io.cetus.boot;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import io.cetus.api.core.ConfigMap;
import io.cetus.client.informer.SharedInformerFactory;
import io.cetus.controller.Controller;
import io.cetus.controller.ControllerBuilder;
import io.cetus.controller.handler.EventHandlers;
import io.cetus.controller.reconcile.Request;
import io.cetus.controller.reconcile.Result;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * A service with one controller that records the ConfigMaps it reconciles and a recording {@link
 * LeadershipLostAction}; tests add the {@code FakeApiClient} that stands for the object store.
 */
@TestConfiguration(proxyBeanMethods = false)
class ControllerTestConfiguration {

  /** What the service's controller and leadership callbacks did. */
  static final class Recorder {
    final List<Request> reconciled = new CopyOnWriteArrayList<>();
    final List<String> leadershipLost = new CopyOnWriteArrayList<>();
  }

  @Bean
  Recorder recorder() {
    return new Recorder();
  }

  @Bean
  MeterRegistry meterRegistry() {
    return new SimpleMeterRegistry();
  }

  @Bean
  LeadershipLostAction recordingLeadershipLostAction(Recorder recorder) {
    return () -> recorder.leadershipLost.add("lost");
  }

  @Bean
  Controller configMapController(
      SharedInformerFactory informers, ControllerMetrics metrics, Recorder recorder) {
    return ControllerBuilder.named("configmaps")
        .watch(informers.forType(ConfigMap.class), EventHandlers.enqueueSelf())
        .reconciler(
            metrics.timed(
                "configmaps",
                request -> {
                  recorder.reconciled.add(request);
                  return Result.DONE;
                }))
        .build();
  }
}
