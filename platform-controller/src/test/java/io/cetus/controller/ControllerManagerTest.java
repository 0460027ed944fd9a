package io.cetus.controller;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.cetus.api.core.ConfigMap;
import io.cetus.api.errors.ApiException;
import io.cetus.api.errors.Reason;
import io.cetus.client.informer.DefaultSharedInformer;
import io.cetus.client.informer.InformerOptions;
import io.cetus.controller.handler.EventHandlers;
import io.cetus.controller.reconcile.Result;
import io.cetus.testsupport.client.FakeListerWatcher;

import static io.cetus.controller.ConfigMaps.configMap;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class ControllerManagerTest {

  private final FakeListerWatcher<ConfigMap> source = new FakeListerWatcher<>(ConfigMap.class);
  private final DefaultSharedInformer<ConfigMap> informer =
      new DefaultSharedInformer<>(
          "configmaps",
          source,
          InformerOptions.DEFAULTS.withBackoff(Duration.ofMillis(20), Duration.ofMillis(20)));
  private final ControllerManager manager = new ControllerManager();

  @AfterEach
  void stop() {
    manager.stop();
  }

  @Test
  void controllersStartOnlyOnceTheirInformersHaveSynced() throws InterruptedException {
    source.add(configMap("ns", "a"));
    source.add(configMap("ns", "b"));
    source.failNextList(new ApiException(Reason.SERVICE_UNAVAILABLE, "store starting"));
    List<Integer> cacheSizeAtReconcile = new CopyOnWriteArrayList<>();
    manager.add(
        ControllerBuilder.named("test")
            .watch(informer, EventHandlers.enqueueSelf())
            .reconciler(
                request -> {
                  cacheSizeAtReconcile.add(informer.lister().list().size());
                  return Result.DONE;
                })
            .build());

    manager.start(Duration.ofSeconds(10));

    assertThat(source.lists()).isEqualTo(2);
    await().until(() -> cacheSizeAtReconcile.size() == 2);
    assertThat(cacheSizeAtReconcile).containsOnly(2);
  }

  @Test
  void startFailsWhenAnInformerCannotSync() {
    for (int i = 0; i < 100; i++) {
      source.failNextList(new ApiException(Reason.SERVICE_UNAVAILABLE, "store down"));
    }
    manager.add(
        ControllerBuilder.named("test")
            .watch(informer, EventHandlers.enqueueSelf())
            .reconciler(request -> Result.DONE)
            .build());

    assertThatThrownBy(() -> manager.start(Duration.ofMillis(200)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("did not sync");
  }

  @Test
  void stopStopsControllersAndInformers() throws InterruptedException {
    var controller =
        ControllerBuilder.named("test")
            .watch(informer, EventHandlers.enqueueSelf())
            .reconciler(request -> Result.DONE)
            .build();
    manager.add(controller);
    manager.start(Duration.ofSeconds(10));
    await().until(() -> source.openWatches() == 1);

    manager.stop();

    assertThat(controller.queue().isShuttingDown()).isTrue();
    await().until(() -> source.openWatches() == 0);
  }
}
