package io.cetus.objectstore.store;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.cetus.api.errors.ApiException;
import io.cetus.api.errors.Reason;
import io.cetus.objectstore.store.memory.InMemoryObjectStore;
import io.cetus.testsupport.time.MutableClock;

import static io.cetus.api.resource.ResourceTypes.CONFIG_MAPS;
import static io.cetus.api.resource.ResourceTypes.EVENTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class InMemoryObjectStoreTest extends ObjectStoreContract {

  private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));

  @Override
  protected ObjectStore newStore() {
    return new InMemoryObjectStore(clock, Duration.ofHours(1));
  }

  private InMemoryObjectStore memory() {
    return (InMemoryObjectStore) store();
  }

  @Test
  void eventsExpireAnHourAfterTheirLastWrite() {
    store().create(EVENTS, object("v1", "Event", "default", "e1"));
    store().create(CONFIG_MAPS, configMap("default", "kept", "1"));
    clock.advance(Duration.ofMinutes(40));
    store().update(EVENTS, object("v1", "Event", "default", "e1"), null);

    clock.advance(Duration.ofMinutes(40));
    assertThat(store().get(EVENTS, "default", "e1")).isPresent();
    clock.advance(Duration.ofMinutes(20));

    assertThat(store().get(EVENTS, "default", "e1")).isEmpty();
    assertThat(store().list(EVENTS, null, null, 0).items()).isEmpty();
    assertThat(store().get(CONFIG_MAPS, "default", "kept")).isPresent();
    assertThat(store().create(EVENTS, object("v1", "Event", "default", "e1"))).isNotNull();
  }

  @Test
  void failNextListFailsOneListOnly() {
    store().create(CONFIG_MAPS, configMap("default", "a", "1"));
    memory().failNextList(new ApiException(Reason.TOO_MANY_REQUESTS, "slow down"));

    assertThatThrownBy(() -> store().list(CONFIG_MAPS, null, null, 0)).hasMessage("slow down");
    assertThat(store().list(CONFIG_MAPS, null, null, 0).items()).hasSize(1);
  }

  @Test
  void droppedWatchesAreToldToWatchAgain() {
    var listener = new RecordingListener();
    watch(CONFIG_MAPS, null, 0, listener);
    store().create(CONFIG_MAPS, configMap("default", "a", "1"));
    await().atMost(DEADLINE).untilAsserted(() -> assertThat(listener.events()).hasSize(1));

    memory().dropWatches();
    store().create(CONFIG_MAPS, configMap("default", "b", "1"));

    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () ->
                assertThat(listener.closeCause())
                    .isInstanceOfSatisfying(
                        ApiException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.SERVICE_UNAVAILABLE)));
    assertThat(listener.changes()).containsExactly("ADDED a");
  }
}
