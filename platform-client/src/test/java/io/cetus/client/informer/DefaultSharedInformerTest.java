package io.cetus.client.informer;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.cetus.api.watch.WatchEvent;
import io.cetus.client.TestObject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class DefaultSharedInformerTest {

  private final ScriptedListerWatcher<TestObject> source = new ScriptedListerWatcher<>();
  private final InformerOptions fastRetries =
      InformerOptions.DEFAULTS.withBackoff(Duration.ofMillis(5), Duration.ofMillis(20));
  private DefaultSharedInformer<TestObject> informer =
      new DefaultSharedInformer<>("widgets", source, fastRetries);

  @AfterEach
  void stop() {
    informer.stop();
  }

  @Test
  void handlerAddedToARunningInformerFirstGetsTheCacheThenLaterChanges() throws Exception {
    source.willList("3", List.of(TestObject.of("ns", "a", "1"), TestObject.of("ns", "b", "2")));
    informer.start();
    assertThat(informer.awaitSynced(Duration.ofSeconds(5))).isTrue();
    var late = new RecordingHandler();

    informer.addEventHandler(late);
    source.awaitWatch(1).emit(WatchEvent.ADDED, TestObject.of("ns", "c", "4"));

    await().until(() -> late.calls().size() == 3);
    assertThat(late.calls().subList(0, 2))
        .containsExactlyInAnyOrder("add ns/a@1 initial", "add ns/b@2 initial");
    assertThat(late.calls().get(2)).isEqualTo("add ns/c@4");
  }

  @Test
  void handlersRunOnTheInformersDispatchThread() {
    source.willList("1", List.of(TestObject.of("ns", "a", "1")));
    var handler = new RecordingHandler();
    informer.addEventHandler(handler);

    informer.start();

    await().until(() -> !handler.calls().isEmpty());
    assertThat(handler.threads()).containsOnly("informer-widgets");
  }

  @Test
  void failingHandlerDoesNotKeepOthersFromTheirEvents() {
    source.willList("1", List.of(TestObject.of("ns", "a", "1")));
    informer.addEventHandler(
        new ResourceEventHandler<>() {
          @Override
          public void onAdd(TestObject object, boolean inInitialList) {
            throw new IllegalStateException("handler bug");
          }
        });
    var healthy = new RecordingHandler();
    informer.addEventHandler(healthy);

    informer.start();
    source.awaitWatch(1).emit(WatchEvent.ADDED, TestObject.of("ns", "b", "2"));

    await()
        .untilAsserted(
            () -> assertThat(healthy.calls()).containsExactly("add ns/a@1 initial", "add ns/b@2"));
  }

  @Test
  void resyncRedeliversEveryCachedObjectAsAnUpdateToItself() {
    informer =
        new DefaultSharedInformer<>(
            "widgets", source, fastRetries.withResyncPeriod(Duration.ofMillis(50)));
    source.willList("1", List.of(TestObject.of("ns", "a", "1")));
    var handler = new RecordingHandler();
    informer.addEventHandler(handler);

    informer.start();

    await()
        .untilAsserted(
            () ->
                assertThat(handler.calls())
                    .startsWith("add ns/a@1 initial", "update ns/a@1 -> 1", "update ns/a@1 -> 1"));
  }

  @Test
  void withoutResyncNothingIsRedelivered() {
    source.willList("1", List.of(TestObject.of("ns", "a", "1")));
    var handler = new RecordingHandler();
    informer.addEventHandler(handler);

    informer.start();

    await()
        .during(Duration.ofMillis(200))
        .atMost(Duration.ofSeconds(2))
        .until(() -> handler.calls().equals(List.of("add ns/a@1 initial")));
  }

  @Test
  void hasSyncedOnlyAfterTheFirstList() throws InterruptedException {
    source.failNextList(new IllegalStateException("down"));
    assertThat(informer.hasSynced()).isFalse();

    informer.start();

    assertThat(informer.awaitSynced(Duration.ofSeconds(5))).isTrue();
    assertThat(informer.lastSyncResourceVersion()).isEqualTo("0");
  }
}
