package io.cetus.client.informer;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.cetus.api.errors.ApiException;
import io.cetus.api.errors.Reason;
import io.cetus.api.watch.WatchEvent;
import io.cetus.client.TestObject;
import io.cetus.client.informer.internal.NotifyingStore;
import io.cetus.client.informer.internal.Reflector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ReflectorTest {

  private final ScriptedListerWatcher<TestObject> source = new ScriptedListerWatcher<>();
  private final NotifyingStore<TestObject> store = new NotifyingStore<>("test");
  private final RecordingHandler handler = new RecordingHandler();
  private final Reflector<TestObject> reflector =
      new Reflector<>("test", source, store, Duration.ofMillis(5), Duration.ofMillis(20));

  @AfterEach
  void stop() {
    reflector.stop();
    store.shutDown();
  }

  @Test
  void initialListFillsTheCacheAndIsDeliveredAsInitialAdds() throws InterruptedException {
    source.willList("3", List.of(obj("a", "1"), obj("b", "3")));
    store.addHandler(handler);

    reflector.start();

    assertThat(store.awaitSynced(Duration.ofSeconds(5))).isTrue();
    assertThat(store.lister().list()).extracting(o -> o.metadata().name()).containsOnly("a", "b");
    await()
        .untilAsserted(
            () ->
                assertThat(handler.calls())
                    .containsExactlyInAnyOrder("add ns/a@1 initial", "add ns/b@3 initial"));
  }

  @Test
  void watchStartsFromTheListRevisionAndAppliesEventsInOrder() {
    source.willList("3", List.of(obj("a", "1")));
    store.addHandler(handler);
    reflector.start();

    source
        .awaitWatch(1)
        .emit(WatchEvent.ADDED, obj("b", "4"))
        .emit(WatchEvent.MODIFIED, obj("a", "5"))
        .emit(WatchEvent.DELETED, obj("b", "6"));

    await()
        .untilAsserted(
            () ->
                assertThat(handler.calls())
                    .containsExactly(
                        "add ns/a@1 initial", "add ns/b@4", "update ns/a@1 -> 5", "delete ns/b@6"));
    assertThat(source.watchedFrom()).containsExactly("3");
    assertThat(store.lister().list()).containsExactly(obj("a", "5"));
    assertThat(reflector.lastResourceVersion()).isEqualTo("6");
  }

  @Test
  void endedWatchResumesFromTheLastRevisionSeenWithoutListingAgain() {
    source.willList("3", List.of());
    reflector.start();

    source.awaitWatch(1).emit(WatchEvent.ADDED, obj("a", "7")).end();
    source.awaitWatch(2);

    assertThat(source.watchedFrom()).containsExactly("3", "7");
    assertThat(source.lists()).isEqualTo(1);
  }

  @Test
  void bookmarkAdvancesTheResumeRevisionWithoutTouchingTheCache() {
    source.willList("3", List.of(obj("a", "1")));
    store.addHandler(handler);
    reflector.start();

    source.awaitWatch(1).emit(WatchEvent.BOOKMARK, obj("a", "42")).end();
    source.awaitWatch(2);

    assertThat(source.watchedFrom()).containsExactly("3", "42");
    assertThat(store.lister().get("ns", "a")).contains(obj("a", "1"));
    assertThat(handler.calls()).containsExactly("add ns/a@1 initial");
  }

  @Test
  void failedWatchBacksOffAndWatchesAgainFromTheLastRevision() {
    source.willList("3", List.of());
    reflector.start();

    source.awaitWatch(1).emit(WatchEvent.ADDED, obj("a", "4"));
    source.awaitWatch(1).fail(new ApiException(Reason.SERVICE_UNAVAILABLE, "connection reset"));
    source.awaitWatch(2);

    assertThat(source.watchedFrom()).containsExactly("3", "4");
    assertThat(source.lists()).isEqualTo(1);
  }

  @Test
  void expiredWatchListsAgainAndDeliversTheDifference() {
    source.willList("3", List.of(obj("a", "1"), obj("b", "2"), obj("c", "3")));
    store.addHandler(handler);
    reflector.start();
    ScriptedListerWatcher.ScriptedWatch<TestObject> first = source.awaitWatch(1);
    await().until(() -> handler.calls().size() == 3);

    // Meanwhile b changed, c was deleted and d created, and the history was compacted.
    source.willList("9", List.of(obj("a", "1"), obj("b", "5"), obj("d", "8")));
    first.fail(ApiException.expired("too old resource version: 3 (6)"));
    source.awaitWatch(2);

    await()
        .untilAsserted(
            () ->
                assertThat(handler.calls().subList(3, handler.calls().size()))
                    .containsExactlyInAnyOrder(
                        "update ns/b@2 -> 5", "add ns/d@8", "delete ns/c@3 unknown"));
    assertThat(source.watchedFrom()).containsExactly("3", "9");
    assertThat(store.lister().list())
        .containsExactlyInAnyOrder(obj("a", "1"), obj("b", "5"), obj("d", "8"));
  }

  @Test
  void failedListIsRetriedUntilItSucceeds() throws InterruptedException {
    source.failNextList(new ApiException(Reason.SERVICE_UNAVAILABLE, "store down"));
    source.failNextList(new ApiException(Reason.SERVICE_UNAVAILABLE, "store down"));
    source.willList("3", List.of(obj("a", "1")));

    reflector.start();

    assertThat(store.awaitSynced(Duration.ofSeconds(5))).isTrue();
    assertThat(source.lists()).isEqualTo(3);
    assertThat(store.lister().get("ns", "a")).isPresent();
  }

  @Test
  void stopClosesTheOpenWatch() {
    source.willList("3", List.of());
    reflector.start();
    ScriptedListerWatcher.ScriptedWatch<TestObject> watch = source.awaitWatch(1);

    reflector.stop();

    assertThat(watch.isClosed()).isTrue();
    await()
        .during(50, TimeUnit.MILLISECONDS)
        .atMost(1, TimeUnit.SECONDS)
        .until(() -> source.watchedFrom().size() == 1);
  }

  private static TestObject obj(String name, String resourceVersion) {
    return TestObject.of("ns", name, resourceVersion);
  }
}
